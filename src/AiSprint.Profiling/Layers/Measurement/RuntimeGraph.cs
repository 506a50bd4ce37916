using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Profiling.Layers.Measurement;

/// <summary>A node of the graph ONNX Runtime executes after optimisation, with the source nodes it stands for.</summary>
public sealed record RuntimeNode(string Name, string Op, IReadOnlyList<int> SourceNodes);

/// <summary>
/// Maps the optimised graph ONNX Runtime wrote (<c>SessionOptions.OptimizedModelFilePath</c>) back to the source graph.
/// A runtime node covers the source nodes between the source tensors it reads and the source tensors it writes: the
/// producers of its outputs and their ancestors not yet claimed by an earlier runtime node (runtime nodes are visited in
/// execution order). At level "all" the NCHWc layout transformer gives a converted chain new tensors
/// (<c>reorder_token_N</c>) but names each node <c>&lt;source tensor&gt;_nchwc</c> after the output it replaces; that
/// tensor then stands for the node's output, plus the residual Add it absorbed when it has a Sum input (input 4) and the
/// activation after that Add when it carries an <c>activation</c> attribute. A source node claimed by no runtime node
/// was removed (dead or constant-folded); a runtime node that claims none (a layout reorder, a copy) is real work with
/// no source node, which <see cref="NodeTimer"/> charges to a neighbour.
/// </summary>
internal static class RuntimeGraph
{
    private static readonly string[] RenamingSuffixes = ["_nchwc"];

    public static IReadOnlyList<RuntimeNode> Map(ComputationGraph source, ModelProto optimized)
    {
        var claimed = new bool[source.Nodes.Count];
        var result = new List<RuntimeNode>();
        foreach (var node in optimized.Graph.Node)
        {
            var covered = new List<int>();
            var outputs = node.Output.Where(o => o.Length > 0).Select(o => SourceTensorOf(source, o)).OfType<string>().ToList();
            var renamed = outputs.Count == 0 && SourceTensorOf(source, node.Name) is { } hint ? hint : null;
            if (renamed is not null) outputs.Add(renamed);
            foreach (var tensor in outputs)
            {
                if (source.ProducerOf(tensor) is { } producer) Claim(source, producer, claimed, covered);
            }
            if (renamed is not null && source.ProducerOf(renamed) is { } last)
            {
                var hasSum = node.Domain == "com.microsoft.nchwc" && node.Input.Count > 3 && node.Input[3].Length > 0;
                if (hasSum && Follower(source, last, claimed, op => op is "Add" or "Sum") is var add and >= 0)
                {
                    Claim(source, add, claimed, covered);
                    last = add;
                }
                if (node.Attribute.Any(a => a.Name == "activation") && Follower(source, last, claimed, IsActivation) is var activation and >= 0)
                {
                    Claim(source, activation, claimed, covered);
                }
            }
            covered.Sort();
            result.Add(new RuntimeNode(node.Name, node.OpType, covered));
        }
        return result;
    }

    private static string? SourceTensorOf(ComputationGraph source, string tensor)
    {
        if (source.ProducerOf(tensor) is not null) return tensor;
        foreach (var suffix in RenamingSuffixes)
        {
            if (tensor.EndsWith(suffix, StringComparison.Ordinal) && source.ProducerOf(tensor[..^suffix.Length]) is not null) return tensor[..^suffix.Length];
        }
        return null;
    }

    private static void Claim(ComputationGraph source, int node, bool[] claimed, List<int> covered)
    {
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (claimed[n]) continue;
            claimed[n] = true;
            covered.Add(n);
            foreach (var input in source.Nodes[n].Inputs)
            {
                if (source.ProducerOf(input) is { } p && !claimed[p]) stack.Push(p);
            }
        }
    }

    private static bool IsActivation(string op) => Features.DesignTableCounts.CategoryOf(op) is Features.LayerCategory.ReLU or Features.LayerCategory.Activation;

    /// <summary>The single unclaimed consumer of a node's single output, when it is of the accepted kind; else −1.</summary>
    private static int Follower(ComputationGraph source, int node, bool[] claimed, Func<string, bool> accepts)
    {
        var outputs = source.Nodes[node].Outputs;
        if (outputs.Count != 1) return -1;
        var consumers = source.ConsumersOf(outputs[0]);
        return consumers.Count == 1 && !claimed[consumers[0]] && accepts(source.Nodes[consumers[0]].Op) ? consumers[0] : -1;
    }
}
