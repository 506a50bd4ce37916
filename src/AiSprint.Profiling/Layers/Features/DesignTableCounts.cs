using AiSprint.Onnx;
using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Shapes;

namespace AiSprint.Profiling.Layers.Features;

/// <summary>
/// Operation counts of the design document's Table 4.1 (operations per output pixel, times H_out·W_out), the reference
/// convention of the per-layer model. An output pixel is one spatial position of the output map (all C_out channels).
/// <list type="bullet">
/// <item>Conv: H_f·W_f·C_in·C_out forward, (2·H_f·W_f·C_in + 1)·C_out backward; grouped and depthwise convolutions
/// replace C_in by C_in/groups (the spec's reading note); ConvTranspose is counted like Conv on its input map.</item>
/// <item>FC (Gemm, MatMul): H_in·W_in·C_in·C_out with the flattened input as K = H_in·W_in·C_in; 2·K·C_out backward;
/// a batched MatMul has one output pixel per output row.</item>
/// <item>Loss (SoftmaxCrossEntropyLoss, NegativeLogLikelihoodLoss): 4·C − 1 / C + 1, C the classes, per input pixel.</item>
/// <item>Norm (BatchNormalization, InstanceNormalization, LayerNormalization, LRN): 5·C_out + C_in − 2 / 8·C_out + C_in − 1.</item>
/// <item>Pool (MaxPool, AveragePool, LpPool): H_f·W_f·C_out / (H_f·W_f + 1)·C_out; global pooling has the whole input
/// map as its filter and one output pixel.</item>
/// <item>ReLU (Relu, LeakyRelu, PRelu, Clip): 3·C_out / 4·C_out.</item>
/// </list>
/// Outside the table (see <see cref="LayerCategory"/>): other activations take the ReLU row; Softmax/LogSoftmax the Loss
/// row on the softmax axis; element-wise operators (inputs − 1) per output element forward and backward; Reduce* one
/// per input element; data movement and unknown operators one per output element. A "pixel" of a tensor without
/// spatial dimensions (rank ≤ 2) is its row: C is its last dimension.
/// </summary>
internal static class DesignTableCounts
{
    private static readonly HashSet<string> ReluOps = new(StringComparer.Ordinal) { "Relu", "LeakyRelu", "PRelu", "Clip" };
    private static readonly HashSet<string> NormOps = new(StringComparer.Ordinal) { "BatchNormalization", "InstanceNormalization", "LayerNormalization", "LRN" };
    private static readonly HashSet<string> PoolOps = new(StringComparer.Ordinal) { "MaxPool", "AveragePool", "LpPool" };
    private static readonly HashSet<string> GlobalPoolOps = new(StringComparer.Ordinal) { "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" };
    private static readonly HashSet<string> ActivationOps = new(StringComparer.Ordinal)
    {
        "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "Elu", "Selu", "Celu", "Gelu", "Softplus", "Softsign", "Erf", "Exp", "Log", "Sqrt", "Reciprocal", "Neg", "Abs", "Mish",
    };
    private static readonly HashSet<string> ElementwiseOps = new(StringComparer.Ordinal) { "Add", "Sub", "Mul", "Div", "Max", "Min", "Pow", "Sum", "Mean", "Where" };
    private static readonly HashSet<string> DataMovementOps = new(StringComparer.Ordinal)
    {
        "Concat", "Split", "Reshape", "Transpose", "Flatten", "Slice", "Gather", "Squeeze", "Unsqueeze", "Identity", "Shape", "Size",
        "Cast", "Constant", "ConstantOfShape", "Dropout", "Expand", "Tile", "Pad", "DepthToSpace", "SpaceToDepth", "Resize", "Upsample",
    };

    public static LayerCategory CategoryOf(string op) => op switch
    {
        "Conv" or "ConvTranspose" => LayerCategory.Conv,
        "Gemm" or "MatMul" => LayerCategory.FC,
        "SoftmaxCrossEntropyLoss" or "NegativeLogLikelihoodLoss" => LayerCategory.Loss,
        "Softmax" or "LogSoftmax" => LayerCategory.Softmax,
        _ when NormOps.Contains(op) => LayerCategory.Norm,
        _ when PoolOps.Contains(op) || GlobalPoolOps.Contains(op) => LayerCategory.Pool,
        _ when ReluOps.Contains(op) => LayerCategory.ReLU,
        _ when ActivationOps.Contains(op) => LayerCategory.Activation,
        _ when ElementwiseOps.Contains(op) => LayerCategory.Elementwise,
        _ when op.StartsWith("Reduce", StringComparison.Ordinal) => LayerCategory.Reduce,
        _ when DataMovementOps.Contains(op) => LayerCategory.DataMovement,
        _ => LayerCategory.Other,
    };

    /// <summary>The features of every node, in the analysis's topological order.</summary>
    public static IReadOnlyList<LayerFeatures> Of(ModelAnalysis analysis)
    {
        var result = new List<LayerFeatures>(analysis.Layers.Count);
        foreach (var layer in analysis.Layers)
        {
            result.Add(Of(analysis, analysis.Graph.Nodes[layer.NodeIndex], layer.ForwardFlops));
        }
        return result;
    }

    private static LayerFeatures Of(ModelAnalysis analysis, GraphNode node, long? perElementFlops)
    {
        var proto = node.Proto;
        TensorDescription? Input(int i) => i < proto.Input.Count && proto.Input[i].Length > 0 ? analysis.Describe(proto.Input[i]) : null;
        var input = Input(0);
        var output = node.Outputs.Count > 0 ? analysis.Describe(node.Outputs[0]) : null;
        var inputBytes = node.DeclaredInputs.Where(i => !analysis.Parameters.IsConstant(i)).Distinct(StringComparer.Ordinal).Sum(i => analysis.Describe(i)?.Bytes ?? 0);
        var outputBytes = node.Outputs.Sum(o => analysis.Describe(o)?.Bytes ?? 0);
        var category = CategoryOf(node.Op);
        var (inC, inPixels) = ChannelsAndPixels(input);
        var (outC, outPixels) = ChannelsAndPixels(output);
        double forward, backward;
        int fh = 0, fw = 0;
        switch (category)
        {
            case LayerCategory.Conv:
            {
                var weight = Input(1);
                var dims = weight?.IsFullyKnown == true ? weight.Dimensions!.Select(d => d!.Value).ToArray() : null;
                var groups = proto.Int("group", 1);
                if (dims is { Length: >= 3 })
                {
                    fh = (int)dims[2];
                    fw = dims.Length > 3 ? (int)dims[3] : 1;
                }
                // The weight's second dimension is C_in/groups for Conv; ConvTranspose stores [C_in, C_out/groups, …].
                var perGroupIn = node.Op == "Conv" ? dims?[1] ?? inC / groups : inC / groups;
                var pixels = node.Op == "Conv" ? outPixels : inPixels;
                var cout = node.Op == "Conv" ? outC : (dims?[1] ?? outC) * groups;
                forward = (double)fh * fw * perGroupIn * cout * pixels;
                backward = (2.0 * fh * fw * perGroupIn + 1) * cout * pixels;
                break;
            }
            case LayerCategory.FC:
            {
                var k = InnerDimension(node, input);
                var rows = outC == 0 ? 0 : (output?.ElementCount ?? 0) / Math.Max(1, outC);
                forward = (double)k * outC * rows;
                backward = 2.0 * k * outC * rows;
                inC = k;
                break;
            }
            case LayerCategory.Loss:
                forward = (4.0 * inC - 1) * inPixels;
                backward = (inC + 1.0) * inPixels;
                break;
            case LayerCategory.Softmax:
                forward = (4.0 * outC - 1) * outPixels;
                backward = (outC + 1.0) * outPixels;
                break;
            case LayerCategory.Norm:
                forward = (5.0 * outC + inC - 2) * outPixels;
                backward = (8.0 * outC + inC - 1) * outPixels;
                break;
            case LayerCategory.Pool:
            {
                if (GlobalPoolOps.Contains(node.Op))
                {
                    var spatial = input?.IsFullyKnown == true ? input.Dimensions!.Skip(2).Select(d => d!.Value).ToArray() : [];
                    fh = spatial.Length > 0 ? (int)spatial[0] : 1;
                    fw = spatial.Length > 1 ? (int)spatial[1] : 1;
                }
                else
                {
                    var kernel = proto.Ints("kernel_shape") ?? [1];
                    fh = (int)kernel[0];
                    fw = kernel.Length > 1 ? (int)kernel[1] : 1;
                }
                forward = (double)fh * fw * outC * outPixels;
                backward = (fh * fw + 1.0) * outC * outPixels;
                break;
            }
            case LayerCategory.ReLU or LayerCategory.Activation:
                forward = 3.0 * outC * outPixels;
                backward = 4.0 * outC * outPixels;
                break;
            case LayerCategory.Elementwise:
            {
                var elements = output?.ElementCount ?? 0;
                forward = backward = Math.Max(1, node.DeclaredInputs.Count() - 1) * (double)elements;
                break;
            }
            case LayerCategory.Reduce:
                forward = backward = input?.ElementCount ?? 0;
                break;
            default:
                forward = backward = node.Outputs.Sum(o => analysis.Describe(o)?.ElementCount ?? 0);
                break;
        }
        return new LayerFeatures(node.Index, node.Name, node.Op, category, forward, backward, perElementFlops, fh, fw, inC, outC, inputBytes, outputBytes);
    }

    /// <summary>Channels (dimension 1 of an NCHW map, else the last dimension) and output pixels (elements / channels).</summary>
    private static (long Channels, long Pixels) ChannelsAndPixels(TensorDescription? tensor)
    {
        if (tensor is not { IsFullyKnown: true } || tensor.Dimensions!.Count == 0) return (0, 0);
        var dims = tensor.Dimensions.Select(d => d!.Value).ToArray();
        var channels = dims.Length > 2 ? dims[1] : dims[^1];
        return channels == 0 ? (0, 0) : (channels, tensor.ElementCount!.Value / channels);
    }

    /// <summary>K of a fully connected layer: the reduced dimension (H_in·W_in·C_in of a flattened map).</summary>
    private static long InnerDimension(GraphNode node, TensorDescription? input)
    {
        if (input is not { IsFullyKnown: true }) return 0;
        var dims = input.Dimensions!.Select(d => d!.Value).ToArray();
        if (node.Op == "Gemm" && node.Proto.Int("transA", 0) != 0) return dims[0];
        return dims[^1];
    }
}
