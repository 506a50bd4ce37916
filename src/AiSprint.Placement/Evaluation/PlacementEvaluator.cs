using AiSprint.Model.Units;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Evaluation;

/// <summary>
/// Evaluates a placement exactly as the authors' recorded solutions were computed
/// (placement-model.md, last column of §9), with the spec's BUG notes resolved in favour of the
/// physically consistent choice:
/// <list type="bullet">
/// <item>utilisation U_r = Σ D·λ_{c,h}/y over co-located partitions; R = D/(1−U); U ≥ 1 is infeasible (§3.1);</item>
/// <item>FaaS times from the serverless model at the component rate (§3.2), costed per partition (§6);</item>
/// <item>component time with early-exit weighting and intra-component transfers (§5.1), a transfer
/// between two partitions on the same resource is free (the C++ stale-delay bug is not reproduced);</item>
/// <item>path time = component times + last-to-first transfers, looked up by successor name (§5.2;
/// the Python tool's order-dependent lookup is not reproduced);</item>
/// <item>memory: the partitions on an edge device or VM must fit one node (every replica hosts all of
/// them; C++'s n·M capacity is optimistic), a FaaS configuration must fit each partition it runs;</item>
/// <item>edge/VM cost: unit cost × the largest replica count on the resource × Time.</item>
/// </list>
/// </summary>
public static class PlacementEvaluator
{
    public static PlacementEvaluation Evaluate(PlacementProblem problem, PlacementDecision decision)
    {
        var violations = new List<Violation>();
        var resources = problem.Resources;
        var utilisation = new double[resources.Count];
        var memory = new double[resources.Count];
        var replicas = new int[resources.Count];
        var faasCost = 0.0;
        var components = problem.Components;

        // Pass 1: assignment, loads, memory, replicas, FaaS cost.
        for (var c = 0; c < components.Count; c++)
        {
            var component = components[c];
            var s = decision.Deployments[c];
            if (s < 0 || s >= component.Deployments.Count || decision.Resources[c].Length != component.Deployments[s].Partitions.Count)
            {
                violations.Add(new(ViolationKind.Assignment, component.Name, $"{component.Name} has no valid deployment choice"));
                continue;
            }
            var partitions = component.Deployments[s].Partitions;
            for (var k = 0; k < partitions.Count; k++)
            {
                var partition = partitions[k];
                var r = decision.Resources[c][k];
                if (partition.CandidateOn(r) is not { } candidate)
                {
                    violations.Add(new(ViolationKind.Assignment, $"{component.Name}/{partition.Name}",
                        $"{component.Name}/{partition.Name} is on {Name(problem, r)}, which it is not compatible with"));
                    continue;
                }
                var resource = resources[r];
                if (resource.IsFaas)
                {
                    faasCost += resource.UnitCost.Value * candidate.Demand.Value * component.ArrivalRate.Value * problem.Time.Value;
                    if (candidate.Memory > resource.Memory)
                    {
                        violations.Add(new(ViolationKind.Memory, resource.Name,
                            $"{component.Name}/{partition.Name} needs {candidate.Memory} but the function {resource.Name} has {resource.Memory}", candidate.Memory.Value - resource.Memory.Value));
                    }
                    continue;
                }
                var y = decision.Replicas[c][k];
                if (y < 1 || y > resource.MaxNodes)
                {
                    violations.Add(new(ViolationKind.Replicas, resource.Name, $"{resource.Name} is used with {y} replicas; it has 1 to {resource.MaxNodes}"));
                    y = Math.Clamp(y, 1, resource.MaxNodes);
                }
                utilisation[r] += candidate.Demand.Value * partition.ArrivalRate.Value / y;
                memory[r] += candidate.Memory.Value;
                replicas[r] = Math.Max(replicas[r], y);
            }
        }
        if (violations.Count > 0) return Infeasible(problem, violations, utilisation, memory, replicas);

        CheckLayers(problem, replicas, violations);
        CheckMoveBackward(problem, decision, violations);
        for (var r = 0; r < resources.Count; r++)
        {
            if (replicas[r] == 0) continue;
            if (utilisation[r] >= 1)
            {
                violations.Add(new(ViolationKind.Utilisation, resources[r].Name, $"{resources[r].Name} is saturated: utilisation {utilisation[r]:0.###} ≥ 1", utilisation[r] - 1));
            }
            if (memory[r] > resources[r].Memory.Value)
            {
                violations.Add(new(ViolationKind.Memory, resources[r].Name,
                    $"the partitions on {resources[r].Name} need {memory[r]:0.###} MB but it has {resources[r].Memory.Value:0.###} MB", memory[r] - resources[r].Memory.Value));
            }
        }

        // Pass 2: times.
        var partitionTimes = new double[components.Count][];
        var componentTimes = new double[components.Count];
        for (var c = 0; c < components.Count; c++)
        {
            var component = components[c];
            var partitions = component.Deployments[decision.Deployments[c]].Partitions;
            var times = partitionTimes[c] = new double[partitions.Count];
            var total = 0.0;
            for (var k = 0; k < partitions.Count; k++)
            {
                var partition = partitions[k];
                var r = decision.Resources[c][k];
                var candidate = partition.CandidateOn(r)!.Value;
                times[k] = resources[r].IsFaas ? candidate.FaasResponseTime.Value
                    : utilisation[r] < 1 ? candidate.Demand.Value / (1 - utilisation[r])
                    : double.PositiveInfinity;
                if (k == 0)
                {
                    total = times[k];
                    continue;
                }
                var previous = decision.Resources[c][k - 1];
                var delay = Transfer(problem, previous, r, partitions[k - 1].DataToNext, component.Name, violations);
                total += partition.ReachProbability * (times[k] + delay);
            }
            componentTimes[c] = total;
            if (total > component.LocalThreshold.Value)
            {
                violations.Add(new(ViolationKind.Local, component.Name,
                    $"{component.Name} takes {total:0.####} s, over its local threshold of {component.LocalThreshold.Value:0.####} s", total - component.LocalThreshold.Value));
            }
        }

        var pathTimes = new double[problem.Paths.Count];
        for (var p = 0; p < problem.Paths.Count; p++)
        {
            var path = problem.Paths[p];
            var total = 0.0;
            for (var i = 0; i < path.Components.Count; i++)
            {
                var c = path.Components[i];
                total += componentTimes[c];
                if (i == 0) continue;
                var a = path.Components[i - 1];
                var from = decision.Resources[a][^1];
                var to = decision.Resources[c][0];
                var lastOfA = components[a].Deployments[decision.Deployments[a]].Partitions[^1];
                var size = lastOfA.DataToSuccessor.TryGetValue(c, out var s) ? s : Megabytes.Zero;
                total += Transfer(problem, from, to, size, path.Name, violations);
            }
            pathTimes[p] = total;
            if (total > path.Threshold.Value)
            {
                violations.Add(new(ViolationKind.Global, path.Name,
                    $"path {path.Name} takes {total:0.####} s, over its threshold of {path.Threshold.Value:0.####} s", total - path.Threshold.Value));
            }
        }

        var nodeCosts = new double[resources.Count];
        for (var r = 0; r < resources.Count; r++)
        {
            if (replicas[r] > 0) nodeCosts[r] = resources[r].UnitCost.Value * replicas[r] * problem.Time.Value;
        }
        return new PlacementEvaluation(problem, decision, new Money(nodeCosts.Sum() + faasCost), nodeCosts, partitionTimes, componentTimes, pathTimes,
            utilisation, memory, replicas, violations);
    }

    private static double Transfer(PlacementProblem problem, int from, int to, Megabytes size, string subject, List<Violation> violations)
    {
        if (from == to) return 0;
        var a = problem.Resources[from];
        var b = problem.Resources[to];
        var delay = problem.Routes.Delay(a.Layer, b.Layer, size).Value;
        if (double.IsPositiveInfinity(delay))
        {
            violations.Add(new(ViolationKind.Network, subject, $"{a.Name} ({a.LayerName}) and {b.Name} ({b.LayerName}) share no network domain, so {subject} cannot send its data"));
        }
        return delay;
    }

    /// <summary>At most one resource per edge or VM layer is in use (§2); FaaS layers are exempt.</summary>
    private static void CheckLayers(PlacementProblem problem, int[] replicas, List<Violation> violations)
    {
        foreach (var group in problem.Resources.Select((r, i) => (r, i)).Where(x => replicas[x.i] > 0 && !x.r.IsFaas).GroupBy(x => x.r.Layer))
        {
            if (group.Count() > 1)
            {
                violations.Add(new(ViolationKind.Layer, problem.Layers[group.Key],
                    $"{problem.Layers[group.Key]} uses {string.Join(" and ", group.Select(x => x.r.Name))}; expected one resource per layer"));
            }
        }
    }

    /// <summary>
    /// Once a request reached the cloud (a VM or FaaS) it never returns to the edge: within a
    /// component no edge partition follows a cloud one, and a component with any cloud partition
    /// has every partition of its direct successors on the cloud (§5.4).
    /// </summary>
    private static void CheckMoveBackward(PlacementProblem problem, PlacementDecision decision, List<Violation> violations)
    {
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var placed = decision.Resources[c];
            var cloudSeen = false;
            foreach (var r in placed)
            {
                if (problem.Resources[r].IsEdge && cloudSeen)
                {
                    violations.Add(new(ViolationKind.MoveBackward, problem.Components[c].Name,
                        $"{problem.Components[c].Name} runs a partition on the edge ({problem.Resources[r].Name}) after one in the cloud"));
                    break;
                }
                cloudSeen |= !problem.Resources[r].IsEdge;
            }
            if (!cloudSeen) continue;
            foreach (var successor in problem.Components[c].Successors)
            {
                if (decision.Resources[successor].FirstOrDefault(r => problem.Resources[r].IsEdge, -1) is var edge and >= 0)
                {
                    violations.Add(new(ViolationKind.MoveBackward, problem.Components[successor].Name,
                        $"{problem.Components[successor].Name} runs on the edge ({problem.Resources[edge].Name}) although its predecessor {problem.Components[c].Name} runs in the cloud"));
                }
            }
        }
    }

    private static PlacementEvaluation Infeasible(PlacementProblem problem, List<Violation> violations, double[] utilisation, double[] memory, int[] replicas) =>
        new(problem, null, new Money(double.PositiveInfinity), new double[problem.Resources.Count], [], [], [], utilisation, memory, replicas, violations);

    private static string Name(PlacementProblem problem, int r) => r >= 0 && r < problem.Resources.Count ? problem.Resources[r].Name : $"resource #{r}";
}
