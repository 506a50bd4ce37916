using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Supervision.Planning;

/// <summary>
/// Gives a placement's edge devices and VMs the replica counts the new load needs, without moving any component: one
/// count per resource (the largest its partitions state), raised on the busiest resource while the placement is
/// infeasible and a resource can still grow, then lowered resource by resource while it stays feasible (the
/// search's cluster shrinking, placement-model.md §8.1 step 5).
/// </summary>
internal static class ReplicaFitter
{
    public static PlacementEvaluation Fit(PlacementProblem problem, PlacementDecision decision)
    {
        var fitted = decision.Clone();
        var counts = new Dictionary<int, int>();
        Visit(problem, fitted, (r, y) => counts[r] = Math.Max(counts.GetValueOrDefault(r), y));
        Apply(problem, fitted, counts);
        var evaluation = PlacementEvaluator.Evaluate(problem, fitted);
        while (!evaluation.IsFeasible)
        {
            var growable = counts.Keys.Where(r => counts[r] < problem.Resources[r].MaxNodes).ToList();
            if (growable.Count == 0 || evaluation.Decision is null) return evaluation;
            var busiest = growable.OrderByDescending(r => evaluation.Utilisation[r]).ThenBy(r => r).First();
            counts[busiest]++;
            Apply(problem, fitted, counts);
            evaluation = PlacementEvaluator.Evaluate(problem, fitted);
        }
        foreach (var r in counts.Keys.Order().ToList())
        {
            while (counts[r] > 1)
            {
                counts[r]--;
                Apply(problem, fitted, counts);
                var smaller = PlacementEvaluator.Evaluate(problem, fitted);
                if (!smaller.IsFeasible)
                {
                    counts[r]++;
                    Apply(problem, fitted, counts);
                    break;
                }
                evaluation = smaller;
            }
        }
        return PlacementEvaluator.Evaluate(problem, fitted);
    }

    private static void Visit(PlacementProblem problem, PlacementDecision decision, Action<int, int> visit)
    {
        for (var c = 0; c < decision.Resources.Length; c++)
        {
            for (var k = 0; k < decision.Resources[c].Length; k++)
            {
                var r = decision.Resources[c][k];
                if (r >= 0 && !problem.Resources[r].IsFaas) visit(r, Math.Max(1, decision.Replicas[c][k]));
            }
        }
    }

    private static void Apply(PlacementProblem problem, PlacementDecision decision, IReadOnlyDictionary<int, int> counts)
    {
        for (var c = 0; c < decision.Resources.Length; c++)
        {
            for (var k = 0; k < decision.Resources[c].Length; k++)
            {
                var r = decision.Resources[c][k];
                if (r >= 0 && !problem.Resources[r].IsFaas) decision.Replicas[c][k] = counts[r];
            }
        }
    }
}
