using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;
using AiSprint.Onnx.Partitioning;

namespace AiSprint.Onnx.EarlyExits;

/// <summary>
/// Splits an early-exit network at its exits (aisprint-studio.md §2.3), any number of them: partition i ≤ N runs from
/// the previous exit's attach tensors (the model inputs for i = 1) to exit i's attach tensors and also produces exit
/// i's head outputs; partition N + 1 runs from exit N's attach tensors to the model's outputs that are no exit's. The
/// Studio's <c>extract_model</c> gives the same segments; unlike it, a bad row is a located error, not a silent
/// fallback to the whole model.
/// </summary>
public static class EarlyExitSplitter
{
    /// <summary>The partitions the exits of <paramref name="exits"/> cut the analysed model into; a row that does not fit the model comes back as a located error.</summary>
    public static LoadResult<EarlyExitPlan> Split(ModelAnalysis analysis, IReadOnlyList<EarlyExit> exits)
    {
        var bag = new DiagnosticBag();
        var graph = analysis.Graph;
        var known = analysis.Tensors.Keys.Concat(graph.ProducedTensors).Concat(graph.RealInputs).ToHashSet(StringComparer.Ordinal);
        foreach (var exit in exits)
        {
            CheckKnown(exit.AttachTensors, exit.AttachLocation, "attach tensor (input_nodes)");
            CheckKnown(exit.HeadOutputs, exit.HeadLocation, "head output (output_nodes)");
        }
        if (bag.HasErrors) return new LoadResult<EarlyExitPlan>(null, bag.Items);

        // The nodes a set of tensors needs, their producers included; model inputs and initializers need none.
        HashSet<int> Upstream(IEnumerable<string> tensors)
        {
            var set = new HashSet<int>();
            foreach (var t in tensors)
            {
                if (graph.ProducerOf(t) is { } p) set.UnionWith(analysis.Ancestors.Members(p));
            }
            return set;
        }

        var before = new HashSet<int>();
        IReadOnlyList<string> inputs = graph.RealInputs;
        var partitions = new List<Partition>(exits.Count + 1);
        var heads = new List<IReadOnlyList<string>>(exits.Count + 1);
        var exitOutputs = exits.SelectMany(e => e.HeadOutputs).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i <= exits.Count; i++)
        {
            var exit = i < exits.Count ? exits[i] : null;
            IReadOnlyList<string> outputs = exit is null
                ? graph.Outputs.Where(o => !exitOutputs.Contains(o)).ToArray()
                : [.. exit.AttachTensors, .. exit.HeadOutputs];
            if (exit is not null)
            {
                if (i > 0 && !exit.AttachTensors.All(t => exits[i - 1].AttachTensors.Any(previous => previous != t && DependsOn(analysis, t, previous))))
                {
                    bag.Add(DiagnosticCatalog.ExitsOutOfOrder, exit.AttachLocation,
                        $"exit {exit.Number} attaches at {Names(exit.AttachTensors)}, which is not downstream of exit {exits[i - 1].Number}'s {Names(exits[i - 1].AttachTensors)}; expected the rows in the order a request reaches them");
                    return new LoadResult<EarlyExitPlan>(null, bag.Items);
                }
                foreach (var head in exit.HeadOutputs)
                {
                    if (!exit.AttachTensors.Any(t => DependsOn(analysis, head, t)))
                    {
                        bag.Add(DiagnosticCatalog.ExitHeadNotDownstream, exit.HeadLocation,
                            $"head output '{head}' of exit {exit.Number} does not depend on {Names(exit.AttachTensors)}; expected the tensor the head reads (or one of its ancestors) in input_nodes");
                    }
                }
                if (bag.HasErrors) return new LoadResult<EarlyExitPlan>(null, bag.Items);
            }
            var nodes = graph.TopologicalOrder.Where(Upstream(outputs).Contains).Where(n => !before.Contains(n)).ToArray();
            // Every tensor the segment reads must come from itself, its inputs or the initializers; otherwise a node
            // after the attach point also reads something computed before it (a skip connection across the exit).
            var produced = nodes.SelectMany(n => graph.Nodes[n].Outputs).ToHashSet(StringComparer.Ordinal);
            var crossing = nodes.SelectMany(n => graph.Nodes[n].Inputs)
                .FirstOrDefault(t => !produced.Contains(t) && !inputs.Contains(t, StringComparer.Ordinal) && !graph.Initializers.Contains(t));
            if (crossing is not null)
            {
                // Partition 1 reads only the model inputs, so i ≥ 1 here: the exit it starts from is to blame.
                bag.Add(DiagnosticCatalog.ExitDoesNotSeparate, exits[i - 1].AttachLocation,
                    $"partition {i + 1} starts from {Names(inputs)} but also reads '{crossing}', computed before it; expected an attach tensor that every later node's inputs pass through");
                return new LoadResult<EarlyExitPlan>(null, bag.Items);
            }
            var layers = analysis.LayerOfNode;
            var parameters = analysis.DistinctParameters(nodes).ToArray();
            var transfer = exit is null ? null : exit.AttachTensors.Aggregate((long?)0, (sum, t) => sum + analysis.Describe(t)?.Bytes);
            partitions.Add(new Partition(i + 1, nodes, inputs, outputs,
                nodes.Aggregate((long?)0, (sum, n) => sum + layers[n].ForwardFlops),
                nodes.Aggregate((long?)0, (sum, n) => sum + layers[n].BackwardFlops),
                parameters.Sum(p => p.ElementCount ?? 0), parameters.Sum(p => p.Bytes ?? 0),
                PartitionPlanner.PeakActivationBytes(analysis, nodes, inputs, outputs),
                transfer));
            heads.Add(exit is null ? [] : exit.HeadOutputs);
            before.UnionWith(nodes);
            if (exit is not null) inputs = exit.AttachTensors;
        }
        return new LoadResult<EarlyExitPlan>(new EarlyExitPlan(partitions, heads), bag.Items);

        void CheckKnown(IEnumerable<string> tensors, SourceLocation at, string role)
        {
            foreach (var t in tensors.Where(t => !known.Contains(t)))
            {
                bag.Add(DiagnosticCatalog.UnknownExitTensor, at,
                    $"{role} '{t}' is not a tensor of {Path.GetFileName(analysis.ModelPath)}; expected one of its node outputs or inputs ('aisprint inspect' lists them)");
            }
        }
    }

    private static bool DependsOn(ModelAnalysis analysis, string tensor, string on)
    {
        if (tensor == on) return true;
        var graph = analysis.Graph;
        if (graph.ProducerOf(tensor) is not { } p) return false;
        if (graph.ProducerOf(on) is { } q) return analysis.Ancestors.Contains(p, q);
        // A model input: some ancestor reads it.
        return analysis.Ancestors.Members(p).Any(n => graph.Nodes[n].Inputs.Contains(on, StringComparer.Ordinal));
    }

    private static string Names(IEnumerable<string> tensors) => string.Join(", ", tensors.Select(t => $"'{t}'"));
}

/// <summary>
/// The N + 1 partitions of an N-exit network, in order; <see cref="ExitOutputs"/>[i] are the head outputs partition
/// i + 1 produces besides the tensors it passes on (empty for the last partition).
/// </summary>
public sealed record EarlyExitPlan(IReadOnlyList<Partition> Partitions, IReadOnlyList<IReadOnlyList<string>> ExitOutputs)
{
    /// <summary>The number of partitions, exits + 1.</summary>
    public int PartitionCount => Partitions.Count;

    /// <summary>The number of early exits.</summary>
    public int ExitCount => Partitions.Count - 1;
}
