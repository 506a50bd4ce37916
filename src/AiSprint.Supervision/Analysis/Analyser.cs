using System.Globalization;
using AiSprint.Supervision.Monitoring;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Analysis;

/// <summary>What one poll's analysis concluded.</summary>
/// <param name="Held">Conditions sustained for N consecutive polls (and not yet released).</param>
/// <param name="NewDrifts">Drifts reported in this poll that were not reported in the previous one.</param>
/// <param name="Demands">The measured demands of this window.</param>
public sealed record Analysis(IReadOnlyList<Finding> Held, IReadOnlyList<Finding> NewDrifts, IReadOnlyList<DemandEstimate> Demands)
{
    internal bool CallsForReplan => Held.Any(f => f.CallsForReplan);
}

/// <summary>
/// Analyse: compares each observation with the placement in force — the arrival rate with its Lambda, each mean with its
/// constraint, each measured demand with the design's — through <see cref="SustainedCondition"/>, so that only a change
/// sustained for N polls counts and a noisy steady state counts for nothing.
/// </summary>
internal sealed class Analyser(SupervisorOptions options)
{
    private readonly SustainedCondition _conditions = new(options.ConsecutiveWindows);
    private HashSet<string> _drifting = new(StringComparer.Ordinal);

    public Analysis Analyse(PlacementInForce inForce, Observation observation)
    {
        var held = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Check(string key, Level level, Func<Finding> finding)
        {
            seen.Add(key);
            if (_conditions.Update(key, level)) held.Add(finding());
        }

        // Each direction is its own condition: a window far above the plan followed by one far below is noise, not a
        // sustained change, and must not make a streak of two.
        var lambda = inForce.Lambda;
        if (lambda > 0)
        {
            var change = observation.ArrivalRate / lambda - 1;
            var deviation = Math.Abs(change);
            Finding Load() => new(FindingKind.ArrivalRate, "entry", observation.ArrivalRate, lambda,
                $"the arrival rate is {F(observation.ArrivalRate)} req/s, {F(deviation * 100)} % {(change > 0 ? "above" : "below")} the {F(lambda)} req/s the placement was planned for (band ±{F(options.LambdaBand * 100)} %), for {options.ConsecutiveWindows} consecutive polls");
            Check("lambda/above", Relative(change, options.LambdaBand), Load);
            Check("lambda/below", Relative(-change, options.LambdaBand), Load);
        }

        foreach (var local in inForce.System.LocalConstraints.Where(l => double.IsFinite(l.MaxResponseTime.Value)))
        {
            var rows = observation.Components.Where(m => m.Component == local.Component && m.MeanResponseTime is not null).ToList();
            if (rows.Sum(r => r.Calls) < options.MinimumCalls) continue;
            var mean = rows.Sum(r => r.Throughput * r.MeanResponseTime!.Value.Value) / rows.Sum(r => r.Throughput);
            var threshold = local.MaxResponseTime.Value;
            Check("local/" + local.Component, Above(mean, threshold), () => new Finding(FindingKind.LocalViolation, local.Component, mean, threshold,
                $"component {local.Component} answers in {Ms(mean)} ms on average, above its local constraint of {Ms(threshold)} ms, for {options.ConsecutiveWindows} consecutive polls"));
        }

        foreach (var global in inForce.System.GlobalConstraints.Where(g => double.IsFinite(g.MaxResponseTime.Value)))
        {
            if (observation.Paths.FirstOrDefault(p => p.Path == global.Name) is not { MeanResponseTime: { } meanTime } path || path.Calls < options.MinimumCalls) continue;
            var mean = meanTime.Value;
            var threshold = global.MaxResponseTime.Value;
            Check("global/" + global.Name, Above(mean, threshold), () => new Finding(FindingKind.GlobalViolation, global.Name, mean, threshold,
                $"path {global.Name} takes {Ms(mean)} ms on average, above its global constraint of {Ms(threshold)} ms, for {options.ConsecutiveWindows} consecutive polls"));
        }

        var demands = DemandEstimator.Estimate(inForce, observation, options.MinimumCalls);
        foreach (var demand in demands)
        {
            var difference = Math.Abs(demand.MeasuredSeconds - demand.DesignSeconds);
            var floor = difference < options.DemandFloor.TotalSeconds;
            Finding Demand() => new(FindingKind.DemandOffDesign, demand.Component, demand.MeasuredSeconds, demand.DesignSeconds,
                $"component {demand.Component} needs {Ms(demand.MeasuredSeconds)} ms of {demand.Resource} per call (estimated at {F(demand.Utilisation * 100)} % utilisation), the design says {Ms(demand.DesignSeconds)} ms (tolerance ±{F(options.DemandTolerance * 100)} %), for {options.ConsecutiveWindows} consecutive polls");
            Check($"demand/{demand.Component}/{demand.Resource}/above", floor ? Level.Clear : Relative(demand.Ratio - 1, options.DemandTolerance), Demand);
            Check($"demand/{demand.Component}/{demand.Resource}/below", floor ? Level.Clear : Relative(1 - demand.Ratio, options.DemandTolerance), Demand);
        }
        _conditions.KeepOnly(seen);

        // Drift detectors have already applied their own statistical test over their own window: a reported drift counts at once.
        var drifting = observation.Drifts.Where(d => d.Drifted).ToList();
        var keys = drifting.Select(d => d.Component + "/" + d.Metric).ToHashSet(StringComparer.Ordinal);
        var newDrifts = drifting.Where(d => !_drifting.Contains(d.Component + "/" + d.Metric))
            .Select(d => new Finding(FindingKind.MetricDrift, d.Component, 1, 0, $"the drift detector of component {d.Component} reports that metric {d.Metric} drifted from its reference"))
            .ToList();
        _drifting = keys;
        return new Analysis(held, newDrifts, demands);
    }

    /// <summary>After a re-plan (the bounds moved) or a poll without data (a gap is not a streak).</summary>
    public void Reset() => _conditions.Reset();

    private Level Relative(double deviation, double bound) =>
        deviation > bound ? Level.Breach : deviation > bound * (1 - options.Hysteresis) ? Level.Margin : Level.Clear;

    private Level Above(double value, double threshold) =>
        value > threshold ? Level.Breach : value > threshold * (1 - options.Hysteresis) ? Level.Margin : Level.Clear;

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.###", CultureInfo.InvariantCulture);
}
