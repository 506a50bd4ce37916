using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search.Exact;

/// <summary>
/// The admissible cost lower bound of a node, the largest of four relaxations (the capacity bounds
/// on the edge devices and on all edge/VM resources are in CapacityBound.cs). The first:
/// <code>
///   LB = Σ_FaaS placed cost + Σ_{edge/VM r in use} unit_r·T·ymin(L_r)           (the prefix)
///      + Σ_{unplaced partitions h} min over still-possible candidates of inc(h)   (separable part)
///      + max over unfinished components of open(c)                                (one opening)
/// </code>
/// Why it never exceeds the cost of a feasible completion:
/// <list type="bullet">
/// <item>FaaS costs are per partition and fixed; a placed one is paid as is, an unplaced one on a
/// function pays its own FaaS cost.</item>
/// <item>An edge/VM resource r in use with load L_r now ends with load L_r + Σx_i and a count
/// y ≥ ymin(L_r) with y &gt; L_r + Σx_i, so it costs at least unit·T·(ymin + max(0, Σx_i − s_r)),
/// s_r = ymin(L_r) − L_r. f(x) = max(0, x − s_r) is convex with f(0) = 0, hence superadditive:
/// f(Σx_i) ≥ Σ f(x_i). So charging each later partition unit·T·f(x_i) on its own is admissible
/// however many share r.</item>
/// <item>A resource not in use yet ends with y ≥ max(1, L), i.e. unit·T·(1 + max(0, L − 1)): each
/// partition on it pays unit·T·max(0, x − 1) (superadditive as above) and the "1" — the opening — is
/// charged at most once in total, through the max over components of open(c). open(c) is positive
/// only when every choice of c (for every deployment) puts some partition where it has neither a
/// function nor a resource in use: then c opens a resource costing at least that much.</item>
/// <item>Candidates the evaluator must reject whatever follows (edge under a cloud predecessor,
/// another resource in an occupied edge/VM layer, memory or load over the capacity of the largest
/// cluster) are dropped; with none left, the node is infeasible (+∞).</item>
/// <item>Each component takes its cheapest deployment and each partition its cheapest candidate
/// independently; ignoring the coupling (layer rule between unplaced components, within-component
/// move-backward, times) only relaxes.</item>
/// </list>
/// The second, fractional one: y_r &gt; L_r (utilisation below 1), so a resource costs more than
/// unit_r·T·L_r, which is linear in the partitions' loads. Hence Σ FaaS + Σ_{r in use} unit_r·T·L_r
/// + Σ_{unplaced h} min(FaaS cost, unit_r·T·x_h over the possible edge/VM candidates) is a bound too.
/// It sees the replicas that the sum of many small loads forces, which the first, per-partition
/// one cannot.
/// </summary>
internal sealed partial class BranchAndBound
{
    /// <summary>The bound of the node whose next decision is at <paramref name="position"/> (after its parent applied its choice).</summary>
    private double CostBound(int position)
    {
        var bound = _faasCost;
        var fractional = _faasCost;
        for (var r = 0; r < _resources.Count; r++)
        {
            if (_users[r] == 0) continue;
            bound += _unitCost[r] * MinReplicas(_load[r]);
            fractional += _unitCost[r] * Math.Max(0, _load[r] - Tolerance);
        }
        var opening = 0.0;
        for (var i = position; i < _order.Length; i++)
        {
            var c = _order[i];
            var component = _components[c];
            var s = _deployment[c];
            if (s >= 0)
            {
                // The current component: its chosen deployment's remaining partitions.
                var placed = _resourcesBy[c][s];
                var edgeForbidden = _mustCloud[c] > 0 || (_placed[c] > 0 && !_resources[placed[_placed[c] - 1]].IsEdge);
                var (increment, open, linear) = DeploymentBound(component.Deployments[s], _placed[c], edgeForbidden);
                if (double.IsPositiveInfinity(increment)) return double.PositiveInfinity;
                bound += increment;
                fractional += linear;
                opening = Math.Max(opening, open);
                continue;
            }
            var bestIncrement = double.PositiveInfinity;
            var bestOpen = double.PositiveInfinity;
            var bestLinear = double.PositiveInfinity;
            for (var d = 0; d < component.Deployments.Count; d++)
            {
                if (!_deploymentAllowed[c][d]) continue;
                var (increment, open, linear) = DeploymentBound(component.Deployments[d], 0, _mustCloud[c] > 0);
                if (double.IsPositiveInfinity(increment)) continue;
                bestIncrement = Math.Min(bestIncrement, increment);
                bestOpen = Math.Min(bestOpen, open);
                bestLinear = Math.Min(bestLinear, linear);
            }
            if (double.IsPositiveInfinity(bestIncrement)) return double.PositiveInfinity;
            bound += bestIncrement;
            fractional += bestLinear;
            opening = Math.Max(opening, bestOpen);
        }
        return Math.Max(Math.Max(bound + opening, fractional), Math.Max(CapacityBound(position, true), CapacityBound(position, false)));
    }

    /// <summary>
    /// For partitions <paramref name="from"/>.. of a deployment: the sum of their cheapest separable
    /// increments, and the opening cost the deployment cannot avoid (+∞ increment if some partition
    /// has no possible candidate).
    /// </summary>
    private (double Increment, double Open, double Linear) DeploymentBound(DeploymentSlot deployment, int from, bool edgeForbidden)
    {
        var total = 0.0;
        var open = 0.0;
        var linearTotal = 0.0;
        var partitions = deployment.Partitions;
        for (var k = from; k < partitions.Count; k++)
        {
            var best = double.PositiveInfinity;
            var forcedOpen = double.PositiveInfinity;
            var linear = double.PositiveInfinity;
            foreach (var candidate in partitions[k].Candidates)
            {
                if (!Admissible(candidate, edgeForbidden)) continue;
                var r = candidate.Resource;
                double increment;
                if (_resources[r].IsFaas)
                {
                    increment = candidate.FaasCost;
                    forcedOpen = 0;
                    linear = Math.Min(linear, increment);
                }
                else if (_users[r] > 0)
                {
                    var slack = MinReplicas(_load[r]) - _load[r];
                    increment = _unitCost[r] * Math.Max(0, candidate.Load - slack - Tolerance);
                    forcedOpen = 0;
                }
                else
                {
                    increment = _unitCost[r] * Math.Max(0, candidate.Load - 1 - Tolerance);
                    forcedOpen = Math.Min(forcedOpen, _unitCost[r]);
                }
                if (!_resources[r].IsFaas) linear = Math.Min(linear, _unitCost[r] * candidate.Load);
                best = Math.Min(best, increment);
            }
            if (double.IsPositiveInfinity(best)) return (double.PositiveInfinity, 0, double.PositiveInfinity);
            total += best;
            linearTotal += linear;
            open = Math.Max(open, forcedOpen);
        }
        return (total, open, linearTotal);
    }
}
