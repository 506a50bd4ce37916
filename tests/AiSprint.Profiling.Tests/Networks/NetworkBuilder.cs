using System.Runtime.InteropServices;
using AiSprint.Onnx.Protobuf;
using Google.Protobuf;

namespace AiSprint.Profiling.Tests.Networks;

/// <summary>
/// Builds NCHW float32 networks layer by layer with the project's own ONNX types and seeded random weights (timing does
/// not depend on the values). Shapes are tracked so that each layer knows its input; the benchmark builds VGG16/VGG19
/// with it, the tests small networks.
/// </summary>
internal sealed class NetworkBuilder
{
    private readonly GraphProto _graph;
    private readonly Random _random;
    private string _current;
    private long[] _shape;
    private int _counter;

    public NetworkBuilder(string name, long channels, long height, long width, int seed = 0)
    {
        _graph = new GraphProto { Name = name };
        _random = new Random(seed);
        _current = "input";
        _shape = [1, channels, height, width];
        _graph.Input.Add(Float("input", _shape));
    }

    public string Current => _current;

    public IReadOnlyList<long> Shape => _shape;

    public NetworkBuilder Conv(long outChannels, long kernel, long stride = 1, long pad = -1, long groups = 1, string? name = null)
    {
        if (pad < 0) pad = kernel / 2;
        var n = name ?? Name("conv");
        var cin = _shape[1];
        AddWeight($"{n}.weight", [outChannels, cin / groups, kernel, kernel]);
        AddWeight($"{n}.bias", [outChannels]);
        var output = Next(n);
        _graph.Node.Add(new NodeProto
        {
            OpType = "Conv", Name = n, Input = { _current, $"{n}.weight", $"{n}.bias" }, Output = { output },
            Attribute = { Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), Ints("pads", pad, pad, pad, pad), Ints("dilations", 1, 1), Int("group", groups) },
        });
        _current = output;
        _shape = [1, outChannels, (_shape[2] + 2 * pad - kernel) / stride + 1, (_shape[3] + 2 * pad - kernel) / stride + 1];
        return this;
    }

    public NetworkBuilder Relu() => Unary("Relu");

    public NetworkBuilder Unary(string op)
    {
        var n = Name(op.ToLowerInvariant());
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = op, Name = n, Input = { _current }, Output = { output } });
        _current = output;
        return this;
    }

    public NetworkBuilder BatchNorm()
    {
        var n = Name("bn");
        var c = _shape[1];
        foreach (var p in new[] { "scale", "B", "mean" }) AddWeight($"{n}.{p}", [c]);
        AddConstant($"{n}.var", [c], 1f);
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = "BatchNormalization", Name = n, Input = { _current, $"{n}.scale", $"{n}.B", $"{n}.mean", $"{n}.var" }, Output = { output } });
        _current = output;
        return this;
    }

    public NetworkBuilder MaxPool(long kernel = 2, long stride = 2)
    {
        var n = Name("pool");
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = "MaxPool", Name = n, Input = { _current }, Output = { output }, Attribute = { Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride) } });
        _current = output;
        _shape = [1, _shape[1], (_shape[2] - kernel) / stride + 1, (_shape[3] - kernel) / stride + 1];
        return this;
    }

    public NetworkBuilder GlobalAveragePool()
    {
        var n = Name("gap");
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = "GlobalAveragePool", Name = n, Input = { _current }, Output = { output } });
        _current = output;
        _shape = [1, _shape[1], 1, 1];
        return this;
    }

    public NetworkBuilder Flatten()
    {
        var n = Name("flatten");
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = "Flatten", Name = n, Input = { _current }, Output = { output }, Attribute = { Int("axis", 1) } });
        _current = output;
        _shape = [1, _shape.Skip(1).Aggregate(1L, (a, d) => a * d)];
        return this;
    }

    public NetworkBuilder Gemm(long outFeatures)
    {
        var n = Name("fc");
        AddWeight($"{n}.weight", [outFeatures, _shape[1]]);
        AddWeight($"{n}.bias", [outFeatures]);
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = "Gemm", Name = n, Input = { _current, $"{n}.weight", $"{n}.bias" }, Output = { output }, Attribute = { Int("transB", 1) } });
        _current = output;
        _shape = [1, outFeatures];
        return this;
    }

    public NetworkBuilder Softmax()
    {
        var n = Name("softmax");
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = "Softmax", Name = n, Input = { _current }, Output = { output }, Attribute = { Int("axis", 1) } });
        _current = output;
        return this;
    }

    /// <summary>Adds the current tensor and <paramref name="other"/> (a residual connection).</summary>
    public NetworkBuilder Add(string other)
    {
        var n = Name("add");
        var output = Next(n);
        _graph.Node.Add(new NodeProto { OpType = "Add", Name = n, Input = { _current, other }, Output = { output } });
        _current = output;
        return this;
    }

    public ModelProto Build()
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "AiSprint.Profiling.Tests", Graph = _graph.Clone(), OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } } };
        model.Graph.Node[^1].Output[0] = "output";
        foreach (var node in model.Graph.Node) ReplaceInput(node, _current, "output");
        model.Graph.Output.Add(Float("output", _shape));
        return model;
    }

    public void Save(string path) => File.WriteAllBytes(path, Build().ToByteArray());

    private static void ReplaceInput(NodeProto node, string from, string to)
    {
        for (var i = 0; i < node.Input.Count; i++) if (node.Input[i] == from) node.Input[i] = to;
    }

    private string Name(string prefix) => $"{prefix}{_counter++}";

    private static string Next(string node) => node + "_out";

    private void AddWeight(string name, long[] dims)
    {
        var count = dims.Aggregate(1L, (a, d) => a * d);
        var values = new float[count];
        // Kaiming-like scale keeps activations finite through deep stacks.
        var scale = (float)Math.Sqrt(2.0 / Math.Max(1, count / dims[0]));
        for (var i = 0; i < values.Length; i++) values[i] = ((float)_random.NextDouble() * 2 - 1) * scale;
        var tensor = new TensorProto { Name = name, DataType = 1, RawData = UnsafeByteOperations.UnsafeWrap(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
    }

    private void AddConstant(string name, long[] dims, float value)
    {
        var values = Enumerable.Repeat(value, (int)dims.Aggregate(1L, (a, d) => a * d)).ToArray();
        var tensor = new TensorProto { Name = name, DataType = 1, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
    }

    private static ValueInfoProto Float(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };
}
