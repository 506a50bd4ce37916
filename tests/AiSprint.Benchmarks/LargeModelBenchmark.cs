using System.Diagnostics;
using System.Globalization;
using AiSprint.Onnx;
using AiSprint.Onnx.Protobuf;
using Google.Protobuf;

namespace AiSprint.Benchmarks;

/// <summary>
/// Analysis alone (read, shapes, FLOPs, cut points, no runtime probe needed) on a synthetic model of about 100 MB:
/// a chain of MatMul + Add + Relu blocks with 2048x2048 float weights (16 MiB each), written to a temporary file.
/// </summary>
internal static class LargeModelBenchmark
{
    private const int Width = 2048;
    private const int Blocks = 6;

    public static void Run(int repetitions)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aisprint-bench-{Environment.ProcessId}.onnx");
        try
        {
            File.WriteAllBytes(path, Build().ToByteArray());
            var bytes = new FileInfo(path).Length;
            var best = double.MaxValue;
            ModelAnalysis? analysis = null;
            for (var i = 0; i < repetitions; i++)
            {
                var clock = Stopwatch.StartNew();
                analysis = OnnxModelAnalyzer.Analyze(path);
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| synthetic MatMul chain | {bytes / 1e6:F1} MB | {analysis!.NodeCount} nodes | {analysis.CutPoints.Count} cuts | {analysis.TotalForwardFlops / 1e9:F2} GFLOPs | analysis {best:F0} ms |"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ModelProto Build()
    {
        var random = new Random(0);
        var graph = new GraphProto { Name = "large_chain" };
        graph.Input.Add(Float("x", 1, Width));
        var previous = "x";
        for (var b = 0; b < Blocks; b++)
        {
            var weight = new byte[Width * Width * 4];
            random.NextBytes(weight);
            for (var i = 3; i < weight.Length; i += 4) weight[i] = 0x3c; // keep the floats small and finite
            graph.Initializer.Add(new TensorProto { Name = $"w{b}", DataType = 1, Dims = { Width, Width }, RawData = UnsafeByteOperations.UnsafeWrap(weight) });
            graph.Initializer.Add(new TensorProto { Name = $"b{b}", DataType = 1, Dims = { Width }, RawData = ByteString.CopyFrom(new byte[Width * 4]) });
            graph.Node.Add(new NodeProto { OpType = "MatMul", Name = $"matmul{b}", Input = { previous, $"w{b}" }, Output = { $"m{b}" } });
            graph.Node.Add(new NodeProto { OpType = "Add", Name = $"add{b}", Input = { $"m{b}", $"b{b}" }, Output = { $"a{b}" } });
            var output = b == Blocks - 1 ? "y" : $"r{b}";
            graph.Node.Add(new NodeProto { OpType = "Relu", Name = $"relu{b}", Input = { $"a{b}" }, Output = { output } });
            previous = output;
        }
        graph.Output.Add(Float("y", 1, Width));
        return new ModelProto { IrVersion = 8, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } } };
    }

    private static ValueInfoProto Float(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }
}
