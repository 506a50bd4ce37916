using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Graph;

/// <summary>
/// One node of the main graph. <see cref="Inputs"/> adds the outer-scope tensors that an If/Loop/Scan body reads,
/// so that the node (with its whole subgraph) is one indivisible vertex: a cut never falls inside a subgraph.
/// </summary>
internal sealed record GraphNode(int Index, NodeProto Proto, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, bool HasSubgraph)
{
    public string Op => Proto.OpType;

    public string Name => Proto.Name;

    /// <summary>Non-empty inputs as written in the node (without the implicit subgraph inputs).</summary>
    public IEnumerable<string> DeclaredInputs => Proto.Input.Where(i => i.Length > 0);
}
