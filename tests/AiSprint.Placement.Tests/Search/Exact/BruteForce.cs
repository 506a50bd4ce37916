using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Tests.Search.Exact;

/// <summary>
/// Enumerates every placement — every deployment, every compatible resource for every partition,
/// every replica count 1..MaxNodes for every edge/VM resource in use (one count per resource) — and
/// keeps the cheapest the evaluator accepts. Shares no code with the branch-and-bound. The only
/// shortcut: an assignment whose violations at maximal counts include a kind the counts cannot
/// change (layer, move-backward, memory, network, assignment) is skipped, since the evaluator
/// computes those without looking at the counts.
/// </summary>
internal sealed class BruteForce(PlacementProblem problem)
{
    private static readonly ViolationKind[] CountDependent = [ViolationKind.Utilisation, ViolationKind.Local, ViolationKind.Global];

    private readonly EvaluationWorkspace _workspace = new(problem);
    private readonly int[] _deployments = new int[problem.Components.Count];
    private readonly int[][] _resources = new int[problem.Components.Count][];
    private readonly int[][] _replicas = new int[problem.Components.Count][];

    public double BestCost { get; private set; } = double.PositiveInfinity;
    public long Assignments { get; private set; }
    public long Evaluations { get; private set; }

    public double Run()
    {
        Component(0);
        return BestCost;
    }

    private void Component(int c)
    {
        if (c == problem.Components.Count)
        {
            Assignment();
            return;
        }
        var deployments = problem.Components[c].Deployments;
        for (var s = 0; s < deployments.Count; s++)
        {
            _deployments[c] = s;
            _resources[c] = new int[deployments[s].Partitions.Count];
            _replicas[c] = new int[deployments[s].Partitions.Count];
            Partition(c, 0);
        }
    }

    private void Partition(int c, int k)
    {
        var partitions = problem.Components[c].Deployments[_deployments[c]].Partitions;
        if (k == partitions.Count)
        {
            Component(c + 1);
            return;
        }
        foreach (var candidate in partitions[k].Candidates)
        {
            _resources[c][k] = candidate.Resource;
            Partition(c, k + 1);
        }
    }

    private void Assignment()
    {
        Assignments++;
        var used = _resources.SelectMany(r => r).Distinct().Where(r => !problem.Resources[r].IsFaas).Order().ToArray();
        var counts = used.ToDictionary(r => r, r => problem.Resources[r].MaxNodes);
        Write(counts);
        var atMaximum = PlacementEvaluator.Evaluate(problem, Decision());
        if (atMaximum.Violations.Any(v => !CountDependent.Contains(v.Kind))) return;
        Counts(used, 0, counts);
    }

    private void Counts(int[] used, int i, Dictionary<int, int> counts)
    {
        if (i == used.Length)
        {
            Write(counts);
            Evaluations++;
            var cost = PlacementEvaluator.CostIfFeasible(problem, Decision(), _workspace);
            if (cost < BestCost) BestCost = cost;
            return;
        }
        for (var y = 1; y <= problem.Resources[used[i]].MaxNodes; y++)
        {
            counts[used[i]] = y;
            Counts(used, i + 1, counts);
        }
    }

    private void Write(Dictionary<int, int> counts)
    {
        for (var c = 0; c < _resources.Length; c++)
        {
            for (var k = 0; k < _resources[c].Length; k++)
            {
                var r = _resources[c][k];
                _replicas[c][k] = problem.Resources[r].IsFaas ? 1 : counts[r];
            }
        }
    }

    private PlacementDecision Decision() => new(_deployments, _resources, _replicas);
}
