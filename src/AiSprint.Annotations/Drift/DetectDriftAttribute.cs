using System;

namespace AiSprint.Annotations;

/// <summary>
/// Watches a value the component records with <c>AiSprint.Telemetry.Drift.DriftMetrics.Record(metric, value)</c>
/// for a change of distribution: the first full window after start (or <see cref="ReferenceFile"/>) is the
/// reference; every <see cref="DetectionIntervalSeconds"/> the latest <see cref="WindowSize"/> values are tested
/// against it, and a p-value below <see cref="PValueThreshold"/> is a drift. After a drift the values recorded
/// for <see cref="CollectionPeriodSeconds"/> are written to a file to re-train on.
/// </summary>
/// <remarks>
/// The AI-SPRINT Studio's <c>detect_metric_drift</c>, declared on the component. The state is exported through
/// OpenTelemetry (<c>aisprint.drift.detected</c>, <c>aisprint.drift.state</c>, <c>aisprint.drift.p_value</c>,
/// <c>aisprint.drift.detections</c>); see docs/drift.md.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DetectDriftAttribute : Attribute
{
    /// <summary>Declares a drift detector on a metric the component records.</summary>
    /// <param name="metric">The name the component records values under, e.g. <c>confidence</c>.</param>
    /// <param name="test">The test: Kolmogorov–Smirnov or Cramér–von Mises for continuous values, chi-squared for categorical, Fisher's exact for binary.</param>
    public DetectDriftAttribute(string metric, DriftTest test)
    {
        Metric = metric;
        Test = test;
    }

    /// <summary>The name the component records values under.</summary>
    public string Metric { get; }

    /// <summary>The statistical test.</summary>
    public DriftTest Test { get; }

    /// <summary>A p-value below this is a drift; in (0, 1). Default 0.05.</summary>
    public double PValueThreshold { get; set; } = 0.05;

    /// <summary>Samples in the reference window and in each tested window; at least 10. Default 500.</summary>
    public int WindowSize { get; set; } = 500;

    /// <summary>Seconds between two tests; positive. Default 300 (5 minutes).</summary>
    public double DetectionIntervalSeconds { get; set; } = 300;

    /// <summary>Seconds of values collected to a file after a drift; 0 collects nothing. Default 3600 (1 hour).</summary>
    public double CollectionPeriodSeconds { get; set; } = 3600;

    /// <summary>
    /// Optional reference values instead of the first window: a text file of one value per line, or the CSV a
    /// collection wrote (its last column). Relative paths start at the application's base directory.
    /// </summary>
    public string? ReferenceFile { get; set; }
}
