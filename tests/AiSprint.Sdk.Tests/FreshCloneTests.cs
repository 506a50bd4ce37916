using System.Diagnostics;

namespace AiSprint.Sdk.Tests;

/// <summary>
/// The command docs/build.md gives, run where a new user runs it: a checkout that has never been restored or built.
/// The checkout is a copy of the repository's tracked files in a temporary directory, so the projects being built
/// beside this test are never restored or rewritten.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class FreshCloneTests
{
    [Fact]
    public void The_documented_pack_command_works_on_a_fresh_clone()
    {
        var clone = Directory.CreateTempSubdirectory("aisprint-clone-").FullName;
        try
        {
            foreach (var file in TrackedFiles(TestProjectDirectoryAttribute.RepositoryRoot))
            {
                var source = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, file);
                if (!File.Exists(source) || File.Exists(Path.Combine(clone, file))) continue; // deleted in the working tree, or listed twice
                var target = Path.Combine(clone, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
            Assert.False(Directory.Exists(Path.Combine(clone, "src", "AiSprint.Cli", "obj")));

            var feed = Path.Combine(clone, "feed");
            var (code, output) = Run(clone, "dotnet", "pack", "build/AiSprint.Sdk", "-o", feed, "-nodeReuse:false");

            Assert.True(code == 0, output);
            Assert.True(File.Exists(Path.Combine(feed, "AiSprint.Sdk.0.1.0.nupkg")), output);
        }
        finally
        {
            try { Directory.Delete(clone, recursive: true); } catch (IOException) { /* a build node may still hold a file */ }
        }
    }

    private static IEnumerable<string> TrackedFiles(string repository)
    {
        // Tracked files and new ones not yet added (but not ignored ones): what a clone holds once the work is committed.
        var (code, output) = Run(repository, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Assert.True(code == 0, output);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static (int Code, string Output) Run(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // The clone stands outside the test run's build: none of its MSBuild settings may leak in.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
