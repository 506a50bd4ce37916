using AiSprint.Analyzers.CodeFixes;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>The fixes a user wants where one is unambiguous: AIS0100's sign, AIS0107's unit, AIS0015's missing component.</summary>
public sealed class ThresholdAndPathCodeFixTests
{
    [Fact]
    public Task A_negative_threshold_loses_its_minus_sign() => Verify.CodeFixAsync<ThresholdCodeFix>(
        """
        public static class Pipeline
        {
            [Component("neg")]
            [ExecTime({|#0:-250|}, TimeUnit.Milliseconds)]
            public static void Neg() { }
        }
        """,
        [Verify.Diagnostic(AiSprintRules.NonPositiveThreshold).WithLocation(0).WithMessage("The local threshold of 'neg' is -250 ms; a threshold must be greater than 0")],
        """
        public static class Pipeline
        {
            [Component("neg")]
            [ExecTime(250, TimeUnit.Milliseconds)]
            public static void Neg() { }
        }
        """);

    [Theory]
    [InlineData(0, "Milliseconds")]
    [InlineData(1, "Seconds")]
    public Task A_cast_integer_unit_becomes_a_TimeUnit_member(int action, string member) => Verify.CodeFixAsync<ThresholdCodeFix>(
        """
        public static class Pipeline
        {
            [ExecTime(5, {|#0:(TimeUnit)3|})]
            public static void First() { }
        }
        """,
        [Verify.Diagnostic(AiSprintRules.UndefinedTimeUnit).WithLocation(0).WithMessage("The local threshold of 'First' has unit 3, which is not a TimeUnit (Milliseconds = 1, Seconds = 2)")],
        $$"""
        public static class Pipeline
        {
            [ExecTime(5, TimeUnit.{{member}})]
            public static void First() { }
        }
        """,
        actionIndex: action);

    private const string Gap = "Global path 'p' goes from 'a' to 'c', but the [Successor] edges of 'a' lead only to 'b', 'x'";

    private const string Dag = Ais0108PathNotConsecutiveTests.Template;

    [Fact]
    public Task The_one_component_joining_two_path_neighbours_is_inserted() => Verify.CodeFixAsync<MissingPathComponentCodeFix>(
        Dag.Replace("PATH", "{|#0:\"a\"|}"),
        [Verify.Diagnostic(AiSprintRules.PathNotConsecutive).WithLocation(0).WithMessage(Gap)],
        Dag.Replace("PATH", "\"a\", \"b\""));

    [Fact]
    public Task A_path_written_as_an_array_gets_the_component_inserted_in_the_array() => Verify.CodeFixAsync<MissingPathComponentCodeFix>(
        Dag.Replace("PATH", "new[] { {|#0:\"a\"|} }"),
        [Verify.Diagnostic(AiSprintRules.PathNotConsecutive).WithLocation(0).WithMessage(Gap)],
        Dag.Replace("PATH", "new[] { \"a\", \"b\" }"));
}
