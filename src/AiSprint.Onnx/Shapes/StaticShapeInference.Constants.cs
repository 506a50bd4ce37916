using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Constant nodes, whose values are folded when they are small integer tensors.</summary>
internal sealed partial class StaticShapeInference
{
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
}
