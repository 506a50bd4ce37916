using AiSprint.Onnx.Shapes;
using AiSprint.Onnx.Graph;

namespace AiSprint.Onnx.Complexity;

/// <summary>
/// Operations per output element ("per output pixel"), forward and backward, by operator. These are the
/// coefficients of the design document's per-layer complexity table (Table 4.1) as this library applies them:
/// <list type="bullet">
/// <item>Conv: 2·(C_in/groups)·∏kernel forward (one multiply and one add per weight in the receptive field),
/// +1 with a bias; backward twice that (gradient with respect to the input and to the weights). Grouped and
/// depthwise convolutions fall out of C_in/groups (the weight's second dimension): depthwise is 2·∏kernel.</item>
/// <item>Fully connected (Gemm, MatMul): 2·K forward (+1 for Gemm's bias), 4·K backward.</item>
/// <item>ReLU, LeakyReLU, PReLU, Clip: 1 forward, 1 backward. HardSigmoid 3 / 1, HardSwish 4 / 2, Sigmoid 4 / 2, Tanh 5 / 2.</item>
/// <item>Normalization (BatchNormalization, InstanceNormalization, LayerNormalization, LRN): 4 forward
/// ((x − mean) · (1/σ) · γ + β), 8 backward.</item>
/// <item>Pooling: ∏kernel forward and backward (MaxPool compares, AveragePool adds then scales);
/// global pooling: H·W per output element.</item>
/// <item>Loss (SoftmaxCrossEntropyLoss, NegativeLogLikelihoodLoss): counted per input element, 6 forward, 2 backward.</item>
/// <item>Extensions: element-wise Add/Sub/Mul/Div/Max/Min/Pow 1 forward (variadic Sum: inputs − 1), backward 1
/// (Add/Sub) or 2 (others); Softmax/LogSoftmax 5 forward (max, subtract, exp, sum, divide), 3 backward;
/// Reduce*: reduced elements per output element; pure data movement (Concat, Reshape, Transpose, Flatten, Slice,
/// Gather, Squeeze, Unsqueeze, Identity, Shape, Cast, Constant, Dropout at inference) 0.</item>
/// <item>Unknown operators: 1 forward and 1 backward per output element, so that they are never free.</item>
/// </list>
/// </summary>
internal static class OperationCounts
{
    private static readonly HashSet<string> DataMovement = new(StringComparer.Ordinal)
    {
        "Concat", "Split", "Reshape", "Transpose", "Flatten", "Slice", "Gather", "Squeeze", "Unsqueeze", "Identity", "Shape", "Size",
        "Cast", "Constant", "ConstantOfShape", "Dropout", "Expand", "Tile", "Pad", "DepthToSpace", "SpaceToDepth",
    };

    /// <summary>(forward, backward) FLOPs of the node, or null when a shape it needs is unknown.</summary>
    public static (long Forward, long Backward)? Of(GraphNode node, Func<string, TensorDescription?> tensor)
    {
        var proto = node.Proto;
        var output = node.Outputs.Count > 0 ? tensor(node.Outputs[0]) : null;
        var outputElements = output?.ElementCount;
        TensorDescription? Input(int i) => i < proto.Input.Count && proto.Input[i].Length > 0 ? tensor(proto.Input[i]) : null;

        if (DataMovement.Contains(node.Op)) return (0, 0);
        if (outputElements is not { } n) return null;
        switch (node.Op)
        {
            case "Conv" or "ConvTranspose":
            {
                var weight = Input(1);
                if (weight is not { IsFullyKnown: true }) return null;
                var receptiveField = weight.Dimensions!.Skip(1).Aggregate(1L, (a, d) => a * d!.Value);
                var hasBias = proto.Input.Count > 2 && proto.Input[2].Length > 0;
                var forward = 2 * receptiveField + (hasBias ? 1 : 0);
                return (n * forward, n * 2 * 2 * receptiveField);
            }
            case "Gemm":
            {
                if (Input(0) is not { IsFullyKnown: true } a) return null;
                var k = proto.Int("transA", 0) != 0 ? a.Dimensions![0]!.Value : a.Dimensions![^1]!.Value;
                var hasBias = proto.Input.Count > 2 && proto.Input[2].Length > 0;
                return (n * (2 * k + (hasBias ? 1 : 0)), n * 4 * k);
            }
            case "MatMul":
            {
                if (Input(0) is not { IsFullyKnown: true } a) return null;
                var k = a.Dimensions![^1]!.Value;
                return (n * 2 * k, n * 4 * k);
            }
            case "Relu" or "LeakyRelu" or "PRelu" or "Clip":
                return (n, n);
            case "HardSigmoid":
                return (3 * n, n);
            case "HardSwish":
                return (4 * n, 2 * n);
            case "Sigmoid":
                return (4 * n, 2 * n);
            case "Tanh":
                return (5 * n, 2 * n);
            case "BatchNormalization" or "InstanceNormalization" or "LayerNormalization" or "LRN":
                return (4 * n, 8 * n);
            case "MaxPool" or "AveragePool" or "LpPool":
            {
                var window = proto.Ints("kernel_shape")?.Aggregate(1L, (a, k) => a * k) ?? 1;
                return (n * window, n * window);
            }
            case "GlobalAveragePool" or "GlobalMaxPool" or "GlobalLpPool" or "ReduceMean" or "ReduceSum" or "ReduceMax" or "ReduceMin"
                or "ReduceProd" or "ReduceL1" or "ReduceL2" or "ReduceSumSquare" or "ReduceLogSumExp":
            {
                if (Input(0)?.ElementCount is not { } inputElements || n == 0) return null;
                return (inputElements, inputElements);
            }
            case "Add" or "Sub":
                return (n, n);
            case "Mul" or "Div" or "Max" or "Min" or "Pow":
                return (n, 2 * n);
            case "Sum" or "Mean":
                return (n * Math.Max(1, node.DeclaredInputs.Count() - 1), n);
            case "Softmax" or "LogSoftmax":
                return (5 * n, 3 * n);
            case "SoftmaxCrossEntropyLoss" or "NegativeLogLikelihoodLoss":
            {
                if (Input(0)?.ElementCount is not { } inputElements) return null;
                return (6 * inputElements, 2 * inputElements);
            }
            default:
                return (n, n);
        }
    }
}
