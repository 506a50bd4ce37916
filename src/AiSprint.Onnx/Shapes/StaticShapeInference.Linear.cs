using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Flatten, Gemm and MatMul.</summary>
internal sealed partial class StaticShapeInference
{
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
}
