using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search;

/// <summary>
/// Tabu Search over a full neighbourhood (the Python tool's "Local Search" is Solid's tabu search,
/// placement-model.md §8.2): every step evaluates all neighbours, moves to the cheapest feasible one
/// that is not tabu — even when it is dearer, which lets the search leave the local optima where
/// first-improvement Local Search stops — and keeps the best placement seen. Neighbours:
/// <list type="bullet">
/// <item>move every partition of an edge/VM resource in use to another resource of the same kind (in use, or of a layer not in use);</item>
/// <item>drop an edge/VM resource: each of its partitions to the cheapest compatible resource in use or FaaS configuration;</item>
/// <item>move one partition to another compatible resource in use or FaaS configuration;</item>
/// <item>switch a component to another deployment, each partition on the cheapest compatible resource in use or FaaS configuration.</item>
/// </list>
/// Every neighbour has the clusters it touched set to their node count and then shrunk. A move
/// makes the resources (or the component) it touched tabu for <see cref="Tenure"/> steps, unless
/// it finds a new best (aspiration). Deterministic: no randomness at all.
/// </summary>
internal static class TabuSearch
{
    public const int Tenure = 7;

    public static ScoredDecision Run(PlacementProblem problem, ScoredDecision start, int steps, CancellationToken cancellation, Func<bool> outOfTime)
    {
        var scratch = new DecisionScratch(problem);
        var current = start.Decision.Clone();
        var best = start;
        var tabuUntil = new Dictionary<string, int>();
        for (var step = 0; step < steps && !cancellation.IsCancellationRequested && !outOfTime(); step++)
        {
            (PlacementDecision Decision, double Cost, string[] Attributes)? chosen = null;
            foreach (var (apply, attributes) in Neighbours(problem, current))
            {
                scratch.Load(current);
                var touched = apply(scratch);
                if (touched is null) continue;
                foreach (var r in touched) scratch.SetReplicas(r, problem.Resources[r].MaxNodes);
                if (double.IsPositiveInfinity(scratch.Cost())) continue;
                var cost = ClusterShrinker.Shrink(scratch);
                var tabu = attributes.Any(a => tabuUntil.TryGetValue(a, out var until) && until > step);
                if (tabu && cost >= best.Cost - 1e-12) continue;
                if (chosen is null || cost < chosen.Value.Cost - 1e-12) chosen = (scratch.Decision.Clone(), cost, attributes);
            }
            if (chosen is null) break;
            current = chosen.Value.Decision;
            foreach (var attribute in chosen.Value.Attributes) tabuUntil[attribute] = step + Tenure;
            if (chosen.Value.Cost < best.Cost - 1e-12) best = new ScoredDecision(current, chosen.Value.Cost, EliteSet.KeyOf(current));
        }
        return best;
    }

    private delegate IReadOnlyList<int>? Apply(DecisionScratch scratch);

    private static IEnumerable<(Apply Apply, string[] Attributes)> Neighbours(PlacementProblem problem, PlacementDecision current)
    {
        var inUse = new SortedSet<int>(current.Resources.SelectMany(r => r).Where(r => !problem.Resources[r].IsFaas));
        var usedLayers = inUse.Select(r => problem.Resources[r].Layer).ToHashSet();
        foreach (var from in inUse)
        {
            var kind = problem.Resources[from].Kind;
            for (var to = 0; to < problem.Resources.Count; to++)
            {
                if (to == from || problem.Resources[to].Kind != kind) continue;
                var layer = problem.Resources[to].Layer;
                if (!inUse.Contains(to) && usedLayers.Contains(layer) && layer != problem.Resources[from].Layer) continue;
                var target = to;
                yield return (s => Relocate(s, from, target), [$"r{from}", $"r{to}"]);
            }
            yield return (s => Drop(s, from, inUse), [$"r{from}"]);
        }
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var component = c;
            var partitions = problem.Components[c].Deployments[current.Deployments[c]].Partitions;
            for (var k = 0; k < partitions.Count; k++)
            {
                foreach (var candidate in partitions[k].Candidates)
                {
                    var r = candidate.Resource;
                    if (r == current.Resources[c][k] || !(problem.Resources[r].IsFaas || inUse.Contains(r))) continue;
                    var partition = k;
                    yield return (s => MoveOne(s, component, partition, r), [$"c{c}"]);
                }
            }
            for (var d = 0; d < problem.Components[c].Deployments.Count; d++)
            {
                if (d == current.Deployments[c]) continue;
                var deployment = d;
                yield return (s => Redeploy(s, component, deployment, inUse), [$"c{c}"]);
            }
        }
    }

    private static IReadOnlyList<int>? Relocate(DecisionScratch scratch, int from, int to)
    {
        var problem = scratch.Problem;
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var placed = scratch.Decision.Resources[c];
            var partitions = problem.Components[c].Deployments[scratch.Decision.Deployments[c]].Partitions;
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] != from) continue;
                if (partitions[k].CandidateOn(to) is null) return null;
                placed[k] = to;
            }
        }
        return [to];
    }

    private static IReadOnlyList<int>? Drop(DecisionScratch scratch, int dropped, SortedSet<int> inUse)
    {
        var problem = scratch.Problem;
        var touched = new List<int>();
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var placed = scratch.Decision.Resources[c];
            var partitions = problem.Components[c].Deployments[scratch.Decision.Deployments[c]].Partitions;
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] != dropped) continue;
                var target = Cheapest(problem, partitions[k], r => r != dropped && (problem.Resources[r].IsFaas || inUse.Contains(r)));
                if (target < 0) return null;
                placed[k] = target;
                if (!problem.Resources[target].IsFaas) touched.Add(target);
            }
        }
        return touched;
    }

    private static IReadOnlyList<int>? MoveOne(DecisionScratch scratch, int component, int partition, int to)
    {
        scratch.Decision.Resources[component][partition] = to;
        scratch.Decision.Replicas[component][partition] = 1;
        return scratch.Problem.Resources[to].IsFaas ? [] : [to];
    }

    private static IReadOnlyList<int>? Redeploy(DecisionScratch scratch, int component, int deployment, SortedSet<int> inUse)
    {
        var problem = scratch.Problem;
        scratch.ChooseDeployment(component, deployment);
        var partitions = problem.Components[component].Deployments[deployment].Partitions;
        var touched = new List<int>();
        for (var k = 0; k < partitions.Count; k++)
        {
            var target = Cheapest(problem, partitions[k], r => problem.Resources[r].IsFaas || inUse.Contains(r));
            if (target < 0) return null;
            scratch.Decision.Resources[component][k] = target;
            scratch.Decision.Replicas[component][k] = 1;
            if (!problem.Resources[target].IsFaas) touched.Add(target);
        }
        return touched;
    }

    /// <summary>The compatible resource allowed by <paramref name="allowed"/> that adds the least: an edge/VM in use adds no cost, a FaaS its price.</summary>
    private static int Cheapest(PlacementProblem problem, PartitionSlot partition, Func<int, bool> allowed)
    {
        var best = -1;
        var bestCost = double.PositiveInfinity;
        foreach (var candidate in partition.Candidates)
        {
            if (!allowed(candidate.Resource)) continue;
            var cost = problem.Resources[candidate.Resource].IsFaas ? candidate.FaasCost : 0;
            if (cost < bestCost)
            {
                best = candidate.Resource;
                bestCost = cost;
            }
        }
        return best;
    }
}
