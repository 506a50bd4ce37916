namespace AiSprint.Contract;

/// <summary>
/// What the generated wrappers export through OpenTelemetry, and how Prometheus names it: the runtime records under
/// these names, the monitoring rules and the supervisor query them.
/// </summary>
internal static class TelemetryNames
{
    public const string ActivitySource = "AiSprint";
    public const string Meter = "AiSprint";

    /// <summary>Histogram of component response times, in ms.</summary>
    public const string ComponentDuration = "aisprint.component.duration";

    /// <summary>Counter of constraint breaches.</summary>
    public const string ConstraintViolations = "aisprint.constraint.violations";

    /// <summary>Histogram of global-path response times, in ms.</summary>
    public const string PathDuration = "aisprint.path.duration";

    // Early exits (issue 15 part 2).
    /// <summary>
    /// Counter of early-exit network requests by where they stopped: tag <see cref="ExitTag"/> is the exit's 1-based
    /// number, or N + 1 for a request that ran every partition. The measured probability of not exiting at exit i is
    /// (requests stopping after it) / (requests reaching it).
    /// </summary>
    public const string EarlyExitRequests = "aisprint.early_exit.requests";

    public const string ExitTag = "exit";

    public const string MillisecondsUnit = "ms";

    public const string ComponentTag = "component";
    public const string ConstraintTag = "constraint";
    public const string ScopeTag = "scope";
    public const string PathTag = "path";
    public const string DeploymentTag = "deployment";
    public const string ResourceTag = "resource";

    /// <summary>
    /// The name OpenTelemetry's Prometheus exporter gives an instrument: dots become underscores and the unit is
    /// appended in words (<c>aisprint.component.duration</c> in ms → <c>aisprint_component_duration_milliseconds</c>).
    /// </summary>
    public static string PrometheusName(string instrument, string unit) =>
        instrument.Replace('.', '_') + (unit == MillisecondsUnit ? "_milliseconds" : "");

    public static string PrometheusComponentDuration => PrometheusName(ComponentDuration, MillisecondsUnit);

    public static string PrometheusPathDuration => PrometheusName(PathDuration, MillisecondsUnit);

    // --- Drift detection (issue 16): the detectors' state, one series per (component, metric). ---

    /// <summary>Gauge: 1 from a drift until the reference is refreshed, else 0; tags component, metric, test.</summary>
    public const string DriftDetected = "aisprint.drift.detected";

    /// <summary>Gauge: the Studio's drift state — 0 monitoring, 1 drifted and collecting data, 2 collection over; −1 before the reference window is full.</summary>
    public const string DriftState = "aisprint.drift.state";

    /// <summary>Gauge: the p-value of the latest test (absent before the first test).</summary>
    public const string DriftPValue = "aisprint.drift.p_value";

    /// <summary>Counter of drifts detected.</summary>
    public const string DriftDetections = "aisprint.drift.detections";

    /// <summary>The tag naming the drift-monitored metric (the name passed to <c>DriftMetrics.Record</c>).</summary>
    public const string DriftMetricTag = "metric";

    /// <summary>The tag naming the statistical test (<see cref="AnnotationContract.DriftTestName"/>).</summary>
    public const string DriftTestTag = "test";

    /// <summary>The activity (span) the detector starts for each drift, on <see cref="ActivitySource"/>.</summary>
    public const string DriftActivity = "aisprint.drift";

    /// <summary>A counter's Prometheus name: OpenTelemetry's exporter appends <c>_total</c> (a unit in braces adds nothing).</summary>
    public static string PrometheusCounterName(string instrument) => PrometheusName(instrument, "") + "_total";

    /// <summary><c>aisprint_drift_detected</c>.</summary>
    public static string PrometheusDriftDetected => PrometheusName(DriftDetected, "");

    /// <summary><c>aisprint_drift_state</c>.</summary>
    public static string PrometheusDriftState => PrometheusName(DriftState, "");

    /// <summary><c>aisprint_drift_p_value</c>.</summary>
    public static string PrometheusDriftPValue => PrometheusName(DriftPValue, "");

    /// <summary><c>aisprint_drift_detections_total</c>.</summary>
    public static string PrometheusDriftDetections => PrometheusCounterName(DriftDetections);

    // ---- Supervision (aisprint supervise, issue 16) ----

    // The supervisor reads the drift detectors' DriftDetected (above) with DriftMetricTag.

    /// <summary>The meter and activity source of the supervisor's own decisions.</summary>
    public const string SupervisorMeter = "AiSprint.Supervision";

    /// <summary>Counter of polls; tag <see cref="OutcomeTag"/> = <c>data</c> or <c>no_data</c>.</summary>
    public const string SupervisorPolls = "aisprint.supervisor.polls";

    /// <summary>Counter of decisions; tags <see cref="DecisionTag"/> (replan, fallback, infeasible, notify) and <see cref="ReasonTag"/>.</summary>
    public const string SupervisorDecisions = "aisprint.supervisor.decisions";

    /// <summary>Gauge, one series per <see cref="StateTag"/> (watching, no_data, cooling_down): 1 for the current state.</summary>
    public const string SupervisorState = "aisprint.supervisor.state";

    /// <summary>Gauges of the arrival rate (req/s): the one observed over the window and the one of the placement in force.</summary>
    public const string SupervisorObservedLambda = "aisprint.supervisor.observed_lambda";
    public const string SupervisorDesignLambda = "aisprint.supervisor.design_lambda";

    /// <summary>Gauges of the placement cost in force, and of the last decision's cost before and after.</summary>
    public const string SupervisorCost = "aisprint.supervisor.cost";
    public const string SupervisorCostBefore = "aisprint.supervisor.decision.cost_before";
    public const string SupervisorCostAfter = "aisprint.supervisor.decision.cost_after";

    /// <summary>Gauge of the version number of the placement in force (v0001 = 1).</summary>
    public const string SupervisorVersion = "aisprint.supervisor.version";

    /// <summary>Name of the activity (with one event) recorded per decision.</summary>
    public const string SupervisorDecisionActivity = "aisprint.supervisor.decision";

    public const string OutcomeTag = "outcome";
    public const string DecisionTag = "decision";
    public const string ReasonTag = "reason";
    public const string StateTag = "state";
}
