namespace AiSprint.Onnx.Partitioning;

/// <summary>
/// K-way partitions as increasing sequences of cut points. Plans are ranked by bytes transferred, then by FLOP
/// imbalance (largest partition over the mean). For each K a dynamic programme over (partitions so far, last cut)
/// keeps the Pareto front of (bytes transferred, largest partition FLOPs), pruning partitions over the memory bound,
/// so no exhaustive enumeration of C(cuts, K−1) sequences is needed.
/// </summary>
public static class PartitionPlanner
{
    /// <summary>The plan for given cuts (sorted along the graph, each one of the analysis' cut points).</summary>
    public static PartitionPlan Describe(ModelAnalysis analysis, IReadOnlyList<CutPoint> cuts)
    {
        var ordered = cuts.OrderBy(c => c.NodesBefore).ToArray();
        var partitions = new List<Partition>(ordered.Length + 1);
        for (var i = 0; i <= ordered.Length; i++)
        {
            partitions.Add(Segment(analysis, i == 0 ? null : ordered[i - 1], i == ordered.Length ? null : ordered[i], i + 1));
        }
        return new PartitionPlan(ordered, partitions);
    }

    /// <summary>Every 2-way plan: one per cut point, in graph order.</summary>
    public static IEnumerable<PartitionPlan> AllTwoWay(ModelAnalysis analysis) => analysis.CutPoints.Select(c => Describe(analysis, [c]));

    /// <summary>The best plans within the bounds, best first; empty when no plan satisfies them.</summary>
    public static IReadOnlyList<PartitionPlan> Plan(ModelAnalysis analysis, PartitionConstraints constraints)
    {
        if (constraints.MinPartitions < 1 || constraints.MaxPartitions < constraints.MinPartitions)
        {
            throw new ArgumentException($"Partition bounds must satisfy 1 ≤ min ≤ max; got {constraints.MinPartitions}..{constraints.MaxPartitions}.", nameof(constraints));
        }
        var cuts = analysis.CutPoints;
        var m = cuts.Count;
        // Segment s(a, b): from cut a (−1 = model inputs) to cut b (m = model outputs).
        var segments = new Dictionary<(int, int), Partition>();
        Partition SegmentOf(int a, int b)
        {
            if (!segments.TryGetValue((a, b), out var p))
            {
                segments[(a, b)] = p = Segment(analysis, a < 0 ? null : cuts[a], b >= m ? null : cuts[b], 0);
            }
            return p;
        }
        bool Fits(Partition p) => constraints.MaxPartitionMemoryBytes is not { } bound || (p.MemoryBytes is { } memory && memory <= bound);
        static long Flops(Partition p) => p.ForwardFlops ?? long.MaxValue;

        var results = new List<PartitionPlan>();
        var maxK = Math.Min(constraints.MaxPartitions, m + 1);
        // front[j] for the current k: Pareto states ending at cut j with k partitions before it.
        var front = new List<State>[m];
        for (var j = 0; j < m; j++)
        {
            var first = SegmentOf(-1, j);
            front[j] = Fits(first) ? [new State(cuts[j].Bytes ?? long.MaxValue, Flops(first), null, j)] : [];
        }
        if (constraints.MinPartitions == 1 && Fits(SegmentOf(-1, m))) results.Add(Describe(analysis, []));
        for (var k = 2; k <= maxK; k++)
        {
            if (k >= constraints.MinPartitions)
            {
                for (var j = 0; j < m; j++)
                {
                    var last = SegmentOf(j, m);
                    if (!Fits(last)) continue;
                    foreach (var state in front[j]) results.Add(Describe(analysis, state.Cuts(cuts)));
                }
            }
            if (k == maxK) break;
            var next = new List<State>[m];
            for (var j = 0; j < m; j++)
            {
                var candidates = new List<State>();
                for (var i = 0; i < j; i++)
                {
                    if (front[i].Count == 0) continue;
                    var segment = SegmentOf(i, j);
                    if (!Fits(segment)) continue;
                    foreach (var s in front[i])
                    {
                        candidates.Add(new State(Add(s.Bytes, cuts[j].Bytes ?? long.MaxValue), Math.Max(s.MaxFlops, Flops(segment)), s, j));
                    }
                }
                next[j] = ParetoFront(candidates);
            }
            front = next;
        }
        return Ranked(results).Take(constraints.MaxPlans).ToArray();
    }

    /// <summary>
    /// The plans to offer the placement: for each K within the bounds, its <paramref name="perPartitionCount"/> best
    /// plans, all ranked as <see cref="Plan"/> ranks them (so the first is <see cref="Plan"/>'s best). Ranking by bytes
    /// alone would offer only 2-way plans; the placement, which knows each partition's demand per resource, is what
    /// decides whether a 3-way split or a later cut pays.
    /// </summary>
    public static IReadOnlyList<PartitionPlan> Offered(ModelAnalysis analysis, PartitionConstraints constraints, int perPartitionCount = 1)
    {
        if (perPartitionCount < 1) throw new ArgumentOutOfRangeException(nameof(perPartitionCount), perPartitionCount, "At least one plan per K is needed.");
        var plans = new List<PartitionPlan>();
        for (var k = constraints.MinPartitions; k <= constraints.MaxPartitions; k++)
        {
            plans.AddRange(Plan(analysis, constraints with { MinPartitions = k, MaxPartitions = k, MaxPlans = perPartitionCount }));
        }
        return Ranked(plans).ToArray();
    }

    private static IOrderedEnumerable<PartitionPlan> Ranked(IEnumerable<PartitionPlan> plans) => plans
        .OrderBy(p => p.TransferredBytes ?? long.MaxValue)
        .ThenBy(p => p.FlopImbalance ?? double.MaxValue)
        .ThenBy(p => p.PartitionCount);

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static List<State> ParetoFront(List<State> states)
    {
        var front = new List<State>();
        foreach (var s in states.OrderBy(s => s.Bytes).ThenBy(s => s.MaxFlops))
        {
            if (front.Count == 0 || s.MaxFlops < front[^1].MaxFlops) front.Add(s);
        }
        return front;
    }

    private sealed record State(long Bytes, long MaxFlops, State? Previous, int Cut)
    {
        public List<CutPoint> Cuts(IReadOnlyList<CutPoint> all)
        {
            var list = new List<CutPoint>();
            for (var s = this; s is not null; s = s.Previous) list.Add(all[s.Cut]);
            list.Reverse();
            return list;
        }
    }

    /// <summary>The nodes after <paramref name="from"/> up to and including <paramref name="to"/>'s producer, with their costs.</summary>
    internal static Partition Segment(ModelAnalysis analysis, CutPoint? from, CutPoint? to, int index)
    {
        var graph = analysis.Graph;
        var nodes = graph.TopologicalOrder
            .Where(n => (to is null || analysis.Ancestors.Contains(to.ProducerIndex, n)) && (from is null || !analysis.Ancestors.Contains(from.ProducerIndex, n)))
            .ToArray();
        var layers = analysis.LayerOfNode;
        var parameters = analysis.DistinctParameters(nodes).ToArray();
        IReadOnlyList<string> inputs = from is null ? graph.RealInputs : [from.Tensor];
        IReadOnlyList<string> outputs = to is null ? graph.Outputs : [to.Tensor];
        return new Partition(index, nodes, inputs, outputs,
            nodes.Aggregate((long?)0, (sum, n) => sum + layers[n].ForwardFlops),
            nodes.Aggregate((long?)0, (sum, n) => sum + layers[n].BackwardFlops),
            parameters.Sum(p => p.ElementCount ?? 0), parameters.Sum(p => p.Bytes ?? 0),
            PeakActivationBytes(analysis, nodes, inputs, outputs),
            to?.Bytes);
    }

    /// <summary>
    /// Runs the partition's nodes in topological order, keeping a tensor alive from its production (or the start,
    /// for inputs) to its last consumer in the partition (or the end, for outputs); the peak is taken while a
    /// node's inputs and outputs coexist. Constants are parameters, not activations.
    /// </summary>
    internal static long? PeakActivationBytes(ModelAnalysis analysis, int[] nodes, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        var graph = analysis.Graph;
        var position = new Dictionary<int, int>();
        for (var i = 0; i < nodes.Length; i++) position[nodes[i]] = i;
        var keep = new HashSet<string>(outputs, StringComparer.Ordinal);
        int LastUse(string tensor) => keep.Contains(tensor) ? int.MaxValue
            : graph.ConsumersOf(tensor).Where(position.ContainsKey).Select(c => position[c]).DefaultIfEmpty(-1).Max();
        long? Size(string tensor) => analysis.Parameters.IsConstant(tensor) ? 0 : analysis.Describe(tensor)?.Bytes;

        long? live = inputs.Aggregate((long?)0, (sum, t) => sum + Size(t));
        var peak = live;
        var releaseAt = new List<string>[nodes.Length];
        foreach (var t in inputs) if (LastUse(t) is var last && last >= 0 && last < nodes.Length) (releaseAt[last] ??= []).Add(t);
        for (var i = 0; i < nodes.Length; i++)
        {
            foreach (var output in graph.Nodes[nodes[i]].Outputs)
            {
                live += Size(output);
                var last = LastUse(output);
                if (last < 0) releaseAt[i] = [.. releaseAt[i] ?? [], output]; // unused: freed once the node is done
                else if (last < nodes.Length) (releaseAt[last] ??= []).Add(output);
            }
            if (live is null || peak is null) return null;
            peak = Math.Max(peak.Value, live.Value);
            foreach (var t in releaseAt[i] ?? []) live -= Size(t);
        }
        return peak;
    }
}
