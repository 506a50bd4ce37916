using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>No rule fires on valid annotations (the sample of docs/generator.md and the edge values each rule allows).</summary>
public sealed class CleanSampleTests
{
    public const string Sample = """
        public sealed class Frame { }

        public static class Pipeline
        {
            [Component("blurry-faces-onnx")]
            [ExecTime]
            [Successor("mask-detector-onnx", Probability = 0.8, DataSizeMb = 4.5)]
            [ExpectedThroughput(0.5)]
            [DeviceConstraints(RamMb = 1024, VramMb = 2048, UseGpuFor = new[] { "onnxruntime" })]
            public static Frame BlurFaces(Frame frame) => frame;

            [Component("mask-detector-onnx")]
            [ExecTime(1, TimeUnit.Seconds)]
            [GlobalExecTime("path1", 2500, TimeUnit.Milliseconds, "blurry-faces-onnx")]
            [Security(SecurityRequirements.TrustedExecution | SecurityRequirements.FilesystemShield)]
            [Partitionable("models/mask_detector.onnx", 3)]
            public static bool DetectMask(Frame frame) => frame is not null;
        }
        """;

    [Fact]
    public Task Sample_from_the_generator_documentation_has_no_diagnostics() => Verify.AnalyzerAsync(Sample);

    [Fact]
    public Task Boundary_values_have_no_diagnostics() => Verify.AnalyzerAsync("""
        public static class Edges
        {
            [Component("a")]
            [ExecTime(1, TimeUnit.Seconds)]
            [Successor("b", Probability = 0.7)]
            [Successor("c", Probability = 0.3)]
            public static void A() { }

            [ExecTime(500, TimeUnit.Milliseconds)]
            public static void b() { }

            [ExecTime(0.5, TimeUnit.Seconds)]
            [GlobalExecTime("exactly-the-sum", 2, TimeUnit.Seconds, new[] { "a", "b" })]
            [Partitionable("MODELS/C.ONNX", 2)]
            public static void c() { }

            // Not components: no [Component]/[ExecTime], so their attributes' names are not in the component set.
            public static void Plain() { }
        }
        """);
}
