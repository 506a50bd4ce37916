using AiSprint.Model.Units;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Evaluation;

/// <summary>
/// Evaluates a move from a feasible base placement by recomputing only what the move touches: the
/// loads of the resources it changes, the times of the components that run on them or were moved,
/// and the paths through those components (issue 5, "incremental evaluation of a move"). Everything
/// else is taken from the base. It gives exactly <see cref="PlacementEvaluator.CostIfFeasible"/>'s
/// answer (a test compares them on random moves); the Local Search uses it for its trial moves.
/// </summary>
internal sealed class IncrementalEvaluator
{
    private readonly PlacementProblem _problem;
    private readonly EvaluationWorkspace _base;
    private readonly EvaluationWorkspace _trial;
    private readonly List<(int Component, int Partition)>[] _occupants;
    private readonly bool[] _resourceTouched;
    private readonly bool[] _componentTouched;
    private readonly bool[] _componentRetimed;
    private readonly int[][] _pathsOf;
    private readonly int[][] _predecessors;
    private PlacementDecision? _baseDecision;
    private double _baseCost = double.PositiveInfinity;

    public IncrementalEvaluator(PlacementProblem problem)
    {
        _problem = problem;
        _base = new EvaluationWorkspace(problem);
        _trial = new EvaluationWorkspace(problem);
        _occupants = Enumerable.Range(0, problem.Resources.Count).Select(_ => new List<(int, int)>()).ToArray();
        _resourceTouched = new bool[problem.Resources.Count];
        _componentTouched = new bool[problem.Components.Count];
        _componentRetimed = new bool[problem.Components.Count];
        _pathsOf = Enumerable.Range(0, problem.Components.Count)
            .Select(c => Enumerable.Range(0, problem.Paths.Count).Where(p => problem.Paths[p].Components.Contains(c)).ToArray()).ToArray();
        _predecessors = Enumerable.Range(0, problem.Components.Count)
            .Select(c => Enumerable.Range(0, problem.Components.Count).Where(p => problem.Components[p].Successors.Contains(c)).ToArray()).ToArray();
    }

    public double BaseCost => _baseCost;

    /// <summary>Sets the base placement (it must stay unchanged while moves are evaluated); returns its cost or +∞.</summary>
    public double SetBase(PlacementDecision decision)
    {
        _baseDecision = decision;
        _baseCost = PlacementEvaluator.CostIfFeasible(_problem, decision, _base);
        foreach (var list in _occupants) list.Clear();
        for (var c = 0; c < decision.Deployments.Length; c++)
        {
            var placed = decision.Resources[c];
            for (var k = 0; k < placed.Length; k++) _occupants[placed[k]].Add((c, k));
        }
        return _baseCost;
    }

    /// <summary>
    /// The cost of <paramref name="trial"/> if feasible, else +∞. <paramref name="trial"/> must differ
    /// from the base only in the components listed in <paramref name="changedComponents"/> (their
    /// deployment, resources or replicas) and in the replica counts of the resources listed in
    /// <paramref name="changedResources"/>.
    /// </summary>
    public double Evaluate(PlacementDecision trial, IReadOnlyList<int> changedComponents, IReadOnlyList<int> changedResources)
    {
        var baseDecision = _baseDecision ?? throw new InvalidOperationException("SetBase first");
        if (double.IsPositiveInfinity(_baseCost)) return PlacementEvaluator.CostIfFeasible(_problem, trial, _trial);
        var problem = _problem;
        var resources = problem.ResourceArray;
        Array.Clear(_resourceTouched);
        Array.Clear(_componentTouched);
        Array.Clear(_componentRetimed);
        foreach (var r in changedResources) _resourceTouched[r] = true;
        foreach (var c in changedComponents)
        {
            _componentTouched[c] = true;
            foreach (var r in baseDecision.Resources[c]) _resourceTouched[r] = true;
            foreach (var r in trial.Resources[c]) _resourceTouched[r] = true;
        }

        // Resource aggregates: the untouched ones are the base's; the touched ones are summed again
        // over their occupants in the trial (base occupants outside the moved components, plus the
        // moved components' new partitions).
        Array.Copy(_base.Utilisation, _trial.Utilisation, resources.Length);
        Array.Copy(_base.Memory, _trial.Memory, resources.Length);
        Array.Copy(_base.Replicas, _trial.Replicas, resources.Length);
        var faasCost = 0.0;
        for (var r = 0; r < resources.Length; r++)
        {
            if (!_resourceTouched[r]) continue;
            _trial.Utilisation[r] = 0;
            _trial.Memory[r] = 0;
            _trial.Replicas[r] = 0;
            foreach (var (c, k) in _occupants[r])
            {
                if (!_componentTouched[c] && !Accumulate(trial, c, k, r)) return double.PositiveInfinity;
            }
        }
        foreach (var c in changedComponents)
        {
            var component = problem.ComponentArray[c];
            var s = trial.Deployments[c];
            if (s < 0 || s >= component.DeploymentArray.Length || trial.Resources[c].Length != component.DeploymentArray[s].PartitionArray.Length) return double.PositiveInfinity;
            for (var k = 0; k < trial.Resources[c].Length; k++)
            {
                if (!Accumulate(trial, c, k, trial.Resources[c][k])) return double.PositiveInfinity;
            }
        }
        // FaaS cost is per partition: sum it over all components (cheap: no times involved).
        for (var c = 0; c < trial.Deployments.Length; c++)
        {
            var partitions = problem.ComponentArray[c].DeploymentArray[trial.Deployments[c]].PartitionArray;
            for (var k = 0; k < partitions.Length; k++)
            {
                var r = trial.Resources[c][k];
                if (!resources[r].IsFaas) continue;
                if (!partitions[k].TryGetCandidate(r, out var candidate)) return double.PositiveInfinity;
                faasCost += candidate.FaasCost;
            }
        }

        // Layer rule and capacity of the touched resources; the never-back-to-edge rule around the moved components.
        Array.Fill(_trial.LayerUser, -1);
        var nodeCost = 0.0;
        for (var r = 0; r < resources.Length; r++)
        {
            if (_trial.Replicas[r] == 0) continue;
            var resource = resources[r];
            if (_trial.LayerUser[resource.Layer] >= 0) return double.PositiveInfinity;
            _trial.LayerUser[resource.Layer] = r;
            if (_resourceTouched[r] && (_trial.Utilisation[r] >= 1 || _trial.Memory[r] > resource.Memory.Value)) return double.PositiveInfinity;
            nodeCost += resource.UnitCost.Value * _trial.Replicas[r] * problem.Time.Value;
        }
        foreach (var c in changedComponents)
        {
            if (!PlacementEvaluator.MoveBackwardHolds(problem, trial, c, null)) return double.PositiveInfinity;
            foreach (var p in _predecessors[c])
            {
                if (!PlacementEvaluator.MoveBackwardHolds(problem, trial, p, null)) return double.PositiveInfinity;
            }
        }

        // Components to retime: the moved ones and every one with a partition on a touched resource.
        for (var c = 0; c < trial.Deployments.Length; c++)
        {
            var retime = _componentTouched[c];
            foreach (var r in trial.Resources[c]) retime |= _resourceTouched[r];
            _componentRetimed[c] = retime;
            if (!retime)
            {
                _trial.ComponentTimes[c] = _base.ComponentTimes[c];
                continue;
            }
            var time = ComponentTime(trial, c);
            // +∞ here means two partitions share no network domain: infeasible even without a threshold.
            if (!double.IsFinite(time) || time > problem.ComponentArray[c].LocalThreshold.Value) return double.PositiveInfinity;
            _trial.ComponentTimes[c] = time;
        }
        for (var p = 0; p < problem.Paths.Count; p++)
        {
            var path = problem.Paths[p];
            var affected = false;
            foreach (var c in path.Components) affected |= _componentRetimed[c];
            if (!affected) continue;
            var total = 0.0;
            for (var i = 0; i < path.Components.Count; i++)
            {
                var c = path.Components[i];
                total += _trial.ComponentTimes[c];
                if (i == 0) continue;
                var a = path.Components[i - 1];
                var lastOfA = problem.ComponentArray[a].DeploymentArray[trial.Deployments[a]].PartitionArray[^1];
                var size = lastOfA.DataToSuccessor.TryGetValue(c, out var data) ? data : Megabytes.Zero;
                total += _problem.TransferDelay(trial.Resources[a][^1], trial.Resources[c][0], size);
            }
            if (!double.IsFinite(total) || total > path.Threshold.Value) return double.PositiveInfinity;
        }
        return nodeCost + faasCost;
    }

    private bool Accumulate(PlacementDecision trial, int c, int k, int r)
    {
        var partition = _problem.ComponentArray[c].DeploymentArray[trial.Deployments[c]].PartitionArray[k];
        if (!partition.TryGetCandidate(r, out var candidate)) return false;
        var resource = _problem.ResourceArray[r];
        if (resource.IsFaas) return candidate.Memory <= resource.Memory;
        var y = trial.Replicas[c][k];
        if (y < 1 || y > resource.MaxNodes) return false;
        _trial.Utilisation[r] += candidate.Load / y;
        _trial.Memory[r] += candidate.Memory.Value;
        if (y > _trial.Replicas[r]) _trial.Replicas[r] = y;
        return true;
    }

    private double ComponentTime(PlacementDecision trial, int c)
    {
        var partitions = _problem.ComponentArray[c].DeploymentArray[trial.Deployments[c]].PartitionArray;
        var placed = trial.Resources[c];
        var total = 0.0;
        for (var k = 0; k < partitions.Length; k++)
        {
            var r = placed[k];
            partitions[k].TryGetCandidate(r, out var candidate);
            var time = _problem.ResourceArray[r].IsFaas ? candidate.FaasResponseTime.Value
                : _trial.Utilisation[r] < 1 ? candidate.Demand.Value / (1 - _trial.Utilisation[r])
                : double.PositiveInfinity;
            total = k == 0 ? time : total + partitions[k].ReachProbability * (time + _problem.TransferDelay(placed[k - 1], r, partitions[k - 1].DataToNext));
        }
        return total;
    }

}
