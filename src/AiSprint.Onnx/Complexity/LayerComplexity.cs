namespace AiSprint.Onnx.Complexity;

/// <summary>
/// Cost of one node. FLOPs are null when an output shape is unknown. Parameters are the node's floating-point
/// constant inputs with more than one element (weights, biases, normalisation statistics), counted per node.
/// </summary>
public sealed record LayerComplexity(
    int NodeIndex,
    string NodeName,
    string Op,
    IReadOnlyList<long?>? OutputShape,
    long? ForwardFlops,
    long? BackwardFlops,
    long ParameterCount,
    long ParameterBytes,
    long? OutputBytes,
    long? CumulativeForwardFlops);
