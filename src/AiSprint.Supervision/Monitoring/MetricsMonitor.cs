using System.Globalization;
using AiSprint.Contract;
using AiSprint.Model.Units;

namespace AiSprint.Supervision.Monitoring;

/// <summary>
/// Monitor: reads the wrappers' histograms and the drift gauges from Prometheus over one window. Means are
/// <c>rate(sum) / rate(count)</c> — SPACE4AI-D constrains the mean, as the generated rules do — and the arrival rate is
/// the call rate of the entry components.
/// </summary>
internal sealed class MetricsMonitor(PrometheusClient prometheus, TimeSpan window, IReadOnlyList<string> entryComponents, TimeProvider clock)
{
    private string WindowText => Math.Max(1, (long)window.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    /// <summary>The PromQL of each reading, in the order they are run (the benchmark and the docs list them).</summary>
    public IReadOnlyList<string> Queries =>
    [
        SumBy(TelemetryNames.PrometheusComponentDuration + "_count", "component, resource"),
        SumBy(TelemetryNames.PrometheusComponentDuration + "_sum", "component, resource"),
        SumBy(TelemetryNames.PrometheusPathDuration + "_count", "path"),
        SumBy(TelemetryNames.PrometheusPathDuration + "_sum", "path"),
        $"max by (component, metric) ({TelemetryNames.PrometheusDriftDetected})",
    ];

    public async Task<Reading> ReadAsync(CancellationToken cancellation)
    {
        var results = new List<QueryResult>();
        foreach (var query in Queries)
        {
            var result = await prometheus.QueryAsync(query, cancellation).ConfigureAwait(false);
            if (!result.Succeeded) return new Reading(null, result.Problem);
            results.Add(result);
        }

        var counts = results[0].Samples!;
        var entryRates = counts.Where(s => entryComponents.Contains(s.Label(TelemetryNames.ComponentTag)) && double.IsFinite(s.Value)).ToList();
        if (entryRates.Count == 0)
        {
            return new Reading(null,
                $"Prometheus at {prometheus.Server} has no samples of {TelemetryNames.PrometheusComponentDuration} for the entry ({string.Join(", ", entryComponents)}) over the last {window.TotalSeconds:0.#} s");
        }

        // A series younger than the window (the app or Prometheus just started) makes rate() extrapolate from a few
        // scrapes: the first windows read far below the real rate. Only a window that a sample before its start covers counts.
        foreach (var entry in entryComponents)
        {
            var before = await prometheus.QueryAsync(
                $"sum({TelemetryNames.PrometheusComponentDuration}_count{PrometheusQueries.Selector(TelemetryNames.ComponentTag, entry)} offset {WindowText})", cancellation).ConfigureAwait(false);
            if (!before.Succeeded) return new Reading(null, before.Problem);
            if (before.Samples!.Count == 0)
            {
                return new Reading(null, $"Prometheus at {prometheus.Server} has samples of the entry ({entry}) for less than the window of {window.TotalSeconds:0.#} s; waiting for a full window");
            }
        }

        var seconds = window.TotalSeconds;
        var components = Join(counts, results[1].Samples!, s => (s.Label(TelemetryNames.ComponentTag) ?? "", s.Label(TelemetryNames.ResourceTag)))
            .Where(j => j.Key.Item1.Length > 0)
            .Select(j => new ComponentMeasurement(j.Key.Item1, j.Key.Item2, j.Rate, j.Rate * seconds, Mean(j.Rate, j.SumRate)))
            .OrderBy(c => c.Component, StringComparer.Ordinal).ThenBy(c => c.Resource, StringComparer.Ordinal).ToList();
        var paths = Join(results[2].Samples!, results[3].Samples!, s => (s.Label(TelemetryNames.PathTag) ?? "", (string?)null))
            .Where(j => j.Key.Item1.Length > 0)
            .Select(j => new PathMeasurement(j.Key.Item1, j.Rate, j.Rate * seconds, Mean(j.Rate, j.SumRate)))
            .OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var drifts = results[4].Samples!
            .Where(s => s.Label(TelemetryNames.ComponentTag) is not null && s.Label(TelemetryNames.DriftMetricTag) is not null)
            .Select(s => new DriftState(s.Label(TelemetryNames.ComponentTag)!, s.Label(TelemetryNames.DriftMetricTag)!, s.Value >= 0.5))
            .OrderBy(d => d.Component, StringComparer.Ordinal).ThenBy(d => d.Metric, StringComparer.Ordinal).ToList();
        return new Reading(new Observation(clock.GetUtcNow(), entryRates.Sum(s => s.Value), components, paths, drifts), null);
    }

    private string SumBy(string series, string labels) => PrometheusQueries.RateBy(series, labels, WindowText);

    private static Seconds? Mean(double countRate, double sumRate) =>
        countRate > 0 && double.IsFinite(sumRate) ? Seconds.FromMilliseconds(sumRate / countRate) : null;

    private static IEnumerable<(TKey Key, double Rate, double SumRate)> Join<TKey>(IReadOnlyList<Sample> counts, IReadOnlyList<Sample> sums, Func<Sample, TKey> key)
        where TKey : notnull
    {
        var sumByKey = new Dictionary<TKey, double>();
        foreach (var sum in sums) sumByKey[key(sum)] = sum.Value;
        foreach (var count in counts.Where(c => double.IsFinite(c.Value)))
        {
            yield return (key(count), count.Value, sumByKey.TryGetValue(key(count), out var s) ? s : double.NaN);
        }
    }
}
