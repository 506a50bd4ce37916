using System;
using AiSprint.Annotations;

namespace Inspection;

public static class Application
{
    [Component("defect-classifier")]
    [ExecTime(200, TimeUnit.Milliseconds)]
    [EarlyExits("models/ee_cnn.onnx", nameof(Confident), 0.7, 0.4)]
    public static int Classify(float[] image) => image.Length;

    internal static bool Confident(ReadOnlySpan<float> logits) => logits[0] > 0.5f;

    [Component("array-condition")]
    [EarlyExits("exits/other.onnx", nameof(Sure), 0.5, ExitsFile = "exits/custom_exits.csv")]
    public static int Other(float[] image) => image.Length;

    public static bool Sure(float[] logits) => logits.Length > 0;
}
