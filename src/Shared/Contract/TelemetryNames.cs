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
}
