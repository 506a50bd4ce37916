namespace AiSprint.Model.Alternatives;

/// <summary>The application-level metrics the AI-SPRINT Studio's <c>model_performance</c> names (aisprint-studio.md §1.3).</summary>
public enum ApplicationMetric
{
    AverageAccuracy,
    AverageF1,
    AveragePrecision,
    AverageRecall,
}

/// <summary>The metric's names as the Studio's files write them.</summary>
public static class ApplicationMetrics
{
    public static IReadOnlyList<string> Names { get; } = ["average_accuracy", "average_f1", "average_precision", "average_recall"];

    public static string Name(this ApplicationMetric metric) => Names[(int)metric];

    public static ApplicationMetric? Parse(string name)
    {
        var index = Names.ToList().IndexOf(name);
        return index < 0 ? null : (ApplicationMetric)index;
    }

    /// <summary>A threshold the Studio accepts: a deployment below it is discarded, so 0 would discard nothing and above 1 everything.</summary>
    public static bool IsValidThreshold(double threshold) => threshold > 0 && threshold <= 1;
}
