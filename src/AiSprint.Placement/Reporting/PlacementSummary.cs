using System.Globalization;
using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// A placement in two lines, for the build's default output: the cost and where each component runs (in DAG order),
/// then the constraint with the least slack. report.txt has the rest.
/// </summary>
public static class PlacementSummary
{
    /// <summary>The two lines for <paramref name="evaluation"/>.</summary>
    public static string Format(PlacementEvaluation evaluation)
    {
        var problem = evaluation.Problem;
        var decision = evaluation.Decision ?? throw new ArgumentException("the evaluation has no placement", nameof(evaluation));
        var placements = problem.TopologicalOrder.Select(c =>
            $"{problem.Components[c].Name} on {string.Join(" + ", decision.Resources[c].Select(r => problem.Resources[r].Name))}");
        var first = $"placed {problem.Components.Count} components at cost {N(evaluation.TotalCost.Value)} per {N(problem.Time.Value)} h: {string.Join(", ", placements)}";
        return Tightest(evaluation) is { } tightest ? $"{first}\n{tightest}" : first;
    }

    /// <summary>The local or global constraint with the least slack, or null when the design states none.</summary>
    private static string? Tightest(PlacementEvaluation evaluation)
    {
        var problem = evaluation.Problem;
        var constraints = problem.Components.Select((c, i) => (Kind: "component", c.Name, Time: evaluation.ComponentTimes[i].Value, Threshold: c.LocalThreshold.Value))
            .Concat(problem.Paths.Select((p, i) => (Kind: "path", p.Name, Time: evaluation.PathTimes[i].Value, Threshold: p.Threshold.Value)))
            .Where(c => !double.IsPositiveInfinity(c.Threshold))
            .ToList();
        if (constraints.Count == 0) return null;
        var tightest = constraints.MinBy(c => c.Threshold - c.Time);
        return $"tightest constraint: {tightest.Kind} {tightest.Name}, {Ms(tightest.Time)} ms of {Ms(tightest.Threshold)} ms (slack {Ms(tightest.Threshold - tightest.Time)} ms)";
    }

    private static string Ms(double seconds) => (seconds * 1000).ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
