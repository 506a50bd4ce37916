using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Reduce* operators over axes, with keepdims.</summary>
internal sealed partial class StaticShapeInference
{
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
}
