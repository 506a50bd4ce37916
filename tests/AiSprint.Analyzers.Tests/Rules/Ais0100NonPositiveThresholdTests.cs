using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0100NonPositiveThresholdTests
{
    [Fact]
    public Task Zero_local_threshold_is_reported_on_the_threshold() => Verify.AnalyzerAsync(
        """
        public static class Pipeline
        {
            [Component("zero")]
            [ExecTime({|#0:0|}, TimeUnit.Milliseconds)]
            public static void Zero() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.NonPositiveThreshold).WithLocation(0)
            .WithMessage("The local threshold of 'zero' is 0 ms; a threshold must be greater than 0"));

    [Fact]
    public Task Negative_global_threshold_is_reported_with_its_unit() => Verify.AnalyzerAsync(
        """
        public static class Pipeline
        {
            [Component("first")]
            [ExecTime]
            public static void First() { }

            [Component("last")]
            [ExecTime(1, TimeUnit.Seconds)]
            [GlobalExecTime("p", {|#0:-2.5|}, TimeUnit.Seconds, "first")]
            public static void Last() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.NonPositiveThreshold).WithLocation(0)
            .WithMessage("The global path 'p' threshold of 'last' is -2.5 s; a threshold must be greater than 0"));

    [Fact]
    public Task Named_threshold_argument_is_found_by_name() => Verify.AnalyzerAsync(
        """
        public static class Pipeline
        {
            [ExecTime(unit: TimeUnit.Seconds, threshold: {|#0:-1|})]
            public static void Run() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.NonPositiveThreshold).WithLocation(0)
            .WithMessage("The local threshold of 'Run' is -1 s; a threshold must be greater than 0"));

    [Fact]
    public Task Positive_thresholds_are_not_reported() => Verify.AnalyzerAsync(CleanSampleTests.Sample);
}
