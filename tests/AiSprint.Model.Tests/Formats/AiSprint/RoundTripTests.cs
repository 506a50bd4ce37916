namespace AiSprint.Model.Tests.Formats.AiSprint;

public class RoundTripTests
{
    public static TheoryData<string> Files() => AiSprintData.KnownFileNames();

    [Fact]
    public void Every_yaml_file_of_the_examples_has_a_reader()
    {
        var all = SharedData.Files("aisprint", "*.yaml").Select(Path.GetFileName).ToList();
        var known = AiSprintData.KnownFiles().Select(x => Path.GetFileName(x.Path)).ToList();
        Assert.Equal(15, known.Count);
        Assert.Equal(["physical_nodes.yaml"], all.Except(known).Distinct());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Real_file_reads_without_any_diagnostic(string relative)
    {
        var path = SharedData.PathOf("aisprint", relative);
        var (value, diagnostics) = AiSprintData.FormatOf(relative).Read(File.ReadAllText(path), path);
        Assert.Empty(diagnostics);
        Assert.NotNull(value);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_write_read_gives_an_equal_model(string relative)
    {
        var path = SharedData.PathOf("aisprint", relative);
        var format = AiSprintData.FormatOf(relative);
        var (first, _) = format.Read(File.ReadAllText(path), path);
        var written = format.Write(first!);
        var (second, diagnostics) = format.Read(written, "written.yaml");
        Assert.Empty(diagnostics);
        Assert.Equal(first, second);
        // Writing is deterministic and stable: writing the re-read model gives the same text.
        Assert.Equal(written, format.Write(second!));
    }
}
