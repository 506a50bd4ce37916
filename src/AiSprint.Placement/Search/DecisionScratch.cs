using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search;

/// <summary>
/// A reusable decision for one worker: the per-partition arrays of every deployment exist once, so
/// choosing a deployment swaps an array instead of allocating one.
/// </summary>
internal sealed class DecisionScratch
{
    private readonly int[][][] _resources;
    private readonly int[][][] _replicas;
    private readonly bool[] _inUse;
    private readonly List<int> _used = [];

    public DecisionScratch(PlacementProblem problem)
    {
        Problem = problem;
        _resources = problem.Components.Select(c => c.Deployments.Select(d => new int[d.Partitions.Count]).ToArray()).ToArray();
        _replicas = problem.Components.Select(c => c.Deployments.Select(d => new int[d.Partitions.Count]).ToArray()).ToArray();
        var count = problem.Components.Count;
        Decision = new PlacementDecision(new int[count], _resources.Select(r => r[0]).ToArray(), _replicas.Select(r => r[0]).ToArray());
        Workspace = new EvaluationWorkspace(problem);
        _inUse = new bool[problem.Resources.Count];
    }

    public PlacementProblem Problem { get; }
    /// <summary>Buffers of the search moves: candidate resources, and the resources a move touched.</summary>
    public List<int> Options { get; } = [];
    public List<int> Touched { get; } = [];
    public PlacementDecision Decision { get; }
    public EvaluationWorkspace Workspace { get; }

    public void ChooseDeployment(int component, int deployment)
    {
        Decision.Deployments[component] = deployment;
        Decision.Resources[component] = _resources[component][deployment];
        Decision.Replicas[component] = _replicas[component][deployment];
    }

    /// <summary>Copies <paramref name="source"/> into this scratch decision.</summary>
    public void Load(PlacementDecision source)
    {
        for (var c = 0; c < source.Deployments.Length; c++)
        {
            ChooseDeployment(c, source.Deployments[c]);
            source.Resources[c].CopyTo(Decision.Resources[c], 0);
            source.Replicas[c].CopyTo(Decision.Replicas[c], 0);
        }
    }

    public double Cost() => PlacementEvaluator.CostIfFeasible(Problem, Decision, Workspace);

    public double CostLowerBound() => PlacementEvaluator.CostLowerBound(Problem, Decision, Workspace);

    /// <summary>Buffer of the components a move changed (see <see cref="CollectChanges"/>).</summary>
    public List<int> Changed { get; } = [];

    /// <summary>Lists in <see cref="Changed"/> the components whose deployment, resources or replicas differ from <paramref name="baseline"/>.</summary>
    public void CollectChanges(PlacementDecision baseline)
    {
        Changed.Clear();
        for (var c = 0; c < baseline.Deployments.Length; c++)
        {
            if (baseline.Deployments[c] != Decision.Deployments[c]
                || !baseline.Resources[c].AsSpan().SequenceEqual(Decision.Resources[c])
                || !baseline.Replicas[c].AsSpan().SequenceEqual(Decision.Replicas[c]))
            {
                Changed.Add(c);
            }
        }
    }

    /// <summary>Sets the replica count of every partition placed on edge/VM resource <paramref name="resource"/>.</summary>
    public void SetReplicas(int resource, int count)
    {
        var decision = Decision;
        for (var c = 0; c < decision.Deployments.Length; c++)
        {
            var placed = decision.Resources[c];
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] == resource) decision.Replicas[c][k] = count;
            }
        }
    }

    public int ReplicasOf(int resource)
    {
        var decision = Decision;
        var count = 0;
        for (var c = 0; c < decision.Deployments.Length; c++)
        {
            var placed = decision.Resources[c];
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] == resource) count = Math.Max(count, decision.Replicas[c][k]);
            }
        }
        return count;
    }

    /// <summary>Edge and VM resources in use, VMs first (the C++ tool's shrinking order, placement-model.md §8.1).</summary>
    /// <remarks>The list is reused by the next call: copy it to keep it.</remarks>
    public List<int> UsedNodeResources()
    {
        Array.Clear(_inUse);
        foreach (var placed in Decision.Resources)
        {
            foreach (var r in placed) _inUse[r] = true;
        }
        _used.Clear();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var r = 0; r < _inUse.Length; r++)
            {
                var resource = Problem.Resources[r];
                if (_inUse[r] && !resource.IsFaas && resource.IsEdge == (pass == 1)) _used.Add(r);
            }
        }
        return _used;
    }

    public bool InUse(int resource) => _inUse[resource];
}
