using AiSprint.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Tests.Incremental;

/// <summary>
/// What an edit costs in binding: only the edited file after an edit inside a body; every file after a
/// declaration changed anywhere (it can change how any call binds); never a call whose name is no component method's.
/// </summary>
public sealed class CallSiteBindingTests
{
    // Program.cs calls component methods 12 times (Warmup, @event, Detect ×3, Blur, Echo, Score ×3, Get, Make);
    // Detector.cs calls Helper once; Unrelated.cs calls nothing.
    private const int ProgramCalls = 12;
    private const int AllCalls = ProgramCalls + 1;

    [Fact]
    public void The_first_run_binds_only_calls_whose_name_is_a_component_methods()
    {
        var generator = new ComponentGenerator();
        GeneratorHarness.Run(Inputs(), GeneratorHarness.CreateDriver(generator));

        Assert.Equal(AllCalls, generator.BoundInvocations);
    }

    [Fact]
    public void An_edit_inside_a_body_of_a_file_without_calls_binds_nothing_again()
    {
        var (generator, before, _) = EditAfterFirstRun("/src/Unrelated.cs", text => text.Replace("value * 2", "value * 3 + 1"));

        Assert.Equal(before, generator.BoundInvocations);
    }

    [Fact]
    public void An_edit_inside_a_body_of_a_calling_file_binds_that_file_only()
    {
        var (generator, before, result) = EditAfterFirstRun("/src/Program.cs", text => text.Replace("var attempts = 0;", "var attempts = 1;"));

        Assert.Equal(before + ProgramCalls, generator.BoundInvocations);
        Assert.Contains(result.GeneratedSources, s => s.HintName.StartsWith("Interceptors.Program_cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_declaration_edit_in_another_file_binds_every_file_again()
    {
        var (generator, before, _) = EditAfterFirstRun("/src/Unrelated.cs", text => text + "\npublic static class Added { public static int One() => 1; }\n");

        Assert.Equal(before + AllCalls, generator.BoundInvocations);
    }

    [Fact]
    public void An_overload_added_in_another_file_that_takes_over_a_call_ends_its_interception()
    {
        // Blur() with no argument now binds to the new overload (no default argument needed), which is no component:
        // an interceptor kept from the cache would not match it and the compilation would fail.
        var (_, _, result) = EditAfterFirstRun("/src/Unrelated.cs", text => text + "\npublic static class Sharper { public static string Blur(this string image) => image; }\n");

        var program = Assert.Single(result.GeneratedSources, s => s.HintName.StartsWith("Interceptors.Program_cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.DoesNotContain("DetectorExtensions.Blur(", program, StringComparison.Ordinal);
    }

    private static CSharpCompilation Inputs() => GeneratorHarness.Compile(Snapshot.Inputs("SyncCalls"));

    private static (ComponentGenerator Generator, int BoundBefore, GeneratorRunResult Result) EditAfterFirstRun(string path, Func<string, string> edit)
    {
        var generator = new ComponentGenerator();
        var compilation = Inputs();
        var (driver, _, _) = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver(generator));
        var before = generator.BoundInvocations;
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(edit(old.ToString()), GeneratorHarness.ParseOptions, path, System.Text.Encoding.UTF8));
        Assert.NotEqual(old.ToString(), edited.SyntaxTrees.Single(t => t.FilePath == path).ToString());
        var (_, _, result) = GeneratorHarness.Run(edited, driver);
        return (generator, before, result);
    }
}
