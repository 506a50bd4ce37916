using AiSprint.Annotations;

[assembly: ApplicationMetric(ApplicationMetrics.AverageF1, Threshold = 0.8)]

namespace Alternatives;

/// <summary>
/// A two-stage visual inspection, the Studio's filter → classifier chain: frame-filter drops frames that show no part,
/// defect-classifier names the defect on the rest. Each stage has an alternative (a cheaper model with a lower F1);
/// the four combinations are the application's deployments, ranked by deployments_performance.yaml.
/// </summary>
public static class Inspection
{
    [Component("frame-filter")]
    [ExecTime(200, TimeUnit.Milliseconds)]
    [ExpectedThroughput(2)]
    [Successor("defect-classifier", Probability = 0.7, DataSizeMb = 0.2)]
    public static float[]? FilterFrame(float[] frame) => Brightness(frame) > 0.3f ? frame : null;

    /// <summary>A coarser filter: looks at every fourth pixel only.</summary>
    [Alternative("frame-filter", "frame-filter-fast")]
    public static float[]? FilterFrameFast(float[] frame)
    {
        var sum = 0f;
        for (var i = 0; i < frame.Length; i += 4) sum += frame[i];
        return sum / ((frame.Length + 3) / 4) > 0.3f ? frame : null;
    }

    [Component("defect-classifier")]
    [ExecTime(150, TimeUnit.Milliseconds)]
    [GlobalExecTime("frame-to-defect", 400, TimeUnit.Milliseconds, "frame-filter")]
    public static string Classify(float[] part) => Brightness(part) switch
    {
        > 0.6f => "scratch",
        > 0.45f => "dent",
        _ => "none",
    };

    /// <summary>The small classifier tells two classes apart where the large one tells three.</summary>
    [Alternative("defect-classifier", "defect-classifier-small")]
    public static string ClassifySmall(float[] part) => Brightness(part) > 0.5f ? "scratch" : "none";

    private static float Brightness(float[] frame)
    {
        var sum = 0f;
        foreach (var v in frame) sum += v;
        return sum / frame.Length;
    }
}
