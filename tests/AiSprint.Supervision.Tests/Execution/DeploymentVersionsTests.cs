using AiSprint.Supervision.Execution;

namespace AiSprint.Supervision.Tests.Execution;

public sealed class DeploymentVersionsTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("aisprint-versions-").FullName;

    [Fact]
    public void Each_version_is_a_complete_folder_and_current_names_the_latest()
    {
        var versions = new DeploymentVersions(Path.Combine(Temp(), "supervision"));
        Assert.Equal(0, versions.Latest());
        versions.Write(1, new Dictionary<string, string> { ["a.txt"] = "one" });
        var second = versions.Write(2, new Dictionary<string, string> { ["a.txt"] = "two", ["b.txt"] = "more" });

        Assert.Equal(2, versions.Latest());
        Assert.Equal(Path.Combine(versions.Directory, "v0002"), second);
        Assert.Equal("two", File.ReadAllText(Path.Combine(second, "a.txt")));
        Assert.Equal("v0002\n", File.ReadAllText(Path.Combine(versions.Directory, DeploymentVersions.CurrentFile)));
        // No staging folder or temporary file is left behind.
        Assert.Equal(["current", "v0001", "v0002"], Directory.EnumerateFileSystemEntries(versions.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_version_is_never_overwritten()
    {
        var versions = new DeploymentVersions(Temp());
        versions.Write(1, new Dictionary<string, string> { ["a.txt"] = "one" });
        Assert.Throws<IOException>(() => versions.Write(1, new Dictionary<string, string> { ["a.txt"] = "other" }));
        Assert.Equal("one", File.ReadAllText(Path.Combine(versions.PathOf(1), "a.txt")));
    }

    [Fact]
    public void The_line_diff_shows_removed_and_added_lines_with_context()
    {
        var lines = LineDiff.Lines("a\nb\nc\nd\ne\nf", "a\nb\nC\nd\ne\nf");
        Assert.Equal(["  b", "- c", "+ C", "  d", "  ..."], lines);
    }
}
