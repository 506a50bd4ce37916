using System;

namespace AiSprint.Annotations;

/// <summary>
/// The application-level metric that ranks the deployments of an application with alternatives (the Studio's
/// <c>model_performance(metric, metric_thr)</c>), and the threshold below which a deployment is never chosen.
/// The metric values per deployment come from the project's <c>AiSprintDeploymentsPerformance</c> item (the Studio's
/// deployments_performance.yaml).
/// </summary>
/// <example><code>[assembly: ApplicationMetric(ApplicationMetrics.AverageF1, Threshold = 0.8)]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class ApplicationMetricAttribute : Attribute
{
    /// <summary>Declares the metric.</summary>
    /// <param name="metric">One of <see cref="ApplicationMetrics"/>: <c>average_accuracy</c>, <c>average_f1</c>, <c>average_precision</c>, <c>average_recall</c>.</param>
    public ApplicationMetricAttribute(string metric) => Metric = metric;

    /// <summary>The metric's name.</summary>
    public string Metric { get; }

    /// <summary>The lowest acceptable metric, in (0, 1]; 0 (unset) means no threshold.</summary>
    public double Threshold { get; set; }
}

/// <summary>The metric names <see cref="ApplicationMetricAttribute"/> accepts, as the Studio's files write them.</summary>
public static class ApplicationMetrics
{
    /// <summary>Mean over classes of the one-vs-rest accuracy.</summary>
    public const string AverageAccuracy = "average_accuracy";

    /// <summary>Mean over classes of the F1 score.</summary>
    public const string AverageF1 = "average_f1";

    /// <summary>Mean over classes of the precision.</summary>
    public const string AveragePrecision = "average_precision";

    /// <summary>Mean over classes of the recall.</summary>
    public const string AverageRecall = "average_recall";
}
