using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Tests.Harness;

/// <summary>
/// Hand-rolled snapshots: <c>Snapshots/&lt;case&gt;/Input/*.cs</c> are compiled (as <c>/src/&lt;name&gt;</c>),
/// and every generated file must equal <c>Snapshots/&lt;case&gt;/Expected/&lt;hint name&gt;</c>.
/// Set <c>AISPRINT_UPDATE_SNAPSHOTS=1</c> to rewrite the expected files in the source tree; review with git diff.
/// </summary>
internal static partial class Snapshot
{
    public const string LocationPlaceholder = "<location>";

    public static string Directory() => Path.Combine(AiSprint.Tests.TestProjectDirectoryAttribute.Current, "Snapshots");

    public static IEnumerable<(string Path, string Text)> Inputs(string caseName) =>
        System.IO.Directory.GetFiles(Path.Combine(Directory(), caseName, "Input"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(f => ("/src/" + Path.GetFileName(f), File.ReadAllText(f)));

    public static void Verify(string caseName, GeneratorRunResult result)
    {
        var expectedDirectory = Path.Combine(Directory(), caseName, "Expected");
        var actual = result.GeneratedSources.ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()));
        if (Environment.GetEnvironmentVariable("AISPRINT_UPDATE_SNAPSHOTS") == "1")
        {
            if (System.IO.Directory.Exists(expectedDirectory))
            {
                System.IO.Directory.Delete(expectedDirectory, recursive: true);
            }

            System.IO.Directory.CreateDirectory(expectedDirectory);
            foreach (var (hint, text) in actual)
            {
                File.WriteAllText(Path.Combine(expectedDirectory, hint), text);
            }
        }

        var expected = System.IO.Directory.GetFiles(expectedDirectory, "*.g.cs")
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).ReplaceLineEndings("\n"));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (hint, text) in actual)
        {
            Assert.Equal(expected[hint], text);
        }
    }

    /// <summary>The location data hashes the calling file's bytes: replace it so snapshots survive line-ending or whitespace changes in inputs.</summary>
    public static string Normalize(string generated) =>
        LocationData().Replace(generated, m => m.Groups[1].Value + LocationPlaceholder + "\")");

    [GeneratedRegex("""(InterceptsLocation\(\d+, ")[^"]*"\)""")]
    private static partial Regex LocationData();
}
