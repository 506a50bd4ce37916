using AiSprint.Analyzers.Alternatives;
using AiSprint.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis.Testing;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0137To0138AlternativeShapeTests
{
    private const string Metric = "[assembly: ApplicationMetric(ApplicationMetrics.AverageF1, Threshold = 0.8)]\n";

    private const string Source = """
        public class Pipeline
        {
            [Component("detector")]
            public static string Detect(byte[] frame) => "large";

            [Component("writer")]
            public static string Write(string label) => label;

            MEMBERS
        }
        """;

    // Every combination the tests declare has its metric, so AIS0121 stays quiet.
    private const string Performance = """
        System:
          metric_name: average_f1
          metric_thr: 0.8
          sorted_deployments_performance:
          - original_deployment: {components: [detector, writer], dependencies: [], metric_value: 0.9}
          - alternative_deployment1: {components: [detector-small, writer], dependencies: [], metric_value: 0.8}
          - alternative_deployment2: {components: [detector-tiny, writer], dependencies: [], metric_value: 0.8}
        """;

    private static Task Analyze(string members, params DiagnosticResult[] expected) =>
        VerifyInputs.AnalyzerAsync<AlternativeAnalyzer>(Metric + Source.Replace("MEMBERS", members), [("deployments_performance.yaml", Performance)], expected);

    // A method that is a component adds a component and so combinations the file lacks: leave the metric out (AIS0121 is not under test).
    private static Task AnalyzeWithoutMetric(string members, params DiagnosticResult[] expected) =>
        VerifyInputs.AnalyzerAsync<AlternativeAnalyzer>(Source.Replace("MEMBERS", members), [("deployments_performance.yaml", Performance)], expected);

    [Fact]
    public Task A_component_marked_as_an_alternative_of_itself_is_AIS0137_at_the_component_argument() => AnalyzeWithoutMetric(
        """
        [Component("detector-small")]
        [Alternative({|#0:"detector-small"|}, "detector-tiny")]
        public static string DetectSmall(byte[] frame) => "small";
        """,
        Verify.Diagnostic(AiSprintRules.AlternativeOfItself).WithLocation(0)
            .WithMessage("'detector-tiny' is marked as an alternative of 'detector-small', the component its own method is; put [Alternative] on another method that implements 'detector-small' differently"));

    [Fact]
    public Task A_component_that_is_also_an_alternative_of_another_component_is_AIS0137() => AnalyzeWithoutMetric(
        """
        [Component("detector-small")]
        [Alternative({|#0:"detector"|}, "detector-tiny")]
        public static string DetectSmall(byte[] frame) => "small";
        """,
        Verify.Diagnostic(AiSprintRules.AlternativeOfItself).WithLocation(0)
            .WithMessage("'DetectSmall' is the component 'detector-small' and also an alternative 'detector-tiny' of 'detector'; one method is one implementation, so give the alternative a method of its own"));

    [Fact]
    public Task An_alternative_of_an_alternative_is_AIS0137_naming_the_original() => Analyze(
        """
        [Alternative("detector", "detector-small")]
        public static string DetectSmall(byte[] frame) => "small";

        [Alternative({|#0:"detector-small"|}, "detector-tiny")]
        public static string DetectTiny(byte[] frame) => "tiny";
        """,
        Verify.Diagnostic(AiSprintRules.AlternativeOfItself).WithLocation(0)
            .WithMessage("'detector-small' is itself an alternative (of 'detector'); alternatives replace original components only, so name 'detector'"));

    [Fact]
    public Task An_alternative_that_names_itself_as_its_component_is_AIS0137() => Analyze(
        """
        [Alternative({|#0:"detector-small"|}, "detector-small")]
        public static string DetectSmall(byte[] frame) => "small";
        """,
        Verify.Diagnostic(AiSprintRules.AlternativeOfItself).WithLocation(0).WithMessage("'detector-small' is marked as an alternative of itself"));

    [Fact]
    public Task A_partitionable_alternative_is_AIS0138_at_its_Partitionable_attribute() => Analyze(
        """
        [Alternative("detector", "detector-small")]
        [{|#0:Partitionable("models/small.onnx", 2)|}]
        public static string DetectSmall(byte[] frame) => "small";
        """,
        Verify.Diagnostic(AiSprintRules.AlternativePartitioningIgnored).WithLocation(0).WithArguments("detector-small", "Partitionable"));

    [Fact]
    public Task An_early_exit_alternative_is_AIS0138_at_its_EarlyExits_attribute() => Analyze(
        """
        [Alternative("detector", "detector-small")]
        [{|#0:EarlyExits("models/ee.onnx", nameof(Confident), 0.5)|}]
        public static string DetectSmall(byte[] frame) => "small";

        internal static bool Confident(System.ReadOnlySpan<float> logits) => logits[0] > 0;
        """,
        Verify.Diagnostic(AiSprintRules.AlternativePartitioningIgnored).WithLocation(0).WithArguments("detector-small", "EarlyExits"));

    [Fact]
    public Task Two_alternatives_of_one_original_are_not_AIS0137() => Analyze(
        """
        [Alternative("detector", "detector-small")]
        public static string DetectSmall(byte[] frame) => "small";

        [Alternative("detector", "detector-tiny")]
        public static string DetectTiny(byte[] frame) => "tiny";
        """);
}
