using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;
using AiSprint.Model.Tests.Formats;

namespace AiSprint.Model.Tests.Formats.Space4Ai;

/// <summary>Random corruptions of the real files must never crash a reader: they parse, or they produce located errors.</summary>
public class Space4AiMutationTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var all = SharedData.Files("space4ai", "*.json").ToList();
        // Every distinct schema plus a sample of instances keeps the run short (each file gets 60 mutants).
        foreach (var file in all.Where((f, i) => !f.Contains("instances") || i % 8 == 0)) data.Add(Path.GetRelativePath(SharedData.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Mutated_real_files_never_crash_the_readers_and_errors_are_located(string relativePath)
    {
        var original = File.ReadAllText(Path.Combine(SharedData.Root, relativePath));
        var random = new Random(relativePath.Length * 7919 + original.Length);
        var directory = Directory.CreateTempSubdirectory("aisprint-mutants-");
        try
        {
            for (var i = 0; i < 60; i++)
            {
                var mutant = Mutator.Mutate(original, random);
                var path = Path.Combine(directory.FullName, $"mutant{i}.json");
                File.WriteAllText(path, mutant);
                var report = InputValidator.Validate(path);
                Assert.All(report.Diagnostics, d =>
                {
                    Assert.Equal(path, d.Location.File);
                    Assert.Matches("^AIS[0-9]{4}$", d.Code);
                    Assert.False(string.IsNullOrWhiteSpace(d.Message));
                    if (d.Code is not ("AIS0006" or "AIS0022")) Assert.True(d.Location.Line >= 1, $"{d} has no line");
                });
                // Also through the typed readers directly, whatever the sniffed kind.
                _ = Space4AiSystemReader.Parse(mutant, path);
                _ = Space4AiSolutionReader.Parse(mutant, path);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
