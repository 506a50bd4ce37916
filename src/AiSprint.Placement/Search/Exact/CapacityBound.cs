using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search.Exact;

/// <summary>
/// A third admissible cost bound, on a group G of resources (all edge devices; all edge/VM
/// resources) that some partitions cannot avoid — every candidate still possible for them is in G.
/// <para>
/// Let X be the load already on G's resources plus, for every unplaced partition forced into G, its
/// least load over its G candidates (per unplaced component, its least total over deployments).
/// Each resource r in use ends with y_r &gt; L_r, so y_r ≥ ⌊L_r⌋ + 1 and
/// Σ_r y_r ≥ Σ_r (⌊L_r⌋ + 1) ≥ ⌊Σ_r L_r⌋ + 1 ≥ ⌊X⌋ + 1 = N. The cheapest way to buy N replicas
/// with at most MaxNodes_r on each still-usable resource of G (one in use, or one in a free layer;
/// the one-per-layer rule is dropped, which only relaxes) — greedy by unit cost, optimal for unit-size
/// items — is then a lower bound on what G costs. Resources outside G in use cost at least
/// unit·T·ymin(L), FaaS placed so far its fixed cost; the three parts concern disjoint resources.
/// </para>
/// <para>
/// This sees integrality the per-partition and fractional bounds miss: partitions that fit one
/// node each but not together force a second replica or a second device.
/// </para>
/// </summary>
internal sealed partial class BranchAndBound
{
    private int[]? _byUnitCost; // edge/VM resources, cheapest unit cost first (ties by index)

    private double CapacityBound(int position, bool edgeOnly)
    {
        _byUnitCost ??= Enumerable.Range(0, _resources.Count).Where(r => !_resources[r].IsFaas).OrderBy(r => _unitCost[r]).ThenBy(r => r).ToArray();
        var bound = _faasCost;
        var load = 0.0;
        for (var r = 0; r < _resources.Count; r++)
        {
            if (_users[r] == 0) continue;
            if (InGroup(r, edgeOnly)) load += _load[r];
            else bound += _unitCost[r] * MinReplicas(_load[r]);
        }
        for (var i = position; i < _order.Length; i++)
        {
            var c = _order[i];
            var component = _components[c];
            var s = _deployment[c];
            if (s >= 0)
            {
                var placed = _resourcesBy[c][s];
                var edgeForbidden = _mustCloud[c] > 0 || (_placed[c] > 0 && !_resources[placed[_placed[c] - 1]].IsEdge);
                load += ForcedLoad(component.Deployments[s], _placed[c], edgeForbidden, edgeOnly);
                continue;
            }
            var least = double.PositiveInfinity;
            for (var d = 0; d < component.Deployments.Count; d++)
            {
                if (_deploymentAllowed[c][d]) least = Math.Min(least, ForcedLoad(component.Deployments[d], 0, _mustCloud[c] > 0, edgeOnly));
            }
            if (!double.IsPositiveInfinity(least)) load += least;
        }
        if (load <= Tolerance) return bound;
        var needed = (int)Math.Floor(load - Tolerance) + 1;
        foreach (var r in _byUnitCost)
        {
            if (!InGroup(r, edgeOnly)) continue;
            var owner = _layerOwner[_resources[r].Layer];
            if (owner >= 0 && owner != r) continue;
            var take = Math.Min(needed, _resources[r].MaxNodes);
            bound += take * _unitCost[r];
            needed -= take;
            if (needed == 0) return bound;
        }
        return double.PositiveInfinity; // G cannot hold the load that must go there
    }

    private bool InGroup(int r, bool edgeOnly) => edgeOnly ? _resources[r].IsEdge : !_resources[r].IsFaas;

    /// <summary>
    /// The least load partitions <paramref name="from"/>.. of a deployment must put on the group: the
    /// sum, over those whose every possible candidate is in the group, of their least load there.
    /// </summary>
    private double ForcedLoad(DeploymentSlot deployment, int from, bool edgeForbidden, bool edgeOnly)
    {
        var total = 0.0;
        var partitions = deployment.Partitions;
        for (var k = from; k < partitions.Count; k++)
        {
            var least = double.PositiveInfinity;
            var forced = true;
            foreach (var candidate in partitions[k].Candidates)
            {
                if (!Admissible(candidate, edgeForbidden)) continue;
                if (!InGroup(candidate.Resource, edgeOnly))
                {
                    forced = false;
                    break;
                }
                least = Math.Min(least, candidate.Load);
            }
            if (forced && !double.IsPositiveInfinity(least)) total += least;
        }
        return total;
    }
}
