using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Operators that rearrange or select from a tensor: Concat, Reshape, Transpose, Shape, Gather, Slice, (Un)squeeze.</summary>
internal sealed partial class StaticShapeInference
{
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
}
