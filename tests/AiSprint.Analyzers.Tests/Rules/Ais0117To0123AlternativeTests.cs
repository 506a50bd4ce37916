using AiSprint.Analyzers.Alternatives;
using AiSprint.Analyzers.CodeFixes;
using AiSprint.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0117To0123AlternativeTests
{
    private const string Metric = "[assembly: ApplicationMetric(ApplicationMetrics.AverageF1, Threshold = 0.8)]\n";

    private const string Template = """
        public class Pipeline
        {
            [Component("detector")]
            public static string Detect(byte[] frame) => "large";

            ALTERNATIVE
        }
        """;

    private static string With(string alternative, string metric = Metric) => metric + Template.Replace("ALTERNATIVE", alternative);

    // Every combination has its metric, so only the rule under test speaks.
    private static Task Analyze(string source, params DiagnosticResult[] expected) =>
        VerifyInputs.AnalyzerAsync<AlternativeAnalyzer>(source, [("deployments_performance.yaml", Complete)], expected);

    private const string Complete = Performance + "  - alternative_deployment1: {components: [detector-small], dependencies: [], metric_value: 0.7}\n";

    [Fact]
    public Task An_alternative_with_the_components_signature_is_not_reported() =>
        Analyze(With("""[Alternative("detector", "detector-small")] public static string DetectSmall(byte[] frame) => "small";"""));

    [Fact]
    public Task An_alternative_of_an_unknown_component_is_AIS0117_with_the_closest_name() => Analyze(
        With("""[Alternative({|#0:"detectr"|}, "detector-small")] public static string DetectSmall(byte[] frame) => "small";"""),
        Verify.Diagnostic(AiSprintRules.UnknownAlternativeComponent).WithLocation(0)
            .WithMessage("'detector-small' is an alternative of 'detectr', which is no component of this compilation; did you mean 'detector'?"));

    [Fact]
    public async Task The_code_fix_replaces_an_unknown_component_with_the_closest_name()
    {
        var test = new CSharpCodeFixTest<AlternativeAnalyzer, ClosestComponentNameCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestCode = Verify.Usings + With("""[Alternative({|#0:"detectr"|}, "detector-small")] public static string DetectSmall(byte[] frame) => "small";"""),
            FixedCode = Verify.Usings + With("""[Alternative("detector", "detector-small")] public static string DetectSmall(byte[] frame) => "small";"""),
        };
        Verify.AddReferences(test.TestState);
        Verify.AddReferences(test.FixedState);
        test.TestState.AdditionalFiles.Add(("/proj/deployments_performance.yaml", Complete));
        test.FixedState.AdditionalFiles.Add(("/proj/deployments_performance.yaml", Complete));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(AiSprintRules.UnknownAlternativeComponent).WithLocation(0).WithArguments("detector-small", "detectr", "; did you mean 'detector'?"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("public static int {|#0:DetectSmall|}(byte[] frame) => 1;", "it returns int, expected string")]
    [InlineData("public static string {|#0:DetectSmall|}(byte[] frame, int size) => \"\";", "it takes 2 parameters, the component 1")]
    [InlineData("public static string {|#0:DetectSmall|}(ref byte[] frame) => \"\";", "parameter 1 is ref byte[], expected byte[]")]
    [InlineData("public string {|#0:DetectSmall|}(byte[] frame) => \"\";", "the component is static and the alternative is not")]
    [InlineData("private static string {|#0:DetectSmall|}(byte[] frame) => \"\";", "the generated call cannot reach a private or protected method; make it internal or public")]
    public Task An_alternative_whose_signature_differs_is_AIS0118_saying_what_differs(string method, string problem) => Analyze(
        With("[Alternative(\"detector\", \"detector-small\")] " + method),
        Verify.Diagnostic(AiSprintRules.AlternativeSignatureMismatch).WithLocation(0)
            .WithMessage($"Alternative 'detector-small' cannot replace 'detector' (Pipeline.Detect): {problem}"));

    [Fact]
    public Task An_alternative_named_like_a_component_is_AIS0122() => Analyze(
        With("""[Alternative("detector", {|#0:"detector"|})] public static string DetectSmall(byte[] frame) => "small";"""),
        Verify.Diagnostic(AiSprintRules.AlternativeNameTaken).WithLocation(0).WithArguments("detector", "a component"));

    [Fact]
    public Task Without_a_metric_a_missing_combination_is_still_AIS0121_at_the_first_alternative() =>
        VerifyInputs.AnalyzerAsync<AlternativeAnalyzer>(
            With("""[Alternative("detector", {|#0:"detector-small"|})] public static string DetectSmall(byte[] frame) => "small";""", metric: ""),
            [("deployments_performance.yaml", Performance)],
            Verify.Diagnostic(AiSprintRules.AlternativesWithoutMetric).WithLocation(0).WithArguments("detector-small"),
            Verify.Diagnostic(AiSprintRules.CombinationWithoutMetric).WithLocation(0)
                .WithMessage("deployments_performance.yaml has no metric value for the deployment running detector-small; expected an entry with these components and its metric_value"));

    [Fact]
    public Task Alternatives_without_a_metric_are_AIS0123() => Analyze(
        With("""[Alternative("detector", {|#0:"detector-small"|})] public static string DetectSmall(byte[] frame) => "small";""", metric: ""),
        Verify.Diagnostic(AiSprintRules.AlternativesWithoutMetric).WithLocation(0).WithArguments("detector-small"));

    [Fact]
    public Task A_metric_outside_the_four_is_AIS0119_with_the_closest() => Analyze(
        "[assembly: ApplicationMetric({|#0:\"average_f2\"|})]\n" + Template.Replace("ALTERNATIVE", ""),
        Verify.Diagnostic(AiSprintRules.UnknownMetricName).WithLocation(0)
            .WithMessage("'average_f2' is no application metric; expected one of average_accuracy, average_f1, average_precision, average_recall; did you mean 'average_f1'?"));

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.2")]
    public Task A_threshold_outside_0_1_is_AIS0120(string threshold) => Analyze(
        $"[assembly: ApplicationMetric(ApplicationMetrics.AverageRecall, Threshold = {{|#0:{threshold}|}})]\n" + Template.Replace("ALTERNATIVE", ""),
        Verify.Diagnostic(AiSprintRules.MetricThresholdOutOfRange).WithLocation(0).WithArguments(threshold));

    private const string Performance = """
        System:
          metric_name: average_f1
          metric_thr: 0.8
          sorted_deployments_performance:
          - original_deployment: {components: [detector], dependencies: [], metric_value: 0.9}
        """;

    [Fact]
    public Task A_combination_missing_from_the_performance_file_is_AIS0121_at_the_metric() => VerifyInputs.AnalyzerAsync<AlternativeAnalyzer>(
        "[assembly: {|#0:ApplicationMetric(ApplicationMetrics.AverageF1, Threshold = 0.8)|}]\n"
            + Template.Replace("ALTERNATIVE", """[Alternative("detector", "detector-small")] public static string DetectSmall(byte[] frame) => "small";"""),
        [("deployments_performance.yaml", Performance)],
        Verify.Diagnostic(AiSprintRules.CombinationWithoutMetric).WithLocation(0)
            .WithMessage("deployments_performance.yaml has no metric value for the deployment running detector-small; expected an entry with these components and its metric_value"));

    [Fact]
    public Task A_performance_file_with_every_combination_is_not_reported() => VerifyInputs.AnalyzerAsync<AlternativeAnalyzer>(
        With("""[Alternative("detector", "detector-small")] public static string DetectSmall(byte[] frame) => "small";"""),
        [("deployments_performance.yaml", Complete)]);
}
