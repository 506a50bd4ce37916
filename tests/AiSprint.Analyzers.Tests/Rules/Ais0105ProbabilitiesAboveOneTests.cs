using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0105ProbabilitiesAboveOneTests
{
    private const string Template = """
        public static class Pipeline
        {
            [Component(NAME)]
            [ExecTime]
            [Successor("b", Probability = P1)]
            [Successor("c", Probability = P2)]
            public static void A() { }

            [ExecTime]
            public static void b() { }

            [ExecTime]
            public static void c() { }
        }
        """;

    [Fact]
    public Task Probabilities_above_one_are_reported_on_the_component_name() => Verify.AnalyzerAsync(
        Template.Replace("NAME", "{|#0:\"a\"|}").Replace("P1", "0.8").Replace("P2", "0.4"),
        Verify.Diagnostic(AiSprintRules.ProbabilitiesAboveOne).WithLocation(0)
            .WithMessage("The transition probabilities of the successors of 'a' sum to 1.2 (b: 0.8, c: 0.4); they must sum to at most 1"));

    [Fact]
    public Task Default_probability_is_one() => Verify.AnalyzerAsync(
        Template.Replace("NAME", "{|#0:\"a\"|}").Replace(", Probability = P1", string.Empty).Replace("P2", "0.1"),
        Verify.Diagnostic(AiSprintRules.ProbabilitiesAboveOne).WithLocation(0)
            .WithMessage("The transition probabilities of the successors of 'a' sum to 1.1 (b: 1, c: 0.1); they must sum to at most 1"));

    [Theory]
    [InlineData("0.7", "0.3")]
    [InlineData("0.1", "0.2")]
    [InlineData("0.6", "0.4")]
    public Task Probabilities_up_to_one_are_not_reported(string p1, string p2) =>
        Verify.AnalyzerAsync(Template.Replace("NAME", "\"a\"").Replace("P1", p1).Replace("P2", p2));
}
