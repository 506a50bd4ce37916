using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0104UnknownSuccessorTests
{
    private const string Template = """
        public static class Pipeline
        {
            [Component("blur")]
            [ExecTime]
            [Successor(TARGET, Probability = 0.5)]
            public static void Blur() { }

            [Component("mask-detector")]
            [ExecTime]
            public static void Detect() { }
        }
        """;

    [Fact]
    public Task Unknown_successor_is_reported_with_the_closest_name_and_fixed() => Verify.CodeFixAsync(
        Template.Replace("TARGET", "{|#0:\"mask-detectr\"|}"),
        [
            Verify.Diagnostic(AiSprintRules.UnknownSuccessor).WithLocation(0)
                .WithMessage("Successor 'mask-detectr' of 'blur' is no component of this compilation; did you mean 'mask-detector'?"),
        ],
        Template.Replace("TARGET", "\"mask-detector\""));

    [Fact]
    public Task Known_successor_is_not_reported() => Verify.AnalyzerAsync(Template.Replace("TARGET", "\"mask-detector\""));
}
