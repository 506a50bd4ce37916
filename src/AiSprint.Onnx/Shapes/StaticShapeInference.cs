using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>
/// Shapes and element types of every tensor from the model alone, for the common operators. Small integer tensors
/// (Shape outputs, Constant shapes, Gather/Add/Mul/Div/Concat/Slice on them) are folded to values, so that dynamic
/// shape arithmetic such as ShuffleNet's Shape→Gather→Add→Div→Mul→Slice still yields static shapes.
/// Operators it does not know leave their outputs unknown; <see cref="RuntimeShapeProbe"/> fills those in.
/// </summary>
internal sealed partial class StaticShapeInference
{
    private readonly ComputationGraph _graph;
    private readonly long _opset;
    private readonly Dictionary<string, (int Type, long?[]? Dims)> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> _values = new(StringComparer.Ordinal);

    private StaticShapeInference(ComputationGraph graph)
    {
        _graph = graph;
        _opset = graph.Model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(1).Max();
    }

    /// <summary>Infers every tensor of the main graph. <paramref name="inputShapes"/> fixes dynamic input dimensions.</summary>
    public static Dictionary<string, TensorDescription> Run(ComputationGraph graph, IReadOnlyDictionary<string, long[]>? inputShapes)
    {
        var inference = new StaticShapeInference(graph);
        return inference.InferAll(inputShapes ?? new Dictionary<string, long[]>());
    }

    private Dictionary<string, TensorDescription> InferAll(IReadOnlyDictionary<string, long[]> inputShapes)
    {
        var result = new Dictionary<string, TensorDescription>(StringComparer.Ordinal);
        var g = _graph.Model.Graph;
        foreach (var initializer in g.Initializer)
        {
            _known[initializer.Name] = (initializer.DataType, initializer.Dims.Select(d => (long?)d).ToArray());
            if (TensorData.ReadIntegers(initializer) is { } v) _values[initializer.Name] = v;
            result[initializer.Name] = Describe(initializer.Name, ShapeSource.Declared);
        }
        foreach (var input in g.Input.Where(i => !_graph.Initializers.Contains(i.Name)))
        {
            var declared = FromValueInfo(input);
            if (inputShapes.TryGetValue(input.Name, out var fixedDims))
            {
                if (declared.Dims is { } d && d.Length != fixedDims.Length)
                {
                    throw new ArgumentException($"Input '{input.Name}' has rank {d.Length}; the given shape [{string.Join(",", fixedDims)}] has rank {fixedDims.Length}.");
                }
                declared = (declared.Type, fixedDims.Select(x => (long?)x).ToArray());
            }
            _known[input.Name] = declared;
            result[input.Name] = Describe(input.Name, declared.Dims is null ? ShapeSource.Unknown : ShapeSource.Declared);
        }
        var declaredInfo = g.ValueInfo.Concat(g.Output).GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(x => x.Key, x => FromValueInfo(x.First()), StringComparer.Ordinal);
        foreach (var index in _graph.TopologicalOrder)
        {
            var node = _graph.Nodes[index];
            if (node.Proto.Domain is "" or "ai.onnx")
            {
                InferNode(node.Proto);
            }
            foreach (var output in node.Outputs)
            {
                var source = ShapeSource.Inferred;
                var known = _known.TryGetValue(output, out var k) ? k : (0, null);
                if (!IsComplete(known.Dims) && declaredInfo.TryGetValue(output, out var declared) && IsComplete(declared.Dims) && !inputShapes.Any())
                {
                    // The file's own value_info is trusted only when no input was re-shaped, since it describes the stored shapes.
                    known = (known.Type != 0 ? known.Type : declared.Type, declared.Dims);
                    _known[output] = known;
                    source = ShapeSource.Declared;
                }
                else if (known.Type == 0 && declaredInfo.TryGetValue(output, out var typed))
                {
                    _known[output] = known = (typed.Type, known.Dims);
                }
                result[output] = Describe(output, IsComplete(known.Dims) ? source : ShapeSource.Unknown);
            }
        }
        return result;
    }

    private TensorDescription Describe(string name, ShapeSource source)
    {
        var (type, dims) = _known.TryGetValue(name, out var k) ? k : (0, null);
        return new TensorDescription(name, ElementTypes.Name(type), dims, source) { ElementTypeCode = type };
    }

    private static (int Type, long?[]? Dims) FromValueInfo(ValueInfoProto info)
    {
        var tensorType = info.Type?.TensorType;
        if (tensorType is null) return (0, null);
        if (tensorType.Shape is null) return (tensorType.ElemType, null);
        return (tensorType.ElemType, tensorType.Shape.Dim.Select(d => d.HasDimValue ? (long?)d.DimValue : null).ToArray());
    }

    private static bool IsComplete(long?[]? dims) => dims is not null && dims.All(d => d is not null);

    private long?[]? Dims(NodeProto node, int input) => input < node.Input.Count && node.Input[input].Length > 0 && _known.TryGetValue(node.Input[input], out var k) ? k.Dims : null;

    private int Type(NodeProto node, int input) => input < node.Input.Count && _known.TryGetValue(node.Input[input], out var k) ? k.Type : 0;

    private long[]? Values(NodeProto node, int input) => input < node.Input.Count && node.Input[input].Length > 0 && _values.TryGetValue(node.Input[input], out var v) ? v : null;

    private bool HasInput(NodeProto node, int input) => input < node.Input.Count && node.Input[input].Length > 0;

    private void Set(NodeProto node, int output, int type, long?[]? dims, long[]? values = null)
    {
        if (output >= node.Output.Count || node.Output[output].Length == 0) return;
        _known[node.Output[output]] = (type, dims);
        if (values is not null) _values[node.Output[output]] = values;
    }

    private void InferNode(NodeProto node)
    {
        switch (node.OpType)
        {
            case "Identity":
                Set(node, 0, Type(node, 0), Dims(node, 0), Values(node, 0));
                break;
            case "Relu" or "LeakyRelu" or "Sigmoid" or "HardSigmoid" or "HardSwish" or "Tanh" or "Clip" or "Elu" or "Selu" or "Softplus"
                or "Softsign" or "Erf" or "Exp" or "Log" or "Neg" or "Abs" or "Sqrt" or "Reciprocal" or "Floor" or "Ceil" or "Round"
                or "Softmax" or "LogSoftmax" or "Dropout" or "BatchNormalization" or "LRN" or "InstanceNormalization"
                or "LayerNormalization" or "Gelu" or "Mish" or "PRelu" or "Sign" or "Not":
                Set(node, 0, Type(node, 0), Dims(node, 0));
                break;
            case "Cast":
                Set(node, 0, (int)node.Int("to", 0), Dims(node, 0), Values(node, 0));
                break;
            case "Add" or "Sub" or "Mul" or "Div" or "Pow" or "Max" or "Min" or "Sum" or "Mean" or "Mod"
                or "And" or "Or" or "Xor" or "Equal" or "Less" or "Greater" or "LessOrEqual" or "GreaterOrEqual" or "Where":
                InferBroadcast(node);
                break;
            case "Conv":
                InferConv(node);
                break;
            case "MaxPool" or "AveragePool" or "LpPool":
                InferPool(node);
                break;
            case "GlobalAveragePool" or "GlobalMaxPool" or "GlobalLpPool":
                if (Dims(node, 0) is { Length: >= 2 } g)
                {
                    Set(node, 0, Type(node, 0), [g[0], g[1], .. Enumerable.Repeat((long?)1, g.Length - 2)]);
                }
                break;
            case "Flatten":
                InferFlatten(node);
                break;
            case "Gemm":
                InferGemm(node);
                break;
            case "MatMul":
                InferMatMul(node);
                break;
            case "Concat":
                InferConcat(node);
                break;
            case "Reshape":
                InferReshape(node);
                break;
            case "Transpose":
                InferTranspose(node);
                break;
            case "Shape":
                InferShapeOp(node);
                break;
            case "Gather":
                InferGather(node);
                break;
            case "Slice":
                InferSlice(node);
                break;
            case "Unsqueeze":
                InferUnsqueeze(node);
                break;
            case "Squeeze":
                InferSqueeze(node);
                break;
            case "ReduceMean" or "ReduceSum" or "ReduceMax" or "ReduceMin" or "ReduceProd" or "ReduceL1" or "ReduceL2" or "ReduceSumSquare" or "ReduceLogSumExp":
                InferReduce(node);
                break;
            case "Constant":
                InferConstant(node);
                break;
            case "ConstantOfShape":
                if (Values(node, 0) is { } shape)
                {
                    var valueType = node.Find("value")?.T is { } t ? t.DataType : ElementTypes.Float;
                    Set(node, 0, valueType, shape.Select(d => (long?)d).ToArray());
                }
                break;
        }
    }

    private static long? Product(IEnumerable<long?> dims) => dims.Aggregate((long?)1, (a, d) => a * d);
}
