using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiSprint.Contract;

namespace AiSprint.Supervision.Execution;

/// <summary>The supervisor's state as it reads in the dashboard.</summary>
public enum SupervisorState
{
    /// <summary>Polling with data, free to re-plan.</summary>
    Watching,
    /// <summary>The last poll had no data (Prometheus down, or no samples): nothing is decided.</summary>
    NoData,
    /// <summary>Within the cool-down after a re-plan.</summary>
    CoolingDown,
}

/// <summary>
/// Every decision as OpenTelemetry metrics (counters of polls and decisions by reason; gauges of the state, the observed
/// and the planned Lambda, the cost in force and the last decision's cost before and after) and as an activity with an
/// event per decision. Names from <see cref="TelemetryNames"/>; a host exports them (the CLI through Prometheus).
/// </summary>
public sealed class SupervisorTelemetry : IDisposable
{
    /// <summary>The meter and activity source name to subscribe to.</summary>
    public const string Name = TelemetryNames.SupervisorMeter;

    private readonly Meter _meter = new(Name);
    private readonly ActivitySource _source = new(Name);
    private readonly Counter<long> _polls;
    private readonly Counter<long> _decisions;

    /// <summary>Creates the meter and activity source named <see cref="Name"/> and its instruments.</summary>
    public SupervisorTelemetry()
    {
        _polls = _meter.CreateCounter<long>(TelemetryNames.SupervisorPolls, description: "Polls of Prometheus, by outcome (data, no_data).");
        _decisions = _meter.CreateCounter<long>(TelemetryNames.SupervisorDecisions, description: "Decisions of the supervisor, by kind and reason.");
        _meter.CreateObservableGauge(TelemetryNames.SupervisorState, () => Enum.GetValues<SupervisorState>().Select(s =>
            new Measurement<int>(s == State ? 1 : 0, new KeyValuePair<string, object?>(TelemetryNames.StateTag, StateLabel(s)))), description: "1 for the supervisor's current state.");
        _meter.CreateObservableGauge(TelemetryNames.SupervisorObservedLambda, () => Gauge(ObservedLambda), description: "Arrival rate at the entry over the window, req/s.");
        _meter.CreateObservableGauge(TelemetryNames.SupervisorDesignLambda, () => Gauge(DesignLambda), description: "Arrival rate the placement in force was planned for, req/s.");
        _meter.CreateObservableGauge(TelemetryNames.SupervisorCost, () => Gauge(Cost), description: "Cost of the placement in force.");
        _meter.CreateObservableGauge(TelemetryNames.SupervisorCostBefore, () => Gauge(CostBefore), description: "The last decision's cost before.");
        _meter.CreateObservableGauge(TelemetryNames.SupervisorCostAfter, () => Gauge(CostAfter), description: "The last decision's cost after.");
        _meter.CreateObservableGauge(TelemetryNames.SupervisorVersion, () => Gauge(Version), description: "Version number of the placement in force.");
    }

    /// <summary>The state the dashboard shows; set by the supervisor at each poll.</summary>
    public SupervisorState State { get; internal set; }
    internal double ObservedLambda { get; set; } = double.NaN;
    internal double DesignLambda { get; set; } = double.NaN;
    internal double Cost { get; set; } = double.NaN;
    internal double CostBefore { get; set; } = double.NaN;
    internal double CostAfter { get; set; } = double.NaN;
    internal double Version { get; set; } = double.NaN;

    /// <summary>The <c>state</c> label value of <paramref name="state"/> (<c>watching</c>, <c>no_data</c>, <c>cooling_down</c>).</summary>
    public static string StateLabel(SupervisorState state) => state switch
    {
        SupervisorState.NoData => "no_data",
        SupervisorState.CoolingDown => "cooling_down",
        _ => "watching",
    };

    internal void Poll(bool hadData) =>
        _polls.Add(1, new KeyValuePair<string, object?>(TelemetryNames.OutcomeTag, hadData ? "data" : "no_data"));

    internal void Decided(SupervisorDecision decision)
    {
        var kind = decision.Kind;
        foreach (var reason in decision.ReasonCodes.DefaultIfEmpty("none").Distinct())
        {
            _decisions.Add(1, new(TelemetryNames.DecisionTag, kind), new(TelemetryNames.ReasonTag, reason));
        }
        CostBefore = decision.CostBefore;
        CostAfter = decision.CostAfter ?? double.NaN;
        using var activity = _source.StartActivity(TelemetryNames.SupervisorDecisionActivity, ActivityKind.Internal);
        activity?.AddEvent(new ActivityEvent(kind, decision.At, new ActivityTagsCollection
        {
            [TelemetryNames.DecisionTag] = kind,
            [TelemetryNames.ReasonTag] = string.Join(",", decision.ReasonCodes),
            ["reasons"] = string.Join("; ", decision.Reasons),
            ["cost_before"] = decision.CostBefore,
            ["cost_after"] = decision.CostAfter,
            ["design_lambda"] = decision.DesignLambda,
            ["observed_lambda"] = decision.ObservedLambda,
            ["to_version"] = decision.ToVersion,
        }));
    }

    private static IEnumerable<Measurement<double>> Gauge(double value) =>
        double.IsFinite(value) ? [new Measurement<double>(value)] : [];

    /// <summary>Disposes the meter and the activity source.</summary>
    public void Dispose()
    {
        _meter.Dispose();
        _source.Dispose();
    }
}
