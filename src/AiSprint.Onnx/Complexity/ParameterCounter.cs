using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Shapes;

namespace AiSprint.Onnx.Complexity;

/// <summary>
/// Which tensors are constant data: initializers, Constant-node outputs and Identity of either (the torch exporter
/// deduplicates equal biases behind Identity nodes; paddle2onnx stores every weight in a Constant node).
/// </summary>
internal sealed class ParameterCounter
{
    private readonly HashSet<string> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _identityOf = new(StringComparer.Ordinal);

    public ParameterCounter(ComputationGraph graph)
    {
        _constants.UnionWith(graph.Initializers);
        foreach (var index in graph.TopologicalOrder)
        {
            var node = graph.Nodes[index];
            if (node.Op == "Constant")
            {
                _constants.UnionWith(node.Outputs);
            }
            else if (node.Op == "Identity" && node.Inputs.Count == 1 && _constants.Contains(node.Inputs[0]) && node.Outputs.Count == 1)
            {
                _constants.Add(node.Outputs[0]);
                _identityOf[node.Outputs[0]] = SourceOf(node.Inputs[0]);
            }
        }
    }

    public bool IsConstant(string tensor) => _constants.Contains(tensor);

    /// <summary>The stored tensor behind a chain of Identity nodes: shared weights are stored once.</summary>
    public string SourceOf(string tensor) => _identityOf.TryGetValue(tensor, out var source) ? source : tensor;

    /// <summary>Floating-point constant inputs of more than one element: the node's trainable parameters.</summary>
    public IEnumerable<TensorDescription> ParametersOf(GraphNode node, Func<string, TensorDescription?> tensor)
    {
        if (node.Op is "Constant" or "Identity") yield break; // they carry data to their consumers, who own it
        foreach (var input in node.DeclaredInputs.Distinct(StringComparer.Ordinal))
        {
            if (!_constants.Contains(input) || tensor(input) is not { } d) continue;
            if (ElementTypes.IsFloatingPoint(d.ElementTypeCode) && d.ElementCount is > 1) yield return d;
        }
    }
}
