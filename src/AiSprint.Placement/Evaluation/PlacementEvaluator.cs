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
/// The search calls <see cref="CostIfFeasible"/> millions of times: it reuses a workspace, allocates
/// nothing and stops at the first violation. <see cref="Evaluate"/> runs the same code to the end,
/// collecting every violation, for reports.
/// </summary>
public static class PlacementEvaluator
{
    /// <summary>Everything, with every violation: for reports and the final solution.</summary>
    public static PlacementEvaluation Evaluate(PlacementProblem problem, PlacementDecision decision)
    {
        var workspace = new EvaluationWorkspace(problem);
        var violations = new List<Violation>();
        var cost = Run(problem, decision, workspace, violations);
        var assigned = !violations.Any(v => v.Kind is ViolationKind.Assignment);
        return new PlacementEvaluation(problem, assigned ? decision : null, new Money(assigned ? cost : double.PositiveInfinity),
            Array.ConvertAll(workspace.NodeCost, c => new Money(c)),
            assigned ? workspace.PartitionTimes.Select((t, c) => (IReadOnlyList<Seconds>)Array.ConvertAll(t[..decision.Resources[c].Length], x => new Seconds(x))).ToArray() : [],
            assigned ? Array.ConvertAll(workspace.ComponentTimes, t => new Seconds(t)) : [],
            assigned ? Array.ConvertAll(workspace.PathTimes, t => new Seconds(t)) : [],
            (double[])workspace.Utilisation.Clone(), Array.ConvertAll(workspace.Memory, m => new Megabytes(m)), (int[])workspace.Replicas.Clone(), violations);
    }

    /// <summary>The total cost when the placement is feasible, +∞ otherwise. Reuses <paramref name="workspace"/> (one per thread).</summary>
    internal static double CostIfFeasible(PlacementProblem problem, PlacementDecision decision, EvaluationWorkspace workspace) =>
        Run(problem, decision, workspace, null);

    /// <summary>
    /// A lower bound on the cost of any feasible placement with the same deployments and resources,
    /// whatever the replica counts: FaaS costs plus, for each edge/VM resource in use, the fewest
    /// replicas that keep its utilisation below 1 (U = Σ load / y &lt; 1 ⇒ y ≥ ⌊Σ load⌋ + 1). A few
    /// additions per partition: the search uses it to skip placements that cannot beat a known cost.
    /// Returns +∞ for an incompatible assignment.
    /// </summary>
    internal static double CostLowerBound(PlacementProblem problem, PlacementDecision decision, EvaluationWorkspace w)
    {
        var resources = problem.ResourceArray;
        var components = problem.ComponentArray;
        Array.Clear(w.Utilisation);
        Array.Clear(w.Replicas);
        var cost = 0.0;
        for (var c = 0; c < components.Length; c++)
        {
            var partitions = components[c].DeploymentArray[decision.Deployments[c]].PartitionArray;
            var placed = decision.Resources[c];
            for (var k = 0; k < placed.Length; k++)
            {
                if (!partitions[k].TryGetCandidate(placed[k], out var candidate)) return double.PositiveInfinity;
                if (resources[placed[k]].IsFaas)
                {
                    cost += candidate.FaasCost;
                    continue;
                }
                w.Utilisation[placed[k]] += candidate.Load;
                w.Replicas[placed[k]] = 1;
            }
        }
        for (var r = 0; r < resources.Length; r++)
        {
            if (w.Replicas[r] == 0) continue;
            var fewest = Math.Floor(w.Utilisation[r]) + 1;
            if (fewest > resources[r].MaxNodes) return double.PositiveInfinity;
            cost += resources[r].UnitCost.Value * fewest * problem.Time.Value;
        }
        return cost;
    }

    /// <summary>
    /// With <paramref name="violations"/> null, returns +∞ at the first violation; otherwise records
    /// each and goes on (times of saturated resources are +∞).
    /// </summary>
    private static double Run(PlacementProblem problem, PlacementDecision decision, EvaluationWorkspace w, List<Violation>? violations)
    {
        var resources = problem.ResourceArray;
        var components = problem.ComponentArray;
        w.Reset();
        var faasCost = 0.0;

        // Loads, memory, replicas, FaaS cost; assignment and replica bounds.
        for (var c = 0; c < components.Length; c++)
        {
            var component = components[c];
            var s = decision.Deployments[c];
            if (s < 0 || s >= component.DeploymentArray.Length || decision.Resources[c].Length != component.DeploymentArray[s].PartitionArray.Length)
            {
                if (violations is null) return double.PositiveInfinity;
                violations.Add(new(ViolationKind.Assignment, component.Name, $"{component.Name} has no valid deployment choice"));
                continue;
            }
            var partitions = component.DeploymentArray[s].PartitionArray;
            var placed = decision.Resources[c];
            for (var k = 0; k < partitions.Length; k++)
            {
                var r = placed[k];
                if (!partitions[k].TryGetCandidate(r, out var candidate))
                {
                    if (violations is null) return double.PositiveInfinity;
                    violations.Add(new(ViolationKind.Assignment, $"{component.Name}/{partitions[k].Name}",
                        $"{component.Name}/{partitions[k].Name} is on {Name(problem, r)}, which it is not compatible with"));
                    continue;
                }
                var resource = resources[r];
                if (resource.IsFaas)
                {
                    faasCost += candidate.FaasCost;
                    if (candidate.Memory > resource.Memory)
                    {
                        if (violations is null) return double.PositiveInfinity;
                        violations.Add(new(ViolationKind.Memory, resource.Name,
                            $"{component.Name}/{partitions[k].Name} needs {candidate.Memory} but the function {resource.Name} has {resource.Memory}", candidate.Memory.Value - resource.Memory.Value));
                    }
                    continue;
                }
                var y = decision.Replicas[c][k];
                if (y < 1 || y > resource.MaxNodes)
                {
                    if (violations is null) return double.PositiveInfinity;
                    violations.Add(new(ViolationKind.Replicas, resource.Name, $"{resource.Name} is used with {y} replicas; it has 1 to {resource.MaxNodes}"));
                    y = Math.Clamp(y, 1, resource.MaxNodes);
                }
                w.Utilisation[r] += candidate.Load / y;
                w.Memory[r] += candidate.Memory.Value;
                if (y > w.Replicas[r]) w.Replicas[r] = y;
            }
        }
        if (violations is not null && violations.Count > 0) return double.PositiveInfinity;

        if (!CheckLayers(problem, w, violations) && violations is null) return double.PositiveInfinity;
        if (!CheckMoveBackward(problem, decision, violations) && violations is null) return double.PositiveInfinity;
        var nodeCost = 0.0;
        for (var r = 0; r < resources.Length; r++)
        {
            if (w.Replicas[r] == 0) continue;
            if (w.Utilisation[r] >= 1)
            {
                if (violations is null) return double.PositiveInfinity;
                violations.Add(new(ViolationKind.Utilisation, resources[r].Name, $"{resources[r].Name} is saturated: utilisation {w.Utilisation[r]:0.###} ≥ 1", w.Utilisation[r] - 1));
            }
            if (w.Memory[r] > resources[r].Memory.Value)
            {
                if (violations is null) return double.PositiveInfinity;
                violations.Add(new(ViolationKind.Memory, resources[r].Name,
                    $"the partitions on {resources[r].Name} need {w.Memory[r]:0.###} MB but it has {resources[r].Memory.Value:0.###} MB", w.Memory[r] - resources[r].Memory.Value));
            }
            w.NodeCost[r] = resources[r].UnitCost.Value * w.Replicas[r] * problem.Time.Value;
            nodeCost += w.NodeCost[r];
        }

        // Component times and local constraints.
        for (var c = 0; c < components.Length; c++)
        {
            var component = components[c];
            var partitions = component.DeploymentArray[decision.Deployments[c]].PartitionArray;
            var placed = decision.Resources[c];
            var times = w.PartitionTimes[c];
            var total = 0.0;
            for (var k = 0; k < partitions.Length; k++)
            {
                var partition = partitions[k];
                var r = placed[k];
                partition.TryGetCandidate(r, out var candidate);
                times[k] = resources[r].IsFaas ? candidate.FaasResponseTime.Value
                    : w.Utilisation[r] < 1 ? candidate.Demand.Value / (1 - w.Utilisation[r])
                    : double.PositiveInfinity;
                if (k == 0)
                {
                    total = times[k];
                    continue;
                }
                var delay = Transfer(problem, placed[k - 1], r, partitions[k - 1].DataToNext, component.Name, violations);
                if (double.IsPositiveInfinity(delay) && violations is null) return double.PositiveInfinity;
                total += partition.ReachProbability * (times[k] + delay);
            }
            w.ComponentTimes[c] = total;
            if (total > component.LocalThreshold.Value)
            {
                if (violations is null) return double.PositiveInfinity;
                violations.Add(new(ViolationKind.Local, component.Name,
                    $"{component.Name} takes {total:0.####} s, over its local threshold of {component.LocalThreshold.Value:0.####} s", total - component.LocalThreshold.Value));
            }
        }

        // Paths and global constraints.
        for (var p = 0; p < problem.Paths.Count; p++)
        {
            var path = problem.Paths[p];
            var total = 0.0;
            for (var i = 0; i < path.Components.Count; i++)
            {
                var c = path.Components[i];
                total += w.ComponentTimes[c];
                if (i == 0) continue;
                var a = path.Components[i - 1];
                var lastOfA = components[a].DeploymentArray[decision.Deployments[a]].PartitionArray[^1];
                var size = lastOfA.DataToSuccessor.TryGetValue(c, out var data) ? data : Megabytes.Zero;
                var delay = Transfer(problem, decision.Resources[a][^1], decision.Resources[c][0], size, path.Name, violations);
                if (double.IsPositiveInfinity(delay) && violations is null) return double.PositiveInfinity;
                total += delay;
            }
            w.PathTimes[p] = total;
            if (total > path.Threshold.Value)
            {
                if (violations is null) return double.PositiveInfinity;
                violations.Add(new(ViolationKind.Global, path.Name,
                    $"path {path.Name} takes {total:0.####} s, over its threshold of {path.Threshold.Value:0.####} s", total - path.Threshold.Value));
            }
        }
        return violations is { Count: > 0 } ? double.PositiveInfinity : nodeCost + faasCost;
    }

    private static double Transfer(PlacementProblem problem, int from, int to, Megabytes size, string subject, List<Violation>? violations)
    {
        var delay = problem.TransferDelay(from, to, size);
        if (double.IsPositiveInfinity(delay))
        {
            var (a, b) = (problem.Resources[from], problem.Resources[to]);
            violations?.Add(new(ViolationKind.Network, subject, $"{a.Name} ({a.LayerName}) and {b.Name} ({b.LayerName}) share no network domain, so {subject} cannot send its data"));
        }
        return delay;
    }

    /// <summary>At most one resource per edge or VM layer is in use (§2); FaaS layers are exempt.</summary>
    private static bool CheckLayers(PlacementProblem problem, EvaluationWorkspace w, List<Violation>? violations)
    {
        var ok = true;
        Array.Fill(w.LayerUser, -1);
        for (var r = 0; r < problem.Resources.Count; r++)
        {
            var resource = problem.Resources[r];
            if (w.Replicas[r] == 0 || resource.IsFaas) continue;
            var other = w.LayerUser[resource.Layer];
            if (other < 0)
            {
                w.LayerUser[resource.Layer] = r;
                continue;
            }
            ok = false;
            if (violations is null) return false;
            violations.Add(new(ViolationKind.Layer, problem.Layers[resource.Layer],
                $"{problem.Layers[resource.Layer]} uses {problem.Resources[other].Name} and {resource.Name}; expected one resource per layer"));
        }
        return ok;
    }

    /// <summary>
    /// Once a request reached the cloud (a VM or FaaS) it never returns to the edge: within a
    /// component no edge partition follows a cloud one, and a component with any cloud partition
    /// has every partition of its direct successors on the cloud (§5.4).
    /// </summary>
    private static bool CheckMoveBackward(PlacementProblem problem, PlacementDecision decision, List<Violation>? violations)
    {
        var ok = true;
        for (var c = 0; c < problem.Components.Count; c++)
        {
            ok &= MoveBackwardHolds(problem, decision, c, violations);
            if (!ok && violations is null) return false;
        }
        return ok;
    }

    /// <summary>
    /// The rule for one component <paramref name="c"/>: its own partitions, then its direct
    /// successors. With <paramref name="violations"/> null it stops at the first breach; the
    /// incremental evaluator calls it for the components a move touched.
    /// </summary>
    internal static bool MoveBackwardHolds(PlacementProblem problem, PlacementDecision decision, int c, List<Violation>? violations)
    {
        var ok = true;
        var resources = problem.ResourceArray;
        var cloudSeen = false;
        foreach (var r in decision.Resources[c])
        {
            if (resources[r].IsEdge && cloudSeen)
            {
                ok = false;
                if (violations is null) return false;
                violations.Add(new(ViolationKind.MoveBackward, problem.Components[c].Name,
                    $"{problem.Components[c].Name} runs a partition on the edge ({resources[r].Name}) after one in the cloud"));
                break;
            }
            cloudSeen |= !resources[r].IsEdge;
        }
        if (!cloudSeen) return ok;
        foreach (var successor in problem.ComponentArray[c].SuccessorArray)
        {
            foreach (var r in decision.Resources[successor])
            {
                if (!resources[r].IsEdge) continue;
                ok = false;
                if (violations is null) return false;
                violations.Add(new(ViolationKind.MoveBackward, problem.Components[successor].Name,
                    $"{problem.Components[successor].Name} runs on the edge ({resources[r].Name}) although its predecessor {problem.Components[c].Name} runs in the cloud"));
                break;
            }
        }
        return ok;
    }

    private static string Name(PlacementProblem problem, int r) => r >= 0 && r < problem.Resources.Count ? problem.Resources[r].Name : $"resource #{r}";
}

/// <summary>Scratch arrays of one evaluation; one per thread, reused across evaluations.</summary>
internal sealed class EvaluationWorkspace
{
    public EvaluationWorkspace(PlacementProblem problem)
    {
        var resources = problem.Resources.Count;
        Utilisation = new double[resources];
        Memory = new double[resources];
        Replicas = new int[resources];
        NodeCost = new double[resources];
        LayerUser = new int[problem.Layers.Count];
        ComponentTimes = new double[problem.Components.Count];
        PartitionTimes = problem.Components.Select(c => new double[c.Deployments.Max(d => d.Partitions.Count)]).ToArray();
        PathTimes = new double[problem.Paths.Count];
    }

    internal double[] Utilisation { get; }
    internal double[] Memory { get; }
    internal int[] Replicas { get; }
    internal double[] NodeCost { get; }
    internal int[] LayerUser { get; }
    internal double[] ComponentTimes { get; }
    internal double[][] PartitionTimes { get; }
    internal double[] PathTimes { get; }

    internal void Reset()
    {
        Array.Clear(Utilisation);
        Array.Clear(Memory);
        Array.Clear(Replicas);
        Array.Clear(NodeCost);
    }
}
