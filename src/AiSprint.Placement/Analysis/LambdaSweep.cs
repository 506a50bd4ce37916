using System.Globalization;
using System.Text;
using AiSprint.Model;
using AiSprint.Model.Formats;
using AiSprint.Model.Units;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Analysis;

/// <summary>
/// One point of a Lambda sweep: the cheapest placement found at that arrival rate and its binding
/// constraint (the local or global constraint with the least slack relative to its threshold).
/// </summary>
/// <param name="Lambda">The arrival rate of this point.</param>
/// <param name="Cost">The cheapest feasible placement's cost over the horizon; null when none was found.</param>
/// <param name="BindingConstraint">The constraint with the least relative slack; null when no placement was found or nothing is constrained.</param>
/// <param name="ResponseTime">That constraint's response time in the placement.</param>
/// <param name="Threshold">That constraint's threshold.</param>
public sealed record SweepPoint(RequestsPerSecond Lambda, double? Cost, string? BindingConstraint, Seconds? ResponseTime, Seconds? Threshold);

/// <summary>The design document's cost-versus-λ study: a placement search at each rate of a range.</summary>
public static class LambdaSweep
{
    /// <summary>start, start+step, … up to end inclusive (with a tolerance for floating-point steps).</summary>
    public static IReadOnlyList<RequestsPerSecond> Range(double start, double end, double step)
    {
        if (!(step > 0) || !(start > 0) || end < start) throw new ArgumentException($"expected 0 < start ≤ end and step > 0, got {start}:{end}:{step}");
        var count = (int)Math.Floor((end - start) / step + 1e-9) + 1;
        // Rounded so that 0.05 + 2·0.05 is 0.15, not 0.15000000000000002, in the CSV.
        return Enumerable.Range(0, count).Select(i => new RequestsPerSecond(Math.Round(start + i * step, 12))).ToList();
    }

    /// <summary>The cheapest feasible placement at each rate of <paramref name="lambdas"/> and its binding constraint; each rate is an independent search with <paramref name="options"/>, so points do not depend on each other.</summary>
    public static IReadOnlyList<SweepPoint> Run(SystemDescription system, SourceMap map, IReadOnlyList<RequestsPerSecond> lambdas, SearchOptions options, IProgress<double>? progress = null)
    {
        var points = new List<SweepPoint>();
        foreach (var lambda in lambdas)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var problem = PlacementProblemBuilder.Build(system, map, lambda).GetValueOrThrow();
            var result = PlacementSearch.Run(problem, options with { Progress = null });
            points.Add(result.Best is { IsFeasible: true } best ? Binding(lambda, best) : new SweepPoint(lambda, null, null, null, null));
            progress?.Report((double)points.Count / lambdas.Count);
        }
        return points;
    }

    private static SweepPoint Binding(RequestsPerSecond lambda, Evaluation.PlacementEvaluation best)
    {
        var problem = best.Problem;
        var candidates = problem.Paths.Select((p, i) => (Name: p.Name, Time: best.PathTimes[i].Value, Threshold: p.Threshold.Value))
            .Concat(problem.Components.Select((c, i) => (Name: c.Name, Time: best.ComponentTimes[i].Value, Threshold: c.LocalThreshold.Value)))
            .Where(x => double.IsFinite(x.Threshold))
            .ToList();
        if (candidates.Count == 0) return new SweepPoint(lambda, best.TotalCost.Value, null, null, null);
        var binding = candidates.MaxBy(x => x.Time / x.Threshold);
        return new SweepPoint(lambda, best.TotalCost.Value, binding.Name, new Seconds(binding.Time), new Seconds(binding.Threshold));
    }

    /// <summary>The sweep as CSV (<c>lambda_req_s,feasible,cost,binding_constraint,response_time_s,threshold_s</c>), one row per rate.</summary>
    public static string ToCsv(IReadOnlyList<SweepPoint> points)
    {
        var csv = new StringBuilder("lambda_req_s,feasible,cost,binding_constraint,response_time_s,threshold_s\n");
        foreach (var p in points)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p.Lambda.Value:R},{(p.Cost is null ? "false" : "true")},{p.Cost?.ToString("R", CultureInfo.InvariantCulture)},{p.BindingConstraint},")
               .Append(CultureInfo.InvariantCulture, $"{p.ResponseTime?.Value.ToString("R", CultureInfo.InvariantCulture)},{p.Threshold?.Value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }
        return csv.ToString();
    }
}
