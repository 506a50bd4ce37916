using AiSprint.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Tests.Incremental;

/// <summary>The [DetectDrift] step reuses its output across edits that do not touch a declaration, and only those.</summary>
public sealed class DriftCachingTests
{
    [Fact]
    public void An_edit_inside_a_body_leaves_the_drift_registration_cached()
    {
        var second = RunTwice(text => text.Replace("return \"mask\";", "return \"mask\" + string.Empty;"));

        Assert.NotEmpty(Reasons(second, StepNames.DriftDeclarations));
        Assert.All(Reasons(second, StepNames.DriftDeclarations), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changing_a_declared_threshold_regenerates_the_registration()
    {
        var second = RunTwice(text => text.Replace("PValueThreshold = 0.01", "PValueThreshold = 0.02"));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, StepNames.DriftDeclarations));
        var source = Assert.Single(second.GeneratedSources, s => s.HintName == "AiSprintDrift.g.cs").SourceText.ToString();
        Assert.Contains("0.02d", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_drift_step_holds_plain_records_only()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.Compile(Snapshot.Inputs("Drift")));
        foreach (var output in result.TrackedSteps[StepNames.DriftDeclarations].SelectMany(s => s.Outputs))
        {
            foreach (var declaration in (IEnumerable<object>)output.Value)
            {
                Assert.All(declaration.GetType().GetProperties().Select(p => p.PropertyType), t =>
                    Assert.True(t.IsPrimitive || t == typeof(string), $"{t} in a drift model"));
            }
        }
    }

    private static GeneratorRunResult RunTwice(Func<string, string> edit)
    {
        var compilation = GeneratorHarness.Compile(Snapshot.Inputs("Drift"));
        var (driver, _, _) = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver());
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Detector.cs");
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(edit(old.ToString()), GeneratorHarness.ParseOptions, old.FilePath, System.Text.Encoding.UTF8));
        Assert.NotEqual(old.ToString(), edited.SyntaxTrees.Single(t => t.FilePath == old.FilePath).ToString());
        return GeneratorHarness.Run(edited, driver).Result;
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : [];
}
