using AiSprint.Annotations;
using AiSprint.Generated;

namespace EarlyExit;

/// <summary>
/// The early-exit component: the generated <see cref="DefectClassifierEarlyExits"/> runs the partitions the build wrote
/// one by one and stops at the first exit whose head is confident enough; each request is counted at its exit.
/// </summary>
public static class Classifier
{
    /// <summary>Softmax confidence above which a head's answer is taken (the Studio's examples threshold the entropy alike).</summary>
    public static float Confidence { get; set; } = 0.8f;

    private static DefectClassifierEarlyExits? runner;

    public static void Open(string? partitions = null) => runner = new DefectClassifierEarlyExits(partitions);

    public static void Close() => runner?.Dispose();

    [Component("defect-classifier")]
    [ExecTime(60, TimeUnit.Milliseconds)]
    [ExpectedThroughput(2)]
    [EarlyExits("models/ee_cnn.onnx", nameof(Confident), 0.6, 0.5)]
    [Successor("report-writer", Probability = 1, DataSizeMb = 0.01)]
    public static int Classify(float[] image)
    {
        var result = runner!.Run(image, [1, 3, 16, 16]);
        return ArgMax(result.Output);
    }

    [Component("report-writer")]
    [ExecTime(20, TimeUnit.Milliseconds)]
    [GlobalExecTime("classify-and-report", 120, TimeUnit.Milliseconds, "defect-classifier")]
    public static string Report(int defectClass) => $"defect class {defectClass}";

    internal static bool Confident(ReadOnlySpan<float> logits)
    {
        var max = float.MinValue;
        foreach (var l in logits) max = Math.Max(max, l);
        var sum = 0f;
        foreach (var l in logits) sum += MathF.Exp(l - max);
        return 1 / sum > Confidence;
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
