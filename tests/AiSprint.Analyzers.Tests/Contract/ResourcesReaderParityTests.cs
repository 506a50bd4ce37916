using AiSprint.Analyzers.Inputs;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Tests;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Tests.Contract;

/// <summary>
/// The analyzers keep a subset reader of candidate_resources.yaml (the build's needs YamlDotNet's full model and Model's
/// object graph, which an analyzer host should not load). Both must reach the same verdict on every real file and on
/// the usual mistakes: valid or not, the same resources with the same memory and the same trusted-execution answer.
/// </summary>
public sealed class ResourcesReaderParityTests
{
    public static TheoryData<string> RealFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in SharedData.Files(".", CandidateResourcesYaml.FileName)) files.Add(file);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples"), CandidateResourcesYaml.FileName, SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            files.Add(file);
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Both_readers_read_every_real_file_alike(string path) => AssertSameVerdict(File.ReadAllText(path));

    [Theory]
    [InlineData("memorySize:", "memorysize:")]
    [InlineData("memorySize:", "memorySize: lots #")]
    [InlineData("AccessDelay:", "AccesDelay:")]
    [InlineData("Bandwidth:", "Bandwidth: fast #")]
    [InlineData("NetworkDomains:", "NetworkDomains: [")]
    public void Both_readers_refuse_the_same_mistakes(string find, string replace)
    {
        var real = File.ReadAllText(SharedData.Files(".", CandidateResourcesYaml.FileName).First());
        var at = real.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find + " is not in the file");
        AssertSameVerdict(real[..at] + replace + real[(at + find.Length)..]);
    }

    private static void AssertSameVerdict(string text)
    {
        var build = CandidateResourcesYaml.Read(text, CandidateResourcesYaml.FileName);
        var analyzer = CandidateResourcesReader.Read(CandidateResourcesYaml.FileName, SourceText.From(text));
        var buildValid = build.Succeeded;
        var analyzerValid = analyzer.Value is not null && analyzer.Problems.IsEmpty;
        Assert.True(buildValid == analyzerValid,
            $"build says {(buildValid ? "valid" : string.Join("; ", build.Diagnostics))}, analyzers say {(analyzerValid ? "valid" : string.Join("; ", analyzer.Problems.Select(p => p.Message)))}");
        if (!buildValid) return;

        var expected = build.Value!.Value.AllResources
            .Select(r => (r.Name, Memory: Math.Round(r.Memory.Value, 6), Trusted: AiSprint.Model.Validation.SystemValidator.CanRunTrusted(r)))
            .OrderBy(r => r.Name, StringComparer.Ordinal);
        var actual = analyzer.Value!.Resources
            .Select(r => (r.Name, Memory: Math.Round(r.MemoryMb, 6), Trusted: r.CanRunTrusted))
            .OrderBy(r => r.Name, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }
}
