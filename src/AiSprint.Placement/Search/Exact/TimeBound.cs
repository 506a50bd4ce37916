using AiSprint.Model.Units;

namespace AiSprint.Placement.Search.Exact;

/// <summary>
/// Response-time lower bounds against the local and global thresholds.
/// <list type="bullet">
/// <item>An edge/VM partition's time is D/(1 − U) with U = L_final/y ≥ L_now/MaxNodes, so
/// D/(1 − L_now/MaxNodes) is a lower bound that only grows as the prefix grows; the time of a
/// partition not placed yet is at least its demand D (U = 0).</item>
/// <item>A FaaS time is fixed at load time (placement-model.md §3.2).</item>
/// <item>A transfer between two placed resources is known exactly (0 on the same resource); one with
/// an end not placed yet is ≥ 0.</item>
/// <item>A component's time is R_1 + Σ_{k≥2} P_k·(R_k + δ_k) (§5.1), a path's the plain sum of its
/// components' times and the last-to-first transfers (§5.2): sums of non-negative terms, each
/// bounded from below as above, so the sum of the bounds is a bound.</item>
/// </list>
/// A prefix whose bound exceeds a threshold (by more than the relative round-off slack) cannot
/// be completed feasibly.
/// </summary>
internal sealed partial class BranchAndBound
{
    private readonly double[][][] _minTime; // [c][s][k]: the partition's least possible time
    private readonly double[][][] _suffixMinTime; // [c][s][k]: Σ_{j≥k} P_j·minTime_j
    private readonly double[] _componentMinTime; // [c]: min over allowed deployments
    private readonly bool[][] _deploymentAllowed; // [c][s]: its least time is within the local threshold
    private readonly bool[] _timeRelevant; // [c]: has a local threshold or lies on a path
    private readonly int[][] _deploymentOrder; // [c]: allowed deployments, cheapest isolated bound first
    private readonly double[] _timeLb;

    private (double[][][], double[][][], double[], bool[][], bool[]) StaticTimes()
    {
        var minTime = new double[_components.Count][][];
        var suffix = new double[_components.Count][][];
        var componentMin = new double[_components.Count];
        var allowed = new bool[_components.Count][];
        var relevant = new bool[_components.Count];
        foreach (var path in _problem.Paths)
        {
            foreach (var c in path.Components) relevant[c] = true;
        }
        for (var c = 0; c < _components.Count; c++)
        {
            var component = _components[c];
            relevant[c] |= !double.IsPositiveInfinity(component.LocalThreshold.Value);
            minTime[c] = new double[component.Deployments.Count][];
            suffix[c] = new double[component.Deployments.Count][];
            allowed[c] = new bool[component.Deployments.Count];
            componentMin[c] = double.PositiveInfinity;
            for (var s = 0; s < component.Deployments.Count; s++)
            {
                var partitions = component.Deployments[s].Partitions;
                minTime[c][s] = partitions.Select(p => p.Candidates.Count == 0 ? double.PositiveInfinity
                    : p.Candidates.Min(x => _resources[x.Resource].IsFaas ? x.FaasResponseTime.Value : x.Demand.Value)).ToArray();
                suffix[c][s] = new double[partitions.Count + 1];
                for (var k = partitions.Count - 1; k >= 0; k--)
                {
                    suffix[c][s][k] = suffix[c][s][k + 1] + (k == 0 ? 1 : partitions[k].ReachProbability) * minTime[c][s][k];
                }
                allowed[c][s] = !Exceeds(suffix[c][s][0], component.LocalThreshold.Value);
                if (allowed[c][s]) componentMin[c] = Math.Min(componentMin[c], suffix[c][s][0]);
            }
        }
        return (minTime, suffix, componentMin, allowed, relevant);
    }

    /// <summary>Allowed deployments by their isolated cost bound at the root, ties by index (deterministic).</summary>
    private int[][] DeploymentOrder() => _components.Select((component, c) => Enumerable.Range(0, component.Deployments.Count)
        .Where(s => _deploymentAllowed[c][s])
        .OrderBy(s => DeploymentBound(component.Deployments[s], 0, false).Increment)
        .ThenBy(s => s)
        .ToArray()).ToArray();

    private static bool Exceeds(double lowerBound, double threshold) => lowerBound > threshold + Tolerance * Math.Abs(threshold);

    /// <summary>False when some local or global threshold is certainly violated by every completion.</summary>
    private bool TimesFeasible()
    {
        for (var c = 0; c < _components.Count; c++)
        {
            if (!_timeRelevant[c]) continue;
            var s = _deployment[c];
            var lb = s < 0 ? _componentMinTime[c] : PlacedTime(c, s) + _suffixMinTime[c][s][_placed[c]];
            if (Exceeds(lb, _components[c].LocalThreshold.Value)) return false;
            _timeLb[c] = lb;
        }
        foreach (var path in _problem.Paths)
        {
            var total = 0.0;
            for (var i = 0; i < path.Components.Count; i++)
            {
                var b = path.Components[i];
                total += _timeLb[b];
                if (i == 0) continue;
                var a = path.Components[i - 1];
                var sa = _deployment[a];
                var sb = _deployment[b];
                if (sa < 0 || sb < 0 || _placed[b] == 0) continue;
                var partitionsA = _components[a].Deployments[sa].Partitions;
                if (_placed[a] < partitionsA.Count) continue;
                var size = partitionsA[^1].DataToSuccessor.TryGetValue(b, out var data) ? data : Megabytes.Zero;
                total += Delay(_resourcesBy[a][sa][^1], _resourcesBy[b][sb][0], size);
            }
            if (Exceeds(total, path.Threshold.Value)) return false;
        }
        return true;
    }

    /// <summary>The lower bound of the placed partitions' share of component c's time.</summary>
    private double PlacedTime(int c, int s)
    {
        var partitions = _components[c].Deployments[s].Partitions;
        var placed = _resourcesBy[c][s];
        var total = 0.0;
        for (var k = 0; k < _placed[c]; k++)
        {
            var r = placed[k];
            var candidate = partitions[k].CandidateOn(r)!.Value;
            var resource = _resources[r];
            double time;
            if (resource.IsFaas)
            {
                time = candidate.FaasResponseTime.Value;
            }
            else
            {
                var utilisation = _load[r] / resource.MaxNodes;
                time = utilisation < 1 ? candidate.Demand.Value / (1 - utilisation) : candidate.Demand.Value;
            }
            if (k == 0)
            {
                total = time;
                continue;
            }
            total += partitions[k].ReachProbability * (time + Delay(placed[k - 1], r, partitions[k - 1].DataToNext));
        }
        return total;
    }

    private double Delay(int from, int to, Megabytes size) =>
        from == to ? 0 : _problem.Routes.Delay(_resources[from].Layer, _resources[to].Layer, size).Value;
}
