namespace AiSprint.Model.Alternatives;

/// <summary>The application-level metrics the AI-SPRINT Studio's <c>model_performance</c> names (aisprint-studio.md §1.3).</summary>
public enum ApplicationMetric
{
    /// <summary>The mean over classes of one-vs-rest accuracy (<c>average_accuracy</c>).</summary>
    AverageAccuracy,
    /// <summary>The mean over classes of F1 (<c>average_f1</c>).</summary>
    AverageF1,
    /// <summary>The mean over classes of precision (<c>average_precision</c>).</summary>
    AveragePrecision,
    /// <summary>The mean over classes of recall (<c>average_recall</c>).</summary>
    AverageRecall,
}

/// <summary>The metric's names as the Studio's files write them.</summary>
public static class ApplicationMetrics
{
    /// <summary>The file names of the metrics, indexed by <see cref="ApplicationMetric"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["average_accuracy", "average_f1", "average_precision", "average_recall"];

    /// <summary>The metric's name in the Studio's files (<c>average_f1</c>).</summary>
    public static string Name(this ApplicationMetric metric) => Names[(int)metric];

    /// <summary>The metric a file name denotes (case-sensitive), or null when it names none.</summary>
    public static ApplicationMetric? Parse(string name)
    {
        var index = Names.ToList().IndexOf(name);
        return index < 0 ? null : (ApplicationMetric)index;
    }

    /// <summary>A threshold the Studio accepts: a deployment below it is discarded, so 0 would discard nothing and above 1 everything.</summary>
    public static bool IsValidThreshold(double threshold) => threshold > 0 && threshold <= 1;
}
