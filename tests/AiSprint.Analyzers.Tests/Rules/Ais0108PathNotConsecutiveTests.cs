using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0108PathNotConsecutiveTests
{
    internal const string Template = """
        public static class Pipeline
        {
            [Component("a")]
            [ExecTime]
            [Successor("b", Probability = 0.5)]
            [Successor("x", Probability = 0.5)]
            public static void A() { }

            [Component("b")]
            [ExecTime]
            [Successor("c")]
            public static void B() { }

            [Component("x")]
            [ExecTime]
            public static void X() { }

            [Component("c")]
            [ExecTime(1, TimeUnit.Seconds)]
            [GlobalExecTime("p", 5, TimeUnit.Seconds, PATH)]
            public static void C() { }
        }
        """;

    [Fact]
    public Task A_gap_in_the_path_is_reported_on_the_earlier_component() => Verify.AnalyzerAsync(
        Template.Replace("PATH", "{|#0:\"a\"|}"),
        Verify.Diagnostic(AiSprintRules.PathNotConsecutive).WithLocation(0)
            .WithMessage("Global path 'p' goes from 'a' to 'c', but the [Successor] edges of 'a' lead only to 'b', 'x'"));

    [Fact]
    public Task Reversed_neighbours_are_reported_pair_by_pair() => Verify.AnalyzerAsync(
        Template.Replace("PATH", "{|#0:\"b\"|}, {|#1:\"a\"|}"),
        Verify.Diagnostic(AiSprintRules.PathNotConsecutive).WithLocation(0)
            .WithMessage("Global path 'p' goes from 'b' to 'a', but the [Successor] edges of 'b' lead only to 'c'"),
        Verify.Diagnostic(AiSprintRules.PathNotConsecutive).WithLocation(1)
            .WithMessage("Global path 'p' goes from 'a' to 'c', but the [Successor] edges of 'a' lead only to 'b', 'x'"));

    [Fact]
    public Task A_misspelled_successor_is_reported_only_as_AIS0104() => Verify.AnalyzerAsync(
        Template.Replace("[Successor(\"b\", Probability = 0.5)]", "[Successor({|#0:\"bb\"|}, Probability = 0.5)]").Replace("PATH", "\"a\", \"b\""),
        Verify.Diagnostic(AiSprintRules.UnknownSuccessor).WithLocation(0)
            .WithMessage("Successor 'bb' of 'a' is no component of this compilation; did you mean 'b'?"));

    [Fact]
    public Task A_path_along_the_edges_is_not_reported() => Verify.AnalyzerAsync(Template.Replace("PATH", "\"a\", \"b\""));

    [Fact]
    public Task Components_without_successors_in_code_are_not_checked() => Verify.AnalyzerAsync(CleanSampleTests.Sample.Replace(
        "[Successor(\"mask-detector-onnx\", Probability = 0.8, DataSizeMb = 4.5)]", string.Empty));
}
