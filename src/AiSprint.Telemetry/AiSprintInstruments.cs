using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiSprint.Contract;

namespace AiSprint.Telemetry;

/// <summary>
/// The names and the single instances of the instruments every AiSprint wrapper reports to.
/// Exporters subscribe by name: <see cref="ActivitySourceName"/> for traces, <see cref="MeterName"/> for metrics.
/// </summary>
public static class AiSprintInstruments
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of component activities.</summary>
    public const string ActivitySourceName = TelemetryNames.ActivitySource;

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of component metrics.</summary>
    public const string MeterName = TelemetryNames.Meter;

    /// <summary>The histogram of component response times, in milliseconds; tag <see cref="ComponentTag"/>.</summary>
    public const string DurationName = TelemetryNames.ComponentDuration;

    /// <summary>The counter of constraint breaches; tags <see cref="ConstraintTag"/> and <see cref="ScopeTag"/>.</summary>
    public const string ViolationsName = TelemetryNames.ConstraintViolations;

    /// <summary>The histogram of global-path response times (first component's start to last component's end), in milliseconds; tag <see cref="PathTag"/>.</summary>
    public const string PathDurationName = TelemetryNames.PathDuration;

    /// <summary>The counter of early-exit network requests by where they stopped; tags <see cref="ComponentTag"/> and <see cref="ExitTag"/>.</summary>
    public const string EarlyExitRequestsName = TelemetryNames.EarlyExitRequests;

    /// <summary>The tag numbering the exit a request stopped at (1-based; exits + 1 when it ran every partition).</summary>
    public const string ExitTag = TelemetryNames.ExitTag;

    /// <summary>The tag naming the component a measurement belongs to.</summary>
    public const string ComponentTag = TelemetryNames.ComponentTag;

    /// <summary>The tag naming the breached constraint (a component name for a local constraint, a path name for a global one).</summary>
    public const string ConstraintTag = TelemetryNames.ConstraintTag;

    /// <summary>The tag telling a local breach (<c>local</c>) from a global one (<c>global</c>).</summary>
    public const string ScopeTag = TelemetryNames.ScopeTag;

    /// <summary>The tag naming the global path (constraint) a path duration belongs to.</summary>
    public const string PathTag = TelemetryNames.PathTag;

    /// <summary>The tag naming the deployment the process belongs to (see <see cref="DeploymentIdentity"/>).</summary>
    public const string DeploymentTag = TelemetryNames.DeploymentTag;

    /// <summary>The tag naming the resource the process runs on (see <see cref="DeploymentIdentity"/>).</summary>
    public const string ResourceTag = TelemetryNames.ResourceTag;

    /// <summary>The source of one activity per timed component call.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);

    /// <summary>The meter owning <see cref="DurationName"/> and <see cref="ViolationsName"/>.</summary>
    public static Meter Meter { get; } = new(MeterName);

    // Instruments are created once: creating one per call would allocate and re-register listeners.
    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(
        DurationName, unit: TelemetryNames.MillisecondsUnit, description: "Response time of an AiSprint component call.");

    internal static Histogram<double> PathDuration { get; } = Meter.CreateHistogram<double>(
        PathDurationName, unit: TelemetryNames.MillisecondsUnit, description: "Response time of an AiSprint global path, from its first component's start to its last component's end.");

    internal static Counter<long> EarlyExitRequests { get; } = Meter.CreateCounter<long>(
        EarlyExitRequestsName, unit: "{request}", description: "Requests of an early-exit network, by the exit they stopped at (exits + 1: ran every partition).");

    internal static Counter<long> Violations { get; } = Meter.CreateCounter<long>(
        ViolationsName, unit: "{violation}", description: "Calls whose response time exceeded a constraint's threshold.");
}
