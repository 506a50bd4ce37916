using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>AIS0012 live: a cycle made by [Successor] is reported at the successor that closes it, under the build's ID.</summary>
public sealed class Ais0012DagCycleTests
{
    [Fact]
    public Task The_successor_that_closes_a_cycle_is_reported_with_the_cycle() => Verify.AnalyzerAsync(
        """
        public static class App
        {
            [Component("capture")]
            [Successor("detect")]
            public static void Capture() { }

            [Component("detect")]
            [Successor("classify")]
            public static void Detect() { }

            [Component("classify")]
            [Successor({|#0:"capture"|}, Probability = 0.5)]
            public static void Classify() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.DagCycle).WithLocation(0)
            .WithMessage("Successor 'capture' of 'classify' closes a cycle in the application DAG: capture -> detect -> classify -> capture"));

    [Fact]
    public Task A_self_loop_is_a_cycle() => Verify.AnalyzerAsync(
        """
        public static class App
        {
            [Component("retry")]
            [Successor({|#0:"retry"|}, Probability = 0.2)]
            public static void Retry() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.DagCycle).WithLocation(0)
            .WithMessage("Successor 'retry' of 'retry' closes a cycle in the application DAG: retry -> retry"));

    [Fact]
    public Task A_diamond_is_no_cycle() => Verify.AnalyzerAsync(
        """
        public static class App
        {
            [Component("a"), Successor("b", Probability = 0.5), Successor("c", Probability = 0.5)]
            public static void A() { }

            [Component("b"), Successor("d")]
            public static void B() { }

            [Component("c"), Successor("d")]
            public static void C() { }

            [Component("d")]
            public static void D() { }
        }
        """);
}
