using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0101UnknownPathComponentTests
{
    private const string Template = """
        public static class Pipeline
        {
            [Component("blurry-faces-onnx")]
            [ExecTime]
            public static void Blur() { }

            [Component("mask-detector-onnx")]
            [ExecTime]
            public static void Detect() { }

            [Component("alert")]
            [ExecTime(1, TimeUnit.Seconds)]
            [GlobalExecTime("path1", 2500, TimeUnit.Milliseconds, PATH)]
            public static void Alert() { }
        }
        """;

    [Fact]
    public Task Misspelled_component_is_reported_with_the_closest_name_and_fixed() => Verify.CodeFixAsync(
        Template.Replace("PATH", "{|#0:\"blury-faces-onnx\"|}, \"mask-detector-onnx\""),
        [
            Verify.Diagnostic(AiSprintRules.UnknownPathComponent).WithLocation(0)
                .WithMessage("Global path 'path1' names 'blury-faces-onnx', which is no component of this compilation; did you mean 'blurry-faces-onnx'?"),
        ],
        Template.Replace("PATH", "\"blurry-faces-onnx\", \"mask-detector-onnx\""));

    [Fact]
    public Task Names_in_an_explicit_array_are_located_and_fixed() => Verify.CodeFixAsync(
        Template.Replace("PATH", "new[] { \"blurry-faces-onnx\", {|#0:\"Mask-Detector-Onnx\"|} }"),
        [
            Verify.Diagnostic(AiSprintRules.UnknownPathComponent).WithLocation(0)
                .WithMessage("Global path 'path1' names 'Mask-Detector-Onnx', which is no component of this compilation; did you mean 'mask-detector-onnx'?"),
        ],
        Template.Replace("PATH", "new[] { \"blurry-faces-onnx\", \"mask-detector-onnx\" }"));

    [Fact]
    public Task A_name_too_far_from_every_component_gets_no_suggestion_but_the_list_of_names() => Verify.AnalyzerAsync(
        Template.Replace("PATH", "\"blurry-faces-onnx\", {|#0:\"Mask-Detector\"|}"),
        Verify.Diagnostic(AiSprintRules.UnknownPathComponent).WithLocation(0)
            .WithMessage("Global path 'path1' names 'Mask-Detector', which is no component of this compilation; expected one of alert, blurry-faces-onnx, mask-detector-onnx"));

    [Fact]
    public Task Known_components_are_not_reported() =>
        Verify.AnalyzerAsync(Template.Replace("PATH", "\"blurry-faces-onnx\", \"mask-detector-onnx\""));

    [Fact]
    public Task A_component_named_after_its_method_is_known() => Verify.AnalyzerAsync("""
        public static class Pipeline
        {
            [ExecTime]
            public static void Preprocess() { }

            [ExecTime(1, TimeUnit.Seconds)]
            [GlobalExecTime("p", 2, TimeUnit.Seconds, "Preprocess")]
            public static void Infer() { }
        }
        """);
}
