using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0103GlobalBelowLocalSumTests
{
    [Fact]
    public Task Global_threshold_below_the_local_sum_is_reported_in_milliseconds() => Verify.AnalyzerAsync(
        """
        public static class Pipeline
        {
            [Component("a")]
            [ExecTime(1, TimeUnit.Seconds)]
            public static void A() { }

            [Component("untimed")]
            [ExecTime]
            public static void Untimed() { }

            [Component("b")]
            [ExecTime(2000, TimeUnit.Milliseconds)]
            [GlobalExecTime("path1", {|#0:2.5|}, TimeUnit.Seconds, "a", "untimed")]
            public static void B() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.GlobalBelowLocalSum).WithLocation(0)
            .WithMessage("Global path 'path1' allows 2,500 ms, but the local thresholds of its components sum to 3,000 ms (a 1,000 ms + b 2,000 ms)"));

    [Fact]
    public Task A_global_threshold_equal_to_the_sum_is_not_reported() => Verify.AnalyzerAsync("""
        public static class Pipeline
        {
            [Component("a")]
            [ExecTime(1, TimeUnit.Seconds)]
            public static void A() { }

            [Component("b")]
            [ExecTime(1500, TimeUnit.Milliseconds)]
            [GlobalExecTime("path1", 2500, TimeUnit.Milliseconds, "a")]
            public static void B() { }
        }
        """);

    [Fact]
    public Task A_path_with_an_unknown_component_reports_only_the_unknown_name() => Verify.AnalyzerAsync(
        """
        public static class Pipeline
        {
            [Component("a")]
            [ExecTime(5, TimeUnit.Seconds)]
            public static void A() { }

            [Component("b")]
            [ExecTime(5, TimeUnit.Seconds)]
            [GlobalExecTime("path1", 1, TimeUnit.Seconds, {|#0:"aa"|})]
            public static void B() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.UnknownPathComponent).WithLocation(0)
            .WithMessage("Global path 'path1' names 'aa', which is no component of this compilation; did you mean 'a'?"));
}
