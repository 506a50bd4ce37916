using AiSprint.Annotations;

namespace MaskDetection;

public static class Application
{
    [Component("blurry-faces-onnx")]
    [ExecTime]
    [Successor("mask-detector-onnx", Probability = 0.8, DataSizeMb = 4.5)]
    [ExpectedThroughput(0.5)]
    [DeviceConstraints(RamMb = 1024, VramMb = 2048, UseGpuFor = new[] { "onnxruntime" })]
    public static int BlurFaces(int frame) => frame;

    [Component("mask-detector-onnx")]
    [ExecTime(1, TimeUnit.Seconds)]
    [GlobalExecTime("path1", 2500, TimeUnit.Milliseconds, "blurry-faces-onnx")]
    [Security(SecurityRequirements.TrustedExecution | SecurityRequirements.FilesystemShield)]
    [Partitionable("models/mask_detector.onnx", 3)]
    public static bool DetectMask(int frame) => frame > 0;

    [ExecTime(250, TimeUnit.Milliseconds)]
    internal static void Notify(string message)
    {
    }
}
