using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0106NotOnnxPathTests
{
    [Theory]
    [InlineData("models/mask_detector.pt")]
    [InlineData("models/mask_detector.onnx.bak")]
    [InlineData("")]
    public Task Non_onnx_path_is_reported_on_the_path(string path) => Verify.AnalyzerAsync(
        $$"""
        public static class Pipeline
        {
            [Component("mask")]
            [ExecTime]
            [Partitionable({|#0:"{{path}}"|}, 3)]
            public static void Detect() { }
        }
        """,
        Verify.Diagnostic(AiSprintRules.NotOnnxPath).WithLocation(0)
            .WithMessage($"The partitionable model of 'mask' is '{path}', which is not an .onnx file name"));

    [Theory]
    [InlineData("models/mask_detector.onnx")]
    [InlineData("MODEL.ONNX")]
    public Task Onnx_path_is_not_reported(string path) => Verify.AnalyzerAsync($$"""
        public static class Pipeline
        {
            [Component("mask")]
            [ExecTime]
            [Partitionable("{{path}}", 3)]
            public static void Detect() { }
        }
        """);
}
