using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Search.Exact;

/// <summary>
/// The cost-minimal feasible replica counts of a complete assignment, one count per edge/VM
/// resource, found exactly.
/// <para>
/// With the assignment fixed, deployment, layer, move-backward and memory checks do not depend on
/// the counts. Raising a resource's count y_r lowers its utilisation L_r/y_r, hence every partition
/// time on it, hence every component and path time (all are sums with non-negative weights), and
/// leaves all other times unchanged: feasibility is monotone upwards in each count, while the cost
/// Σ unit_r·y_r·T + FaaS rises strictly in each count. So:
/// </para>
/// <list type="number">
/// <item>if the vector with every count at its maximum is infeasible, so is every vector: the
/// assignment is dropped after one evaluation;</item>
/// <item>otherwise the counts range over [ymin(L_r), MaxNodes_r] (fewer saturate the resource);
/// the vectors below the cutoff (the incumbent; in a pass, also its ceiling) are evaluated in
/// increasing cost order, and the first feasible one is the assignment's optimum (vectors of equal cost, up to round-off, are still
/// evaluated so the evaluator's own cost decides).</item>
/// </list>
/// Every candidate vector is judged by <see cref="PlacementEvaluator.CostIfFeasible"/> itself.
/// </summary>
internal sealed partial class BranchAndBound
{
    private readonly int[] _replicaOf; // [r]: the count being tried
    private readonly int[] _usedResources;
    private readonly List<(double Cost, long Code)> _vectors = [];

    private void Leaf()
    {
        var used = 0;
        for (var r = 0; r < _resources.Count; r++)
        {
            if (_users[r] > 0) _usedResources[used++] = r;
        }
        for (var i = 0; i < used; i++)
        {
            var r = _usedResources[i];
            _replicaOf[r] = _resources[r].MaxNodes;
        }
        WriteReplicas();
        if (double.IsPositiveInfinity(PlacementEvaluator.CostIfFeasible(_problem, _decision, _workspace))) return;

        _vectors.Clear();
        Enumerate(0, used, _faasCost, 0);
        _vectors.Sort((x, y) => x.Cost != y.Cost ? x.Cost.CompareTo(y.Cost) : x.Code.CompareTo(y.Code));
        foreach (var (cost, code) in _vectors)
        {
            if (Prune(cost)) break;
            Decode(code, used);
            WriteReplicas();
            var evaluated = PlacementEvaluator.CostIfFeasible(_problem, _decision, _workspace);
            if (evaluated < _bestCost)
            {
                _bestCost = evaluated;
                _best = _decision.Clone();
            }
        }
    }

    /// <summary>
    /// Collects the count vectors below the cutoff, depth-first over the used resources,
    /// pruning a prefix whose cost plus the remaining resources at their least counts reaches it. A
    /// vector is coded in mixed radix: digit i is y − ymin of the i-th used resource, base MaxNodes + 1.
    /// </summary>
    private void Enumerate(int i, int used, double cost, long code)
    {
        var rest = 0.0;
        for (var j = i; j < used; j++) rest += _unitCost[_usedResources[j]] * MinReplicas(_load[_usedResources[j]]);
        if (Prune(cost + rest)) return;
        if (i == used)
        {
            _vectors.Add((cost, code));
            return;
        }
        var r = _usedResources[i];
        var from = MinReplicas(_load[r]);
        var radix = _resources[r].MaxNodes + 1L;
        for (var y = from; y <= _resources[r].MaxNodes; y++)
        {
            Enumerate(i + 1, used, cost + _unitCost[r] * y, code * radix + (y - from));
        }
    }

    private void Decode(long code, int used)
    {
        for (var i = used - 1; i >= 0; i--)
        {
            var r = _usedResources[i];
            var radix = _resources[r].MaxNodes + 1L;
            _replicaOf[r] = MinReplicas(_load[r]) + (int)(code % radix);
            code /= radix;
        }
    }

    private void WriteReplicas()
    {
        for (var c = 0; c < _components.Count; c++)
        {
            var s = _deployment[c];
            var placed = _resourcesBy[c][s];
            var replicas = _replicasBy[c][s];
            for (var k = 0; k < placed.Length; k++)
            {
                replicas[k] = _resources[placed[k]].IsFaas ? 1 : _replicaOf[placed[k]];
            }
        }
    }
}
