using AiSprint.Onnx.Protobuf;
using Google.Protobuf;

namespace AiSprint.Onnx.Tests;

/// <summary>Small hand-built models for the paths the five reference models do not exercise.</summary>
internal static class SyntheticModels
{
    private static ValueInfoProto Float(string name, params long[] dims) => new()
    {
        Name = name,
        Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = Shape(dims) } },
    };

    private static TensorShapeProto Shape(long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return shape;
    }

    /// <summary>x [1,4] → Add(w) → Relu → Relu... : n nodes, every intermediate a cut.</summary>
    public static ModelProto Chain(int nodes)
    {
        var graph = new GraphProto { Name = "chain" };
        graph.Input.Add(Float("x", 1, 4));
        graph.Initializer.Add(new TensorProto { Name = "w", DataType = 1, Dims = { 1, 4 }, RawData = ByteString.CopyFrom(new byte[] { 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64 }) });
        var previous = "x";
        for (var i = 0; i < nodes; i++)
        {
            var output = i == nodes - 1 ? "y" : $"t{i}";
            var node = i == 0
                ? new NodeProto { OpType = "Add", Name = "add", Input = { previous, "w" }, Output = { output } }
                : new NodeProto { OpType = "Relu", Name = $"relu{i}", Input = { previous }, Output = { output } };
            graph.Node.Add(node);
            previous = output;
        }
        graph.Output.Add(Float("y", 1, 4));
        return new ModelProto { IrVersion = 8, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } } };
    }
}
