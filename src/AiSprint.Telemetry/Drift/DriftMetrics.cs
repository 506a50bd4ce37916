namespace AiSprint.Telemetry.Drift;

/// <summary>
/// Where a component records the values its <c>[DetectDrift]</c> declarations watch:
/// <c>DriftMetrics.Record("confidence", score)</c>. Values of a metric nobody declared are dropped at the cost of a
/// dictionary lookup. Forwards to <see cref="DriftMonitor.Default"/>; code that owns a monitor calls it directly.
/// </summary>
public static class DriftMetrics
{
    /// <summary>Records a continuous value (Kolmogorov–Smirnov, Cramér–von Mises) or a category code (chi-squared).</summary>
    public static void Record(string metric, double value) => DriftMonitor.Default.Record(metric, value);

    /// <summary>Records a binary value (Fisher's exact test).</summary>
    public static void Record(string metric, bool value) => DriftMonitor.Default.Record(metric, value);

    /// <summary>Records a category (chi-squared).</summary>
    public static void Record(string metric, string category) => DriftMonitor.Default.Record(metric, category);
}
