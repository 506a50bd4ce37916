namespace AiSprint.Supervision;

/// <summary>
/// Everything <c>aisprint supervise</c> is told. The defaults suit production (minutes); tests shorten them to seconds.
/// docs/supervise.md explains each threshold and why its default.
/// </summary>
public sealed record SupervisorOptions
{
    /// <summary>The <c>aisprint/</c> folder of a build: design/, deployment/ (production_deployment.yaml, solution.json).</summary>
    public required string BuildDirectory { get; init; }

    /// <summary>Prometheus' base address (its HTTP API is under <c>api/v1/</c>).</summary>
    public required Uri Prometheus { get; init; }

    /// <summary>Where the versions (v0001 = the build's placement, v0002… = re-plans) are written.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>How often Prometheus is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The range of every rate and mean (PromQL <c>[window]</c>).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>N: a condition must hold in this many consecutive polls before it counts (sustained).</summary>
    public int ConsecutiveWindows { get; init; } = 3;

    /// <summary>The arrival rate may stray this fraction either side of the design Lambda before it counts.</summary>
    public double LambdaBand { get; init; } = 0.25;

    /// <summary>A measured demand may differ by this fraction of the design demand before it counts…</summary>
    public double DemandTolerance { get; init; } = 0.5;

    /// <summary>…and by at least this much in absolute terms (sub-millisecond components are all noise).</summary>
    public TimeSpan DemandFloor { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Hysteresis: a breached condition is released only once it is back inside its bound by this fraction.</summary>
    public double Hysteresis { get; init; } = 0.1;

    /// <summary>A window must hold at least this many calls of a component before its mean is trusted.</summary>
    public int MinimumCalls { get; init; } = 5;

    /// <summary>No re-plan within this long of the previous one.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The price of moving one component, as a fraction of the cost of the placement in force: the planner minimises
    /// cost + penalty × cost in force × components moved.
    /// </summary>
    public double MigrationPenalty { get; init; } = 0.05;

    /// <summary>Wall-time budget of one re-plan's search.</summary>
    public TimeSpan PlanningBudget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The seed of the re-plan search, so the same observations give the same decision.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Decide and report, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Each decision is POSTed here as JSON when set.</summary>
    public Uri? Webhook { get; init; }

    /// <summary>The metric of alternative deployments that ranks them for the degraded fallback (higher is better).</summary>
    public string QualityMetric { get; init; } = "accuracy";

    /// <summary>How long one Prometheus query may take before the poll reports no data.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
