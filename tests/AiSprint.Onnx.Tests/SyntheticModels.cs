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

internal static class ControlFlowModels
{
    private static ValueInfoProto Float(string name) => new()
    {
        Name = name,
        Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = new TensorShapeProto { Dim = { new TensorShapeProto.Types.Dimension { DimValue = 1 }, new TensorShapeProto.Types.Dimension { DimValue = 4 } } } } },
    };

    /// <summary>
    /// x → Relu t0 → Relu t1 → If(then: Identity(t0), else: Identity(t1)) y1 → Relu y. The then-branch reads t0 from
    /// the outer scope, so t1 does not separate the graph although no declared input says so.
    /// </summary>
    public static ModelProto IfReadingAnOuterTensor()
    {
        var thenBranch = new GraphProto { Name = "then", Node = { new NodeProto { OpType = "Identity", Input = { "t0" }, Output = { "then_out" } } }, Output = { Float("then_out") } };
        var elseBranch = new GraphProto { Name = "else", Node = { new NodeProto { OpType = "Identity", Input = { "t1" }, Output = { "else_out" } } }, Output = { Float("else_out") } };
        var graph = new GraphProto
        {
            Name = "if_model",
            Input = { Float("x") },
            Initializer = { new TensorProto { Name = "cond", DataType = 9, RawData = Google.Protobuf.ByteString.CopyFrom([1]) } },
            Node =
            {
                new NodeProto { OpType = "Relu", Name = "r0", Input = { "x" }, Output = { "t0" } },
                new NodeProto { OpType = "Relu", Name = "r1", Input = { "t0" }, Output = { "t1" } },
                new NodeProto
                {
                    OpType = "If", Name = "branch", Input = { "cond" }, Output = { "y1" },
                    Attribute =
                    {
                        new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = thenBranch },
                        new AttributeProto { Name = "else_branch", Type = AttributeProto.Types.AttributeType.Graph, G = elseBranch },
                    },
                },
                new NodeProto { OpType = "Relu", Name = "r2", Input = { "y1" }, Output = { "y" } },
            },
            Output = { Float("y") },
        };
        return new ModelProto { IrVersion = 8, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } } };
    }
}
