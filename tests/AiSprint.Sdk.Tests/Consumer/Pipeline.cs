using AiSprint.Annotations;

namespace Consumer;

public static class Pipeline
{
    [Component("blurry-faces-onnx")]
    [ExecTime(BlurThresholdMs, TimeUnit.Milliseconds)]
    [ExpectedThroughput(1)]
    [Partitionable("models/squeezenet1_1.onnx", 2)]
    [Successor("mask-detector", Probability = 1, DataSizeMb = 0.6)]
    public static float[] BlurFaces(float[] image) => image.Select(v => v * 0.5f).ToArray();

    [Component("mask-detector")]
    [ExecTime(40, TimeUnit.Milliseconds)]
    [GlobalExecTime("faces-to-masks", 60, TimeUnit.Milliseconds, "blurry-faces-onnx")]
    public static bool DetectMask(float[] faces) => faces.Sum() > 1;

    // The end-to-end test lowers this below what any resource can do (the fastest demand is 9 ms).
    public const double BlurThresholdMs = 20;
}
