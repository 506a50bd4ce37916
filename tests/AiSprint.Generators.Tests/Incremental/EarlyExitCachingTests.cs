using AiSprint.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Tests.Incremental;

/// <summary>The early-exit runners' steps across two runs: reused on an unrelated edit, regenerated on a relevant one.</summary>
public sealed class EarlyExitCachingTests
{
    private const string Unrelated = "namespace Inspection; public static class Helpers { public static int Twice(int value) => value * 2; }";

    [Fact]
    public void An_edit_outside_the_early_exit_component_leaves_the_runners_cached()
    {
        var second = RunTwice("/src/Unrelated.cs", text => text.Replace("value * 2", "value * 3"));

        foreach (var step in new[] { StepNames.HasOnnxRuntime, StepNames.EarlyExitRunners })
        {
            Assert.NotEmpty(Reasons(second, step));
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
    }

    [Fact]
    public void Changing_a_declared_probability_regenerates_the_runner_with_it()
    {
        var second = RunTwice("/src/Application.cs", text => text.Replace("nameof(Confident), 0.7, 0.4", "nameof(Confident), 0.8, 0.4"));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, StepNames.EarlyExitRunners));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "DefectClassifierEarlyExits.g.cs" && s.SourceText.ToString().Contains("{ 0.8d, 0.4d }", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_method_with_the_wrong_signature_gets_no_runner()
    {
        var second = RunTwice("/src/Application.cs", text => text.Replace("internal static bool Confident(ReadOnlySpan<float> logits) => logits[0] > 0.5f;", "internal static bool Confident(int logits) => logits > 0;"));

        Assert.DoesNotContain(second.GeneratedSources, s => s.HintName == "DefectClassifierEarlyExits.g.cs");
        Assert.Contains(second.GeneratedSources, s => s.HintName == "ArrayConditionEarlyExits.g.cs");
    }

    private static GeneratorRunResult RunTwice(string path, Func<string, string> edit)
    {
        var compilation = GeneratorHarness.Compile(Snapshot.Inputs("EarlyExits").Append(("/src/Unrelated.cs", Unrelated)));
        var (driver, _, _) = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver());
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(edit(old.ToString()), GeneratorHarness.ParseOptions, path, System.Text.Encoding.UTF8));
        Assert.NotEqual(old.ToString(), edited.SyntaxTrees.Single(t => t.FilePath == path).ToString());
        return GeneratorHarness.Run(edited, driver).Result;
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : [];
}
