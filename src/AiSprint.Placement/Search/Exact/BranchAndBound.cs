using System.Diagnostics;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search.Exact;

/// <summary>
/// The search state and the depth-first branching of <see cref="ExactSearch"/>. A node is a prefix
/// of decisions in topological order: components before the current one are fully placed, the
/// current one has a deployment and its first partitions placed, later ones are untouched.
/// <para>
/// Branching filters drop only choices the evaluator would certainly reject whatever comes later
/// (incompatibility is impossible by construction; a second resource in an edge/VM layer; an edge
/// partition after a cloud one or below a cloud predecessor; memory over a node's or function's
/// capacity; load that saturates the resource even at its largest replica count; layers with no
/// network domain in common; response-time lower bounds over a threshold). Each is monotone: adding
/// placements never removes a violation, so a filtered prefix has no feasible completion.
/// </para>
/// </summary>
internal sealed partial class BranchAndBound
{
    /// <summary>Relative slack of every pruning comparison against float round-off in the bound arithmetic.</summary>
    internal const double Tolerance = 1e-9;

    private readonly PlacementProblem _problem;
    private readonly ExactOptions _options;
    private readonly EvaluationWorkspace _workspace;
    private readonly IReadOnlyList<ResourceSlot> _resources;
    private readonly IReadOnlyList<ComponentSlot> _components;
    private readonly int[] _order;
    private readonly double[] _unitCost; // unit cost × Time

    // Mutable state of the current prefix.
    private readonly double[] _load;
    private readonly double[] _memory;
    private readonly int[] _users;
    private readonly int[] _layerOwner;
    private readonly int[] _layerUsers;
    private readonly int[] _mustCloud;
    private readonly int[] _deployment;
    private readonly int[] _placed;
    private double _faasCost;
    private readonly PlacementDecision _decision;
    private readonly int[][][] _resourcesBy; // [c][s][k]
    private readonly int[][][] _replicasBy;

    // Candidate ordering scratch, one per (c, s, k): each is on the stack at most once.
    private readonly double[][][][] _keys;
    private readonly int[][][][] _choices;

    private readonly Stopwatch _clock = new();
    private PlacementDecision? _best;
    private double _bestCost = double.PositiveInfinity;
    private long _nodes;
    private bool _stopped;
    private double _openBound = double.PositiveInfinity;

    public BranchAndBound(PlacementProblem problem, ExactOptions options)
    {
        _problem = problem;
        _options = options;
        _workspace = new EvaluationWorkspace(problem);
        _resources = problem.Resources;
        _components = problem.Components;
        _order = problem.TopologicalOrder.ToArray();
        var resourceCount = _resources.Count;
        var count = _components.Count;
        _unitCost = _resources.Select(r => r.IsFaas ? 0 : r.UnitCost.Value * problem.Time.Value).ToArray();
        _load = new double[resourceCount];
        _memory = new double[resourceCount];
        _users = new int[resourceCount];
        _layerOwner = Enumerable.Repeat(-1, problem.Layers.Count).ToArray();
        _layerUsers = new int[problem.Layers.Count];
        _mustCloud = new int[count];
        _deployment = Enumerable.Repeat(-1, count).ToArray();
        _placed = new int[count];
        _resourcesBy = _components.Select(c => c.Deployments.Select(d => new int[d.Partitions.Count]).ToArray()).ToArray();
        _replicasBy = _components.Select(c => c.Deployments.Select(d => new int[d.Partitions.Count]).ToArray()).ToArray();
        _keys = _components.Select(c => c.Deployments.Select(d => d.Partitions.Select(p => new double[p.Candidates.Count]).ToArray()).ToArray()).ToArray();
        _choices = _components.Select(c => c.Deployments.Select(d => d.Partitions.Select(p => new int[p.Candidates.Count]).ToArray()).ToArray()).ToArray();
        _decision = new PlacementDecision(new int[count], _resourcesBy.Select(r => r[0]).ToArray(), _replicasBy.Select(r => r[0]).ToArray());
        _replicaOf = new int[resourceCount];
        _usedResources = new int[resourceCount];
        (_minTime, _suffixMinTime, _componentMinTime, _deploymentAllowed, _timeRelevant) = StaticTimes();
        _deploymentOrder = DeploymentOrder();
        _timeLb = new double[count];
    }

    public ExactResult Run()
    {
        _clock.Start();
        if (_options.Incumbent is { } incumbent)
        {
            var cost = PlacementEvaluator.CostIfFeasible(_problem, incumbent, _workspace);
            if (cost < _bestCost)
            {
                _bestCost = cost;
                _best = incumbent.Clone();
            }
        }
        if (TimesFeasible())
        {
            Deepen(CostBound(0));
        }
        _clock.Stop();
        if (_stopped)
        {
            return new ExactResult(_best, _bestCost, Math.Min(_bestCost, Math.Min(_openBound, _ceiling)), false, _nodes, _clock.Elapsed);
        }
        return new ExactResult(_best, _bestCost, _bestCost, true, _nodes, _clock.Elapsed);
    }

    /// <summary>Growth of the artificial cost ceiling between passes.</summary>
    private const double CeilingGrowth = 1.1;

    /// <summary>
    /// Iterative deepening on cost: pass i explores, depth-first, only nodes whose bound is below a
    /// ceiling U_i = root·1.1^i (and below the incumbent). A pass that ends with a solution cheaper than
    /// its ceiling has seen every node that could hold a cheaper one, so that solution is optimal. A
    /// pass that cut nothing at the ceiling was complete. Otherwise no solution costs less than U_i,
    /// and the next pass raises it. Each pass repeats the previous ones' nodes, but the node counts grow
    /// geometrically with the ceiling, while a depth-first dive without a good incumbent can bury
    /// itself in an expensive subtree (the 10-component instances did).
    /// </summary>
    private void Deepen(double rootBound)
    {
        if (rootBound >= BestCutoff) return;
        _ceiling = rootBound > 0 ? rootBound * CeilingGrowth : double.PositiveInfinity;
        while (true)
        {
            if (_ceiling >= _bestCost) _ceiling = double.PositiveInfinity;
            _cutByCeiling = false;
            Node(0, -1, rootBound);
            if (_stopped || !_cutByCeiling || _bestCost < _ceiling) return;
            _ceiling *= CeilingGrowth;
        }
    }

    private double _ceiling = double.PositiveInfinity;
    private bool _cutByCeiling;

    /// <summary>A node whose bound reaches this cannot hold a strictly (beyond round-off) cheaper solution.</summary>
    private double BestCutoff => double.IsPositiveInfinity(_bestCost) ? double.PositiveInfinity : _bestCost - Tolerance * Math.Abs(_bestCost);

    /// <summary>Whether a node (or a replica vector) with this bound or cost is left out of the current pass.</summary>
    private bool Prune(double bound)
    {
        if (bound >= BestCutoff) return true;
        if (bound < _ceiling) return false;
        _cutByCeiling = true;
        return true;
    }

    /// <summary>
    /// Expands the node at topological position <paramref name="position"/>: with
    /// <paramref name="partition"/> = −1 it branches on the component's deployment, otherwise on the
    /// resource of that partition. <paramref name="bound"/> is the node's cost lower bound.
    /// </summary>
    private void Node(int position, int partition, double bound)
    {
        _nodes++;
        if (LimitReached())
        {
            _stopped = true;
            _openBound = Math.Min(_openBound, bound);
            return;
        }
        if (position == _order.Length)
        {
            Leaf();
            return;
        }
        var c = _order[position];
        if (partition < 0)
        {
            BranchOnDeployment(position, c);
        }
        else
        {
            BranchOnResource(position, c, partition);
        }
    }

    private void BranchOnDeployment(int position, int c)
    {
        foreach (var s in _deploymentOrder[c])
        {
            _deployment[c] = s;
            _placed[c] = 0;
            _decision.Deployments[c] = s;
            _decision.Resources[c] = _resourcesBy[c][s];
            _decision.Replicas[c] = _replicasBy[c][s];
            if (TimesFeasible())
            {
                Child(position, 0, CostBound(position));
            }
            _deployment[c] = -1;
        }
    }

    private void BranchOnResource(int position, int c, int k)
    {
        var s = _deployment[c];
        var partitions = _components[c].Deployments[s].Partitions;
        var partition = partitions[k];
        var placed = _resourcesBy[c][s];
        var edgeForbidden = _mustCloud[c] > 0 || (k > 0 && !_resources[placed[k - 1]].IsEdge);
        var n = OrderCandidates(partition, _keys[c][s][k], _choices[c][s][k], edgeForbidden);
        var last = k == partitions.Count - 1;
        for (var i = 0; i < n; i++)
        {
            var candidate = partition.Candidates[_choices[c][s][k][i]];
            var r = candidate.Resource;
            if (k > 0 && placed[k - 1] != r && !_problem.Routes.Connected(_resources[placed[k - 1]].Layer, _resources[r].Layer)) continue;
            Apply(c, k, candidate);
            var cloud = last && !_resources[r].IsEdge;
            if (cloud)
            {
                foreach (var successor in _components[c].Successors) _mustCloud[successor]++;
            }
            if (TimesFeasible())
            {
                Child(last ? position + 1 : position, last ? -1 : k + 1, CostBound(last ? position + 1 : position));
            }
            if (cloud)
            {
                foreach (var successor in _components[c].Successors) _mustCloud[successor]--;
            }
            Undo(c, k, candidate);
        }
    }

    /// <summary>Descends unless the bound prunes; once stopped, only records the bounds of what is left open.</summary>
    private void Child(int position, int partition, double bound)
    {
        if (Prune(bound)) return;
        if (_stopped)
        {
            _openBound = Math.Min(_openBound, bound);
            return;
        }
        Node(position, partition, bound);
    }

    private void Apply(int c, int k, CandidateSlot candidate)
    {
        var r = candidate.Resource;
        _resourcesBy[c][_deployment[c]][k] = r;
        _placed[c] = k + 1;
        if (_resources[r].IsFaas)
        {
            _faasCost += candidate.FaasCost;
            return;
        }
        _load[r] += candidate.Load;
        _memory[r] += candidate.Memory.Value;
        _users[r]++;
        var layer = _resources[r].Layer;
        _layerOwner[layer] = r;
        _layerUsers[layer]++;
    }

    private void Undo(int c, int k, CandidateSlot candidate)
    {
        var r = candidate.Resource;
        _placed[c] = k;
        if (_resources[r].IsFaas)
        {
            _faasCost -= candidate.FaasCost;
            return;
        }
        _users[r]--;
        // Exact zero when the resource empties, so float drift never survives a backtrack to it.
        _load[r] = _users[r] == 0 ? 0 : _load[r] - candidate.Load;
        _memory[r] = _users[r] == 0 ? 0 : _memory[r] - candidate.Memory.Value;
        var layer = _resources[r].Layer;
        if (--_layerUsers[layer] == 0) _layerOwner[layer] = -1;
    }

    /// <summary>
    /// The candidates of a partition the evaluator could still accept, cheapest increment first
    /// (ties by resource index, so the order is deterministic). Returns how many were written.
    /// </summary>
    private int OrderCandidates(PartitionSlot partition, double[] keys, int[] choices, bool edgeForbidden)
    {
        var n = 0;
        for (var i = 0; i < partition.Candidates.Count; i++)
        {
            var candidate = partition.Candidates[i];
            if (!Admissible(candidate, edgeForbidden)) continue;
            var r = candidate.Resource;
            var resource = _resources[r];
            double key;
            if (resource.IsFaas) key = candidate.FaasCost;
            else if (_users[r] > 0) key = _unitCost[r] * (MinReplicas(_load[r] + candidate.Load) - MinReplicas(_load[r]));
            else key = _unitCost[r] * MinReplicas(candidate.Load);
            var j = n++;
            while (j > 0 && (keys[j - 1] > key || (keys[j - 1] == key && partition.Candidates[choices[j - 1]].Resource > r)))
            {
                keys[j] = keys[j - 1];
                choices[j] = choices[j - 1];
                j--;
            }
            keys[j] = key;
            choices[j] = i;
        }
        return n;
    }

    /// <summary>Whether placing the candidate now leaves the evaluator's resource-level checks passable.</summary>
    private bool Admissible(CandidateSlot candidate, bool edgeForbidden)
    {
        var r = candidate.Resource;
        var resource = _resources[r];
        if (resource.IsEdge && edgeForbidden) return false;
        if (resource.IsFaas) return candidate.Memory <= resource.Memory;
        var owner = _layerOwner[resource.Layer];
        if (owner >= 0 && owner != r) return false;
        if (_memory[r] + candidate.Memory.Value > resource.Memory.Value * (1 + Tolerance)) return false;
        return (_load[r] + candidate.Load) / resource.MaxNodes < 1 + Tolerance;
    }

    /// <summary>
    /// A lower bound on the replicas a resource with total load <paramref name="load"/> needs:
    /// U = load / y &lt; 1 requires y &gt; load, i.e. y ≥ ⌊load⌋ + 1. Computed as ⌈load − 1e-9⌉ (at
    /// least 1) so round-off can only make it smaller, never larger than the evaluator's minimum.
    /// </summary>
    internal static int MinReplicas(double load) => Math.Max(1, (int)Math.Ceiling(load - Tolerance));

    private bool LimitReached()
    {
        if (_options.NodeLimit is { } limit && _nodes > limit) return true;
        if ((_nodes & 255) != 1) return false; // nodes 1, 257, 513, …: a cancelled search stops at once
        return _options.Cancellation.IsCancellationRequested || (_options.TimeLimit is { } time && _clock.Elapsed > time);
    }
}
