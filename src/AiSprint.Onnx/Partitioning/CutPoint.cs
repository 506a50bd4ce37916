using AiSprint.Onnx.Shapes;

namespace AiSprint.Onnx.Partitioning;

/// <summary>
/// A tensor that alone separates the graph: the nodes before it (its producer and all ancestors) and the nodes
/// after it share nothing but this tensor and initializers.
/// </summary>
public sealed record CutPoint(
    string Tensor,
    int ProducerIndex,
    string ProducerName,
    string ProducerOp,
    int NodesBefore,
    int NodesAfter,
    TensorDescription Description,
    long? CumulativeForwardFlops)
{
    /// <summary>The bytes sent across this cut in one inference; null when the tensor's shape is not fully known.</summary>
    public long? Bytes => Description.Bytes;
}
