using AiSprint.Model.Units;

namespace AiSprint.Supervision.Monitoring;

/// <summary>
/// One component's calls over the window, per resource label: throughput X (calls/s) and mean response time R.
/// <paramref name="Resource"/> is the <c>resource</c> label, null when the process sets none.
/// </summary>
public sealed record ComponentMeasurement(string Component, string? Resource, double Throughput, double Calls, Seconds? MeanResponseTime);

/// <summary>One global path over the window: completions per second and mean response time.</summary>
/// <param name="Path">The global constraint's name.</param>
/// <param name="Throughput">Completions of the path per second over the window.</param>
/// <param name="Calls">Completions over the window.</param>
/// <param name="MeanResponseTime">The mean response time of the path; null when no request completed it in the window.</param>
public sealed record PathMeasurement(string Path, double Throughput, double Calls, Seconds? MeanResponseTime);

/// <summary>A drift detector's state for one (component, metric).</summary>
public sealed record DriftState(string Component, string Metric, bool Drifted);

/// <summary>
/// What one poll saw over the window ending at <paramref name="At"/>: the arrival rate at the entry (req/s), every
/// component and path, and the drift gauges.
/// </summary>
public sealed record Observation(
    DateTimeOffset At,
    double ArrivalRate,
    IReadOnlyList<ComponentMeasurement> Components,
    IReadOnlyList<PathMeasurement> Paths,
    IReadOnlyList<DriftState> Drifts);

/// <summary>A poll's reading: an observation, or why there is none (then nothing is decided).</summary>
public sealed record Reading(Observation? Observation, string? NoDataReason)
{
    internal bool HasData => Observation is not null;
}
