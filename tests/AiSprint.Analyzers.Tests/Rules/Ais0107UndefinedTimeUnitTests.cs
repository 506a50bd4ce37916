using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0107UndefinedTimeUnitTests
{
    [Fact]
    public Task Cast_integer_unit_is_reported_on_the_unit() => Verify.AnalyzerAsync(
        """
        public static class Pipeline
        {
            [ExecTime(5, {|#0:(TimeUnit)3|})]
            public static void First() { }

            [ExecTime(5, TimeUnit.Seconds)]
            [GlobalExecTime("p", 10, {|#1:(TimeUnit)0|}, "First")]
            public static void Second() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.UndefinedTimeUnit).WithLocation(0)
            .WithMessage("The local threshold of 'First' has unit 3, which is not a TimeUnit (Milliseconds = 1, Seconds = 2)"),
        Verify.Diagnostic(AiSprintRules.UndefinedTimeUnit).WithLocation(1)
            .WithMessage("The global path 'p' threshold of 'Second' has unit 0, which is not a TimeUnit (Milliseconds = 1, Seconds = 2)"));

    [Fact]
    public Task Defined_units_are_not_reported() => Verify.AnalyzerAsync(CleanSampleTests.Sample);
}
