using AiSprint.Analyzers.Drift;
using AiSprint.Analyzers.Tests.Harness;
using AiSprint.Telemetry.Drift;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>AIS0130–AIS0136: [DetectDrift] declarations, on sources that reference the real annotations and telemetry assemblies.</summary>
public sealed class Ais0130To0136DriftDeclarationTests
{
    private static string Source(string declaration, string body = "") => $$"""
        using AiSprint.Telemetry.Drift;

        public static class App
        {
            [Component("mask")]
            {{declaration}}
            public static void Detect(double score, bool hit, string label, int count)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task A_valid_declaration_whose_records_fit_is_not_reported() => RunAsync(Source(
        """[DetectDrift("confidence", DriftTest.CramerVonMises, PValueThreshold = 0.01, WindowSize = 10, DetectionIntervalSeconds = 0.5, CollectionPeriodSeconds = 0)]"""
        + """ [DetectDrift("hit", DriftTest.FisherExact)] [DetectDrift("label", DriftTest.ChiSquared)] [DetectDrift("count", DriftTest.KolmogorovSmirnov)]""",
        """DriftMetrics.Record("confidence", score); DriftMetrics.Record("hit", hit); DriftMetrics.Record("label", label); DriftMetrics.Record("count", count);"""));

    [Fact]
    public Task An_undefined_test_is_AIS0130() => RunAsync(
        Source("""[DetectDrift("confidence", {|#0:(DriftTest)7|})]"""),
        Verify.Diagnostic(AiSprintRules.UnknownDriftTest).WithLocation(0).WithArguments("mask", "confidence", "7"));

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.5")]
    [InlineData("1.5")]
    public Task A_threshold_outside_zero_one_is_AIS0131(string threshold) => RunAsync(
        Source($$"""[DetectDrift("confidence", DriftTest.KolmogorovSmirnov, PValueThreshold = {|#0:{{threshold}}|})]"""),
        Verify.Diagnostic(AiSprintRules.DriftThresholdOutOfRange).WithLocation(0).WithArguments("mask", "confidence", double.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public Task A_window_below_ten_is_AIS0132() => RunAsync(
        Source("""[DetectDrift("confidence", DriftTest.KolmogorovSmirnov, WindowSize = {|#0:9|})]"""),
        Verify.Diagnostic(AiSprintRules.DriftWindowTooSmall).WithLocation(0).WithArguments("mask", "confidence", "9", "10"));

    [Fact]
    public Task A_zero_interval_and_a_negative_collection_period_are_AIS0133() => RunAsync(
        Source("""[DetectDrift("confidence", DriftTest.KolmogorovSmirnov, DetectionIntervalSeconds = {|#0:0|}, CollectionPeriodSeconds = {|#1:-1|})]"""),
        Verify.Diagnostic(AiSprintRules.DriftNonPositiveInterval).WithLocation(0).WithArguments("mask", "confidence", "detection interval", "0", "it must be greater than 0"),
        Verify.Diagnostic(AiSprintRules.DriftNonPositiveInterval).WithLocation(1).WithArguments("mask", "confidence", "collection period", "-1", "it must be 0 or more"));

    [Fact]
    public Task Strings_recorded_for_a_continuous_test_are_AIS0134_with_chi_squared_as_the_fit() => RunAsync(
        Source("""[DetectDrift("label", {|#0:DriftTest.KolmogorovSmirnov|})]""", """DriftMetrics.Record("label", {|#1:label|});"""),
        Verify.Diagnostic(AiSprintRules.DriftTestDoesNotFitMetric).WithLocation(0).WithLocation(1)
            .WithMessage("'mask' records 'label' as categorical values (string), but its drift detector runs kolmogorov-smirnov, a test for continuous values; declare DriftTest.ChiSquared"));

    [Fact]
    public Task Doubles_recorded_for_fishers_test_are_AIS0134_with_both_continuous_tests_named() => RunAsync(
        Source("""[DetectDrift("confidence", {|#0:DriftTest.FisherExact|})]""", """DriftMetrics.Record("confidence", {|#1:score|});"""),
        Verify.Diagnostic(AiSprintRules.DriftTestDoesNotFitMetric).WithLocation(0).WithLocation(1)
            .WithMessage("'mask' records 'confidence' as continuous values (double), but its drift detector runs fisher-exact-test, a test for binary values; declare DriftTest.KolmogorovSmirnov or DriftTest.CramerVonMises"));

    [Fact]
    public Task Records_of_another_metric_or_in_another_method_are_not_checked() => RunAsync(Source(
        """[DetectDrift("label", DriftTest.ChiSquared)]""",
        """DriftMetrics.Record("confidence", score); Helper(score); } private static void Helper(double score) { DriftMetrics.Record("label", score);"""));

    [Fact]
    public Task A_reference_file_that_is_no_AdditionalFile_is_AIS0135() => RunAsync(
        Source("""[DetectDrift("confidence", DriftTest.KolmogorovSmirnov, ReferenceFile = {|#0:"drift/other.csv"|})]"""),
        Verify.Diagnostic(AiSprintRules.DriftReferenceFileMissing).WithLocation(0).WithArguments("drift/other.csv", "mask", " (resolved to '/proj/drift/other.csv')"));

    [Fact]
    public Task A_reference_file_among_the_AdditionalFiles_is_not_reported() => RunAsync(
        Source("""[DetectDrift("confidence", DriftTest.KolmogorovSmirnov, ReferenceFile = "drift/confidence.csv")]"""));

    [Fact]
    public Task A_metric_declared_twice_or_without_a_name_is_AIS0136() => RunAsync(
        Source("""[DetectDrift("confidence", DriftTest.KolmogorovSmirnov)] [DetectDrift({|#0:"confidence"|}, DriftTest.CramerVonMises)] [DetectDrift({|#1:""|}, DriftTest.ChiSquared)]"""),
        Verify.Diagnostic(AiSprintRules.DriftMetricDeclaredTwice).WithLocation(0).WithArguments("'mask' declares a drift detector on 'confidence' twice"),
        Verify.Diagnostic(AiSprintRules.DriftMetricDeclaredTwice).WithLocation(1).WithArguments("A drift detector of 'mask' has no metric name"));

    [Fact]
    public Task The_AIS0134_fix_declares_chi_squared_for_recorded_strings() => FixAsync(
        Source("""[DetectDrift("label", {|#0:DriftTest.CramerVonMises|}, WindowSize = 20)]""", """DriftMetrics.Record("label", {|#1:label|});"""),
        Source("""[DetectDrift("label", DriftTest.ChiSquared, WindowSize = 20)]""", """DriftMetrics.Record("label", label);"""),
        Verify.Diagnostic(AiSprintRules.DriftTestDoesNotFitMetric).WithLocation(0).WithLocation(1)
            .WithMessage("'mask' records 'label' as categorical values (string), but its drift detector runs cramer-von-mises, a test for continuous values; declare DriftTest.ChiSquared"));

    [Fact]
    public Task The_AIS0134_fix_declares_fishers_test_for_recorded_booleans() => FixAsync(
        Source("""[DetectDrift("hit", {|#0:DriftTest.KolmogorovSmirnov|})]""", """DriftMetrics.Record("hit", {|#1:hit|});"""),
        Source("""[DetectDrift("hit", DriftTest.FisherExact)]""", """DriftMetrics.Record("hit", hit);"""),
        Verify.Diagnostic(AiSprintRules.DriftTestDoesNotFitMetric).WithLocation(0).WithLocation(1)
            .WithMessage("'mask' records 'hit' as binary values (bool), but its drift detector runs kolmogorov-smirnov, a test for continuous values; declare DriftTest.FisherExact"));

    private static Task FixAsync(string source, string fixedSource, DiagnosticResult expected)
    {
        var test = new CSharpCodeFixTest<DriftDeclarationAnalyzer, AiSprint.Analyzers.CodeFixes.DriftTestCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestCode = Verify.Usings + source,
            FixedCode = Verify.Usings + fixedSource,
        };
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            Verify.AddReferences(state);
            state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DriftMetrics).Assembly.Location));
        }

        test.ExpectedDiagnostics.Add(expected);
        return test.RunAsync();
    }

    private static Task RunAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<DriftDeclarationAnalyzer, EmptyCodeFixProvider, DefaultVerifier> { ReferenceAssemblies = new ReferenceAssemblies("net10.0") };
        test.TestState.Sources.Add((VerifyInputs.PathOf("App.cs"), Verify.Usings + source));
        test.TestState.AdditionalFiles.Add((VerifyInputs.PathOf("drift/confidence.csv"), "timestamp,value\n2026-12-04T12:00:00Z,0.5\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ProjectDir = " + VerifyInputs.Project + "\n"));
        Verify.AddReferences(test.TestState);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DriftMetrics).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
