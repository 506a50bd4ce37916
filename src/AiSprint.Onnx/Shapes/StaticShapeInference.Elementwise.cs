using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Element-wise and broadcasting operators (arithmetic on small integer tensors is folded to values).</summary>
internal sealed partial class StaticShapeInference
{
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
}
