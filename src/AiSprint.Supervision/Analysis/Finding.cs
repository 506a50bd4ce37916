namespace AiSprint.Supervision.Analysis;

/// <summary>What the analysis can find. All but <see cref="MetricDrift"/> call for a re-plan.</summary>
public enum FindingKind
{
    /// <summary>The arrival rate at the entry is outside the band around the Lambda the placement was planned for.</summary>
    ArrivalRate,
    /// <summary>A component's mean response time is above its local constraint.</summary>
    LocalViolation,
    /// <summary>A path's mean response time is above its global constraint.</summary>
    GlobalViolation,
    /// <summary>A component's measured service demand on its resource is off the design demand by more than the tolerance.</summary>
    DemandOffDesign,
    /// <summary>A drift detector reports that a monitored metric's distribution moved (notified, not re-planned).</summary>
    MetricDrift,
}

/// <summary>
/// One finding, in words and numbers: <paramref name="Observed"/> against <paramref name="Expected"/> (req/s for the
/// arrival rate, seconds for times and demands, 1/0 for drift).
/// </summary>
public sealed record Finding(FindingKind Kind, string Subject, double Observed, double Expected, string Text)
{
    internal bool CallsForReplan => Kind != FindingKind.MetricDrift;

    /// <summary>The label value of the decision counters: the kind in snake case.</summary>
    public string Reason => Kind switch
    {
        FindingKind.ArrivalRate => "arrival_rate",
        FindingKind.LocalViolation => "local_violation",
        FindingKind.GlobalViolation => "global_violation",
        FindingKind.DemandOffDesign => "demand_off_design",
        _ => "metric_drift",
    };
}

/// <summary>
/// The measured service demand of a component on the edge device or VM it runs on, next to the design's, with the
/// utilisation the estimate implies (docs/supervise.md, "Measured demand").
/// </summary>
/// <param name="MeasuredSeconds">The demand measured in production, in seconds per request.</param>
/// <param name="DesignSeconds">The demand the placement in force was planned with, in seconds per request.</param>
/// <param name="Utilisation">The utilisation of the resource the estimate implies, as a fraction.</param>
public sealed record DemandEstimate(string Component, string Resource, double MeasuredSeconds, double DesignSeconds, double Utilisation)
{
    /// <summary>Measured over design demand; NaN when the design demand is 0.</summary>
    public double Ratio => DesignSeconds > 0 ? MeasuredSeconds / DesignSeconds : double.NaN;
}
