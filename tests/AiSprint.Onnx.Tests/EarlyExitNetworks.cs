using System.Runtime.InteropServices;
using AiSprint.Model;
using AiSprint.Model.Formats.Design;
using AiSprint.Onnx.Protobuf;
using Google.Protobuf;

namespace AiSprint.Onnx.Tests;

/// <summary>
/// Small early-exit CNNs built with the project's ONNX types and seeded random weights: a backbone of three
/// conv + relu stages on a [1, 3, 16, 16] image, a classifier head (global average pool, flatten, fc to 4 logits)
/// after stage 1 and stage 2, and the final classifier. Every head is a model output, as in the Studio's models.
/// </summary>
internal static class EarlyExitNetworks
{
    public const string Input = "image";
    public const string Attach1 = "stage1";
    public const string Attach2 = "stage2";
    public const string Head1 = "exit1_logits";
    public const string Head2 = "exit2_logits";
    public const string Final = "logits";
    public const string Offset = "offset";

    /// <summary>
    /// The network with both heads; <paramref name="skipAcrossExit2"/> makes the final classifier also read stage 1's
    /// pooled features (a connection across exit 2, which therefore does not separate the network);
    /// <paramref name="offsetInput"/> gives the network a second input, <see cref="Offset"/> (int64, [1, 3, 16, 16]),
    /// cast to float and added to the image before the first convolution.
    /// </summary>
    public static ModelProto TwoExits(int seed = 7, bool skipAcrossExit2 = false, bool offsetInput = false)
    {
        var b = new Builder(seed);
        var first = Input;
        if (offsetInput)
        {
            b.AddInput(Offset, elementType: 7, 1, 3, 16, 16);
            b.Node("Cast", "offset_cast", [Offset], "offset_float", ("to", 1));
            b.Node("Add", "offset_add", [Input, "offset_float"], "shifted");
            first = "shifted";
        }
        b.Conv(first, "conv1", 3, 8, stride: 1, output: "conv1_out");
        b.Node("Relu", "relu1", ["conv1_out"], Attach1);
        b.Head("head1", Attach1, 8, Head1);
        b.Conv(Attach1, "conv2", 8, 16, stride: 2, output: "conv2_out");
        b.Node("Relu", "relu2", ["conv2_out"], Attach2);
        b.Head("head2", Attach2, 16, Head2);
        b.Conv(Attach2, "conv3", 16, 16, stride: 2, output: "conv3_out");
        b.Node("Relu", "relu3", ["conv3_out"], "stage3");
        b.Node("GlobalAveragePool", "final_gap", ["stage3"], "final_pooled");
        b.Node("Flatten", "final_flatten", ["final_pooled"], "final_features", ("axis", 1));
        var features = "final_features";
        long width = 16;
        if (skipAcrossExit2)
        {
            b.Node("GlobalAveragePool", "skip_gap", [Attach1], "skip_pooled");
            b.Node("Flatten", "skip_flatten", ["skip_pooled"], "skip_features", ("axis", 1));
            b.Node("Concat", "skip_concat", ["final_features", "skip_features"], "joined_features", ("axis", 1));
            features = "joined_features";
            width = 24;
        }
        b.Gemm("final_fc", features, width, Final);
        return b.Build([Head1, Head2, Final]);
    }

    public static IReadOnlyList<EarlyExit> Exits(string file, params (string Attach, string Head)[] rows) =>
        EarlyExitsFile.Parse(EarlyExitsFile.Write(rows.Select((r, i) => new EarlyExit(i + 1, ValueList.Of(r.Attach), ValueList.Of(r.Head), default, default))), file).GetValueOrThrow();

    public static float[] Image(int seed = 3)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * 16 * 16).Select(_ => (float)random.NextDouble()).ToArray();
    }

    private sealed class Builder(int seed)
    {
        private readonly GraphProto _graph = new() { Name = "early_exit_cnn", Input = { Float(Input, 1, 3, 16, 16) } };
        private readonly Random _random = new(seed);

        public void AddInput(string name, int elementType, params long[] dims)
        {
            var input = Float(name, dims);
            input.Type.TensorType.ElemType = elementType;
            _graph.Input.Add(input);
        }

        public void Conv(string input, string name, long inChannels, long outChannels, long stride, string output)
        {
            Weight($"{name}.weight", outChannels, inChannels, 3, 3);
            Weight($"{name}.bias", outChannels);
            Node("Conv", name, [input, $"{name}.weight", $"{name}.bias"], output, ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { stride, stride }), ("pads", new long[] { 1, 1, 1, 1 }));
        }

        public void Head(string name, string input, long channels, string output)
        {
            Node("GlobalAveragePool", $"{name}_gap", [input], $"{name}_pooled");
            Node("Flatten", $"{name}_flatten", [$"{name}_pooled"], $"{name}_features", ("axis", 1));
            Gemm($"{name}_fc", $"{name}_features", channels, output);
        }

        public void Gemm(string name, string input, long inFeatures, string output)
        {
            Weight($"{name}.weight", 4, inFeatures);
            Weight($"{name}.bias", 4);
            Node("Gemm", name, [input, $"{name}.weight", $"{name}.bias"], output, ("transB", 1));
        }

        public void Node(string op, string name, string[] inputs, string output, params (string Name, object Value)[] attributes)
        {
            var node = new NodeProto { OpType = op, Name = name, Output = { output } };
            node.Input.AddRange(inputs);
            foreach (var (key, value) in attributes)
            {
                node.Attribute.Add(value switch
                {
                    int i => new AttributeProto { Name = key, Type = AttributeProto.Types.AttributeType.Int, I = i },
                    long[] ints => new AttributeProto { Name = key, Type = AttributeProto.Types.AttributeType.Ints, Ints = { ints } },
                    _ => throw new ArgumentException(key),
                });
            }
            _graph.Node.Add(node);
        }

        public ModelProto Build(string[] outputs)
        {
            foreach (var o in outputs) _graph.Output.Add(Float(o, 1, 4));
            return new ModelProto { IrVersion = 8, ProducerName = "AiSprint.Onnx.Tests", Graph = _graph, OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } } };
        }

        private void Weight(string name, params long[] dims)
        {
            var count = dims.Aggregate(1L, (a, d) => a * d);
            var scale = (float)Math.Sqrt(2.0 / Math.Max(1, count / dims[0]));
            var values = Enumerable.Range(0, (int)count).Select(_ => ((float)_random.NextDouble() * 2 - 1) * scale).ToArray();
            _graph.Initializer.Add(new TensorProto { Name = name, DataType = 1, Dims = { dims }, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) });
        }

        private static ValueInfoProto Float(string name, params long[] dims)
        {
            var shape = new TensorShapeProto();
            foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
            return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
        }
    }
}
