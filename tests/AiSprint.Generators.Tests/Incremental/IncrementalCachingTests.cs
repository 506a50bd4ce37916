using System.Collections;
using System.Reflection;
using AiSprint.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Tests.Incremental;

/// <summary>
/// Runs the generator twice with step tracking and checks, step by step, what the second run
/// reused. The relevant-edit tests prove the unrelated-edit test is able to fail.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] OwnSteps =
    [
        StepNames.Components, StepNames.ExecTimeComponents, StepNames.AllComponents, StepNames.AssemblyName,
        StepNames.DesignDocument, StepNames.ReferencedComponentNames, StepNames.ComponentMethodNames, StepNames.CallSites, StepNames.InterceptorFiles,
        StepNames.Alternatives, StepNames.ApplicationMetric,
        StepNames.HasOnnxRuntime, StepNames.EarlyExitRunners,
    ];

    [Fact]
    public void An_edit_to_a_file_without_components_or_calls_leaves_every_step_cached()
    {
        var second = RunTwice("/src/Unrelated.cs", text => text.Replace("value * 2", "value * 3 + More.Offset() - 1") + "\ninternal static class More { internal static int Offset() => 1; }");

        foreach (var step in OwnSteps)
        {
            Assert.NotEmpty(Reasons(second, step));
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Changing_a_threshold_regenerates_the_design_document_and_the_descriptors_but_not_the_interceptors()
    {
        var second = RunTwice("/src/Detector.cs", text => text.Replace("ExecTime(20, TimeUnit.Milliseconds)", "ExecTime(25, TimeUnit.Milliseconds)"));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, StepNames.DesignDocument));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "AiSprintComponents.g.cs" && s.SourceText.ToString().Contains("new(\"mask-detector\", 25d,", StringComparison.Ordinal));
        // Interceptors name the shared descriptor, not the threshold: the calling file's interceptors stay as they were.
        Assert.All(Reasons(second, StepNames.InterceptorFiles), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changing_a_components_signature_regenerates_its_interceptors()
    {
        var second = RunTwice("/src/Detector.cs", text => text.Replace("public static int @event(int id) => id;", "public static int @event(long id) => (int)id;"));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, StepNames.InterceptorFiles));
        Assert.Contains(second.GeneratedSources, s => s.HintName.StartsWith("Interceptors.Program_cs", StringComparison.Ordinal) && s.SourceText.ToString().Contains("internal static int Intercept1(long p0)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_call_in_another_file_adds_that_file_and_leaves_the_others_cached()
    {
        var second = RunTwice("/src/Unrelated.cs", text => text.Replace("value * 2;", "value * 2;\n    public static void Warm() => Detector.Warmup();"));

        var files = second.TrackedSteps[StepNames.InterceptorFiles].SelectMany(run => run.Outputs).ToArray();
        Assert.Contains(files, o => o.Reason == IncrementalStepRunReason.New);
        Assert.Contains(files, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.All(Reasons(second, StepNames.DesignDocument), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Renaming_an_alternative_regenerates_the_switch_and_the_interceptors_that_call_its_component()
    {
        var compilation = GeneratorHarness.Compile(Snapshot.Inputs("Alternatives"));
        var (driver, _, _) = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver(new ComponentGenerator()));
        var old = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
            old.ToString().Replace("\"mask-detector-small\"", "\"mask-detector-tiny\"", StringComparison.Ordinal), GeneratorHarness.ParseOptions, old.FilePath, System.Text.Encoding.UTF8));
        var second = GeneratorHarness.Run(edited, driver).Result;

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, StepNames.Alternatives));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, StepNames.InterceptorFiles));
        Assert.Contains(second.GeneratedSources, s => s.HintName.StartsWith("Interceptors.", StringComparison.Ordinal) && s.SourceText.ToString().Contains("Runs(\"mask-detector-tiny\")", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_outputs_hold_no_compiler_objects()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.Compile(Snapshot.Inputs("SyncCalls")));

        foreach (var step in OwnSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, step, depth: 0);
            }
        }
    }

    private static GeneratorRunResult RunTwice(string path, Func<string, string> edit) => RunTwice(path, edit, new ComponentGenerator());

    private static GeneratorRunResult RunTwice(string path, Func<string, string> edit, ComponentGenerator generator)
    {
        var compilation = GeneratorHarness.Compile(Snapshot.Inputs("SyncCalls"));
        var (driver, _, _) = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver(generator));
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(edit(old.ToString()), GeneratorHarness.ParseOptions, path, System.Text.Encoding.UTF8));
        Assert.NotEqual(old.ToString(), edited.SyntaxTrees.Single(t => t.FilePath == path).ToString());
        return GeneratorHarness.Run(edited, driver).Result;
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : [];

    private static void AssertPlainData(object? value, string step, int depth)
    {
        if (value is null || depth > 8)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) ?? false, $"{step} holds a {type.FullName}");
        if (type.IsPrimitive || value is string || type.IsEnum)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, depth + 1);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertPlainData(property.GetValue(value), step, depth + 1);
        }
    }
}
