using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0102DuplicateComponentTests
{
    [Fact]
    public Task Second_declaration_is_reported_and_names_the_first() => Verify.AnalyzerAsync(
        """
        public static class Pipeline
        {
            [Component("detector")]
            [ExecTime]
            public static void First() { }

            [Component({|#0:"detector"|})]
            [ExecTime]
            public static void Second() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.DuplicateComponent).WithLocation(0)
            .WithMessage("Component name 'detector' is already used by Pipeline.First (/0/Test0.cs, line 4)"));

    [Fact]
    public Task Components_named_after_their_methods_collide_across_types() => Verify.AnalyzerAsync(
        """
        public static class A
        {
            [ExecTime]
            public static void Run() { }
        }

        public static class B
        {
            [ExecTime]
            public static void {|#0:Run|}() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.DuplicateComponent).WithLocation(0)
            .WithMessage("Component name 'Run' is already used by A.Run (/0/Test0.cs, line 5)"));

    [Fact]
    public Task Distinct_names_are_not_reported() => Verify.AnalyzerAsync("""
        public static class A
        {
            [ExecTime]
            public static void Run() { }

            [Component("run")]
            [ExecTime]
            public static void Other() { }
        }
        """);
}
