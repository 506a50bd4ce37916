using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiSprint.Telemetry;

/// <summary>
/// The names and the single instances of the instruments every AiSprint wrapper reports to.
/// Exporters subscribe by name: <see cref="ActivitySourceName"/> for traces, <see cref="MeterName"/> for metrics.
/// </summary>
public static class AiSprintInstruments
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of component activities.</summary>
    public const string ActivitySourceName = "AiSprint";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of component metrics.</summary>
    public const string MeterName = "AiSprint";

    /// <summary>The histogram of component response times, in milliseconds; tag <see cref="ComponentTag"/>.</summary>
    public const string DurationName = "aisprint.component.duration";

    /// <summary>The counter of constraint breaches; tags <see cref="ConstraintTag"/> and <see cref="ScopeTag"/>.</summary>
    public const string ViolationsName = "aisprint.constraint.violations";

    /// <summary>The histogram of global-path response times (first component's start to last component's end), in milliseconds; tag <see cref="PathTag"/>.</summary>
    public const string PathDurationName = "aisprint.path.duration";

    /// <summary>The tag naming the component a measurement belongs to.</summary>
    public const string ComponentTag = "component";

    /// <summary>The tag naming the breached constraint (a component name for a local constraint, a path name for a global one).</summary>
    public const string ConstraintTag = "constraint";

    /// <summary>The tag telling a local breach (<c>local</c>) from a global one (<c>global</c>).</summary>
    public const string ScopeTag = "scope";

    /// <summary>The tag naming the global path (constraint) a path duration belongs to.</summary>
    public const string PathTag = "path";

    /// <summary>The tag naming the deployment the process belongs to (see <see cref="DeploymentIdentity"/>).</summary>
    public const string DeploymentTag = "deployment";

    /// <summary>The tag naming the resource the process runs on (see <see cref="DeploymentIdentity"/>).</summary>
    public const string ResourceTag = "resource";

    /// <summary>The source of one activity per timed component call.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);

    /// <summary>The meter owning <see cref="DurationName"/> and <see cref="ViolationsName"/>.</summary>
    public static Meter Meter { get; } = new(MeterName);

    // Instruments are created once: creating one per call would allocate and re-register listeners.
    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(
        DurationName, unit: "ms", description: "Response time of an AiSprint component call.");

    internal static Histogram<double> PathDuration { get; } = Meter.CreateHistogram<double>(
        PathDurationName, unit: "ms", description: "Response time of an AiSprint global path, from its first component's start to its last component's end.");

    internal static Counter<long> Violations { get; } = Meter.CreateCounter<long>(
        ViolationsName, unit: "{violation}", description: "Calls whose response time exceeded a constraint's threshold.");
}
