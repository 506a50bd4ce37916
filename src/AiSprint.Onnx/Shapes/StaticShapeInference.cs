using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>
/// Shapes and element types of every tensor from the model alone, for the common operators. Small integer tensors
/// (Shape outputs, Constant shapes, Gather/Add/Mul/Div/Concat/Slice on them) are folded to values, so that dynamic
/// shape arithmetic such as ShuffleNet's Shape→Gather→Add→Div→Mul→Slice still yields static shapes.
/// Operators it does not know leave their outputs unknown; <see cref="RuntimeShapeProbe"/> fills those in.
/// </summary>
internal sealed class StaticShapeInference
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

    private void InferBroadcast(NodeProto node)
    {
        var shapes = Enumerable.Range(0, node.Input.Count).Select(i => Dims(node, i)).ToArray();
        var isComparison = node.OpType is "Equal" or "Less" or "Greater" or "LessOrEqual" or "GreaterOrEqual" or "And" or "Or" or "Xor";
        var type = isComparison ? ElementTypes.Bool : Type(node, node.OpType == "Where" ? 1 : 0);
        if (shapes.Any(s => s is null))
        {
            Set(node, 0, type, null);
            return;
        }
        var rank = shapes.Max(s => s!.Length);
        var result = new long?[rank];
        for (var axis = 0; axis < rank; axis++)
        {
            long? dim = 1;
            foreach (var s in shapes)
            {
                var offset = axis - (rank - s!.Length);
                if (offset < 0) continue;
                var d = s[offset];
                if (d is null) { dim = dim == 1 ? null : dim; continue; }
                if (d != 1) dim = d;
            }
            result[axis] = dim;
        }
        Set(node, 0, type, result, FoldArithmetic(node, result));
    }

    private long[]? FoldArithmetic(NodeProto node, long?[] shape)
    {
        if (node.OpType is not ("Add" or "Sub" or "Mul" or "Div") || shape.Length > 1 || node.Input.Count != 2) return null;
        var (a, b) = (Values(node, 0), Values(node, 1));
        if (a is null || b is null) return null;
        var n = Math.Max(a.Length, b.Length);
        if ((a.Length != 1 && a.Length != n) || (b.Length != 1 && b.Length != n)) return null;
        var result = new long[n];
        for (var i = 0; i < n; i++)
        {
            var (x, y) = (a[a.Length == 1 ? 0 : i], b[b.Length == 1 ? 0 : i]);
            if (node.OpType == "Div" && y == 0) return null;
            result[i] = node.OpType switch { "Add" => x + y, "Sub" => x - y, "Mul" => x * y, _ => x / y };
        }
        return result;
    }

    private void InferConv(NodeProto node)
    {
        var (x, w) = (Dims(node, 0), Dims(node, 1));
        if (x is null || w is null || x.Length < 3 || w.Length != x.Length)
        {
            Set(node, 0, Type(node, 0), null);
            return;
        }
        var spatial = x.Length - 2;
        var kernel = node.Ints("kernel_shape") ?? w.Skip(2).Select(k => k ?? -1).ToArray();
        var output = new long?[x.Length];
        output[0] = x[0];
        output[1] = w[0];
        for (var i = 0; i < spatial; i++)
        {
            output[2 + i] = kernel[i] < 0 ? null : WindowOutput(node, x[2 + i], kernel[i], i, spatial, ceilMode: false);
        }
        Set(node, 0, Type(node, 0), output);
    }

    private void InferPool(NodeProto node)
    {
        var x = Dims(node, 0);
        var kernel = node.Ints("kernel_shape");
        if (x is null || kernel is null || kernel.Length != x.Length - 2)
        {
            Set(node, 0, Type(node, 0), null);
            return;
        }
        var ceil = node.Int("ceil_mode", 0) != 0;
        var output = new long?[x.Length];
        output[0] = x[0];
        output[1] = x[1];
        for (var i = 0; i < kernel.Length; i++) output[2 + i] = WindowOutput(node, x[2 + i], kernel[i], i, kernel.Length, ceil);
        Set(node, 0, Type(node, 0), output);
        Set(node, 1, ElementTypes.Int64, output); // MaxPool's optional Indices
    }

    /// <summary>Output length of a sliding window (Conv/pooling) along one spatial axis, per the ONNX operator spec.</summary>
    private static long? WindowOutput(NodeProto node, long? input, long kernel, int axis, int spatial, bool ceilMode)
    {
        if (input is not { } size) return null;
        var stride = node.Ints("strides") is { Length: > 0 } s ? s[axis] : 1;
        var dilation = node.Ints("dilations") is { Length: > 0 } d ? d[axis] : 1;
        var autoPad = node.String("auto_pad", "NOTSET");
        var effectiveKernel = dilation * (kernel - 1) + 1;
        switch (autoPad)
        {
            case "SAME_UPPER" or "SAME_LOWER":
                return (size + stride - 1) / stride;
            case "VALID":
                return (size - effectiveKernel) / stride + 1;
        }
        var pads = node.Ints("pads") is { Length: > 0 } p ? p : new long[2 * spatial];
        var padded = size + pads[axis] + pads[axis + spatial] - effectiveKernel;
        if (!ceilMode) return padded / stride + 1;
        var output = (padded + stride - 1) / stride + 1;
        // As in PyTorch and ONNX Runtime: the last window must start inside the input or the leading padding.
        if ((output - 1) * stride >= size + pads[axis]) output--;
        return output;
    }

    private void InferFlatten(NodeProto node)
    {
        var x = Dims(node, 0);
        if (x is null) { Set(node, 0, Type(node, 0), null); return; }
        var axis = node.Int("axis", 1);
        if (axis < 0) axis += x.Length;
        Set(node, 0, Type(node, 0), [Product(x.Take((int)axis)), Product(x.Skip((int)axis))]);
    }

    private void InferGemm(NodeProto node)
    {
        var (a, b) = (Dims(node, 0), Dims(node, 1));
        if (a is not { Length: 2 } || b is not { Length: 2 }) { Set(node, 0, Type(node, 0), null); return; }
        var m = node.Int("transA", 0) != 0 ? a[1] : a[0];
        var n = node.Int("transB", 0) != 0 ? b[0] : b[1];
        Set(node, 0, Type(node, 0), [m, n]);
    }

    private void InferMatMul(NodeProto node)
    {
        var (a, b) = (Dims(node, 0), Dims(node, 1));
        if (a is null || b is null || a.Length == 0 || b.Length == 0) { Set(node, 0, Type(node, 0), null); return; }
        var left = a.Length == 1 ? [1, a[0]] : a;
        var right = b.Length == 1 ? [b[0], 1] : b;
        var batchRank = Math.Max(left.Length, right.Length) - 2;
        var output = new List<long?>();
        for (var i = 0; i < batchRank; i++)
        {
            var l = i - (batchRank - (left.Length - 2)) is var li && li >= 0 ? left[li] : 1;
            var r = i - (batchRank - (right.Length - 2)) is var ri && ri >= 0 ? right[ri] : 1;
            output.Add(l == 1 ? r : r == 1 ? l : l ?? r);
        }
        if (a.Length > 1) output.Add(left[^2]);
        if (b.Length > 1) output.Add(right[^1]);
        Set(node, 0, Type(node, 0), [.. output]);
    }

    private void InferConcat(NodeProto node)
    {
        var inputs = Enumerable.Range(0, node.Input.Count).Where(i => HasInput(node, i)).Select(i => Dims(node, i)).ToArray();
        if (inputs.Length == 0 || inputs.Any(s => s is null)) { Set(node, 0, Type(node, 0), null); return; }
        var rank = inputs[0]!.Length;
        var axis = node.Int("axis", 0);
        if (axis < 0) axis += rank;
        var output = inputs[0]!.ToArray();
        output[axis] = inputs.Aggregate((long?)0, (sum, s) => sum + s![axis]);
        long[]? values = null;
        if (rank == 1)
        {
            var parts = Enumerable.Range(0, node.Input.Count).Where(i => HasInput(node, i)).Select(i => Values(node, i)).ToArray();
            if (parts.All(p => p is not null)) values = parts.SelectMany(p => p!).ToArray();
        }
        Set(node, 0, Type(node, 0), output, values);
    }

    private void InferReshape(NodeProto node)
    {
        var x = Dims(node, 0);
        var target = _opset >= 5 ? Values(node, 1) : node.Ints("shape");
        if (target is null) { Set(node, 0, Type(node, 0), null); return; }
        var allowZero = node.Int("allowzero", 0) != 0;
        var output = new long?[target.Length];
        var inferred = -1;
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == 0 && !allowZero) output[i] = x is not null && i < x.Length ? x[i] : null;
            else if (target[i] == -1) inferred = i;
            else output[i] = target[i];
        }
        if (inferred >= 0)
        {
            var total = x is null ? null : Product(x);
            var rest = Product(output.Where((_, i) => i != inferred));
            output[inferred] = total is { } t && rest is { } r && r != 0 ? t / r : null;
        }
        Set(node, 0, Type(node, 0), output, Values(node, 0));
    }

    private void InferTranspose(NodeProto node)
    {
        var x = Dims(node, 0);
        if (x is null) { Set(node, 0, Type(node, 0), null); return; }
        var perm = node.Ints("perm") ?? Enumerable.Range(0, x.Length).Reverse().Select(i => (long)i).ToArray();
        Set(node, 0, Type(node, 0), perm.Select(p => x[p]).ToArray());
    }

    private void InferShapeOp(NodeProto node)
    {
        var x = Dims(node, 0);
        if (x is null) { Set(node, 0, ElementTypes.Int64, null); return; }
        var start = node.Int("start", 0);
        var end = node.Int("end", x.Length);
        start = Math.Clamp(start < 0 ? start + x.Length : start, 0, x.Length);
        end = Math.Clamp(end < 0 ? end + x.Length : end, 0, x.Length);
        var slice = x.Skip((int)start).Take((int)Math.Max(0, end - start)).ToArray();
        Set(node, 0, ElementTypes.Int64, [slice.Length], IsComplete(slice) ? slice.Select(d => d!.Value).ToArray() : null);
    }

    private void InferGather(NodeProto node)
    {
        var (data, indices) = (Dims(node, 0), Dims(node, 1));
        if (data is null || indices is null) { Set(node, 0, Type(node, 0), null); return; }
        var axis = node.Int("axis", 0);
        if (axis < 0) axis += data.Length;
        long?[] output = [.. data.Take((int)axis), .. indices, .. data.Skip((int)axis + 1)];
        long[]? values = null;
        if (data.Length == 1 && Values(node, 0) is { } d && Values(node, 1) is { } idx)
        {
            values = idx.Select(i => i < 0 ? i + d.Length : i).All(i => i >= 0 && i < d.Length) ? idx.Select(i => d[i < 0 ? i + d.Length : i]).ToArray() : null;
        }
        Set(node, 0, Type(node, 0), output, values);
    }

    private void InferSlice(NodeProto node)
    {
        var x = Dims(node, 0);
        long[]? starts, ends, axes, steps;
        if (_opset >= 10)
        {
            (starts, ends) = (Values(node, 1), Values(node, 2));
            axes = HasInput(node, 3) ? Values(node, 3) : null;
            steps = HasInput(node, 4) ? Values(node, 4) : null;
            if ((HasInput(node, 3) && axes is null) || (HasInput(node, 4) && steps is null)) starts = null;
        }
        else
        {
            (starts, ends, axes, steps) = (node.Ints("starts"), node.Ints("ends"), node.Ints("axes"), null);
        }
        if (x is null || starts is null || ends is null) { Set(node, 0, Type(node, 0), null); return; }
        axes ??= Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        steps ??= Enumerable.Repeat(1L, starts.Length).ToArray();
        var output = x.ToArray();
        var ranges = new List<(int Axis, long Start, long Step, long Count)>();
        for (var i = 0; i < axes.Length; i++)
        {
            var axis = (int)(axes[i] < 0 ? axes[i] + x.Length : axes[i]);
            if (x[axis] is not { } dim) { output[axis] = null; continue; }
            var (start, end, step) = (starts[i], ends[i], steps[i]);
            if (step == 0) { Set(node, 0, Type(node, 0), null); return; }
            if (start < 0) start += dim;
            if (end < 0) end += dim;
            long count;
            if (step > 0)
            {
                start = Math.Clamp(start, 0, dim);
                end = Math.Clamp(end, 0, dim);
                count = Math.Max(0, (end - start + step - 1) / step);
            }
            else
            {
                start = Math.Clamp(start, 0, dim - 1);
                end = Math.Clamp(end, -1, dim - 1);
                count = Math.Max(0, (start - end + (-step) - 1) / -step);
            }
            output[axis] = count;
            ranges.Add((axis, start, step, count));
        }
        long[]? values = null;
        if (x.Length == 1 && Values(node, 0) is { } data && ranges.Count == 1)
        {
            var r = ranges[0];
            values = Enumerable.Range(0, (int)r.Count).Select(k => data[r.Start + k * r.Step]).ToArray();
        }
        Set(node, 0, Type(node, 0), output, values);
    }

    private long[]? AxesOf(NodeProto node) => _opset >= 13 ? (HasInput(node, 1) ? Values(node, 1) : null) : node.Ints("axes");

    private void InferUnsqueeze(NodeProto node)
    {
        var (x, axes) = (Dims(node, 0), AxesOf(node));
        if (x is null || axes is null) { Set(node, 0, Type(node, 0), null); return; }
        var rank = x.Length + axes.Length;
        var normalized = axes.Select(a => a < 0 ? a + rank : a).ToHashSet();
        var output = new long?[rank];
        var next = 0;
        for (var i = 0; i < rank; i++) output[i] = normalized.Contains(i) ? 1 : x[next++];
        Set(node, 0, Type(node, 0), output, Values(node, 0));
    }

    private void InferSqueeze(NodeProto node)
    {
        var x = Dims(node, 0);
        if (x is null) { Set(node, 0, Type(node, 0), null); return; }
        var axes = AxesOf(node);
        if (axes is null && HasInput(node, 1) && _opset >= 13) { Set(node, 0, Type(node, 0), null); return; }
        if (axes is null && x.Any(d => d is null)) { Set(node, 0, Type(node, 0), null); return; }
        var removed = axes is null
            ? Enumerable.Range(0, x.Length).Where(i => x[i] == 1).ToHashSet()
            : axes.Select(a => (int)(a < 0 ? a + x.Length : a)).ToHashSet();
        Set(node, 0, Type(node, 0), x.Where((_, i) => !removed.Contains(i)).ToArray(), Values(node, 0));
    }

    private void InferReduce(NodeProto node)
    {
        var x = Dims(node, 0);
        if (x is null) { Set(node, 0, Type(node, 0), null); return; }
        var axesFromInput = node.OpType == "ReduceSum" ? _opset >= 13 : _opset >= 18;
        var axes = axesFromInput ? (HasInput(node, 1) ? Values(node, 1) : []) : node.Ints("axes") ?? [];
        if (axes is null) { Set(node, 0, Type(node, 0), null); return; }
        var reduced = axes.Length == 0
            ? Enumerable.Range(0, x.Length).ToHashSet()
            : axes.Select(a => (int)(a < 0 ? a + x.Length : a)).ToHashSet();
        var keep = node.Int("keepdims", 1) != 0;
        var output = Enumerable.Range(0, x.Length).Where(i => keep || !reduced.Contains(i)).Select(i => reduced.Contains(i) ? 1 : x[i]).ToArray();
        Set(node, 0, Type(node, 0), output);
    }

    private void InferConstant(NodeProto node)
    {
        foreach (var attribute in node.Attribute)
        {
            switch (attribute.Name)
            {
                case "value" when attribute.T is { } t:
                    Set(node, 0, t.DataType, t.Dims.Select(d => (long?)d).ToArray(), TensorData.ReadIntegers(t));
                    return;
                case "value_float":
                    Set(node, 0, ElementTypes.Float, []);
                    return;
                case "value_floats":
                    Set(node, 0, ElementTypes.Float, [attribute.Floats.Count]);
                    return;
                case "value_int":
                    Set(node, 0, ElementTypes.Int64, [], [attribute.I]);
                    return;
                case "value_ints":
                    Set(node, 0, ElementTypes.Int64, [attribute.Ints.Count], [.. attribute.Ints]);
                    return;
            }
        }
    }

    private static long? Product(IEnumerable<long?> dims) => dims.Aggregate((long?)1, (a, d) => a * d);
}
