using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Verification;
using Google.Protobuf;

namespace AiSprint.Onnx.Tests;

public sealed class ControlFlowTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-onnx-if-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_subgraph_reading_an_outer_tensor_keeps_the_cut_off_its_range_and_the_partitions_still_run()
    {
        var path = Path.Combine(_directory, "if.onnx");
        File.WriteAllBytes(path, ControlFlowModels.IfReadingAnOuterTensor().ToByteArray());

        var analysis = OnnxModelAnalyzer.Analyze(path);

        Assert.Equal(["t0", "y1"], analysis.CutPoints.Select(c => c.Tensor));
        Assert.Equal<long?>([1, 4], analysis.Tensors["y1"].Dimensions); // If is not inferred statically: ONNX Runtime measured it
        var input = new NpyArray([-1f, 2f, -3f, 4f], [1, 4]);
        using var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { ["x"] = input });
        Assert.Equal([0f, 2f, 0f, 4f], verifier.FullOutput("y"));
        Assert.All(PartitionPlanner.AllTwoWay(analysis).Select(verifier.Verify), r => Assert.True(r.Passed));
        Assert.True(verifier.Verify(PartitionPlanner.Describe(analysis, analysis.CutPoints)).Passed);
    }

    [Fact]
    public void A_dead_node_belongs_to_neither_side_so_the_graph_has_no_cut()
    {
        var model = SyntheticModels.Chain(3);
        model.Graph.Node.Add(new AiSprint.Onnx.Protobuf.NodeProto { OpType = "Relu", Name = "dead", Input = { "t0" }, Output = { "unused" } });
        var path = Path.Combine(_directory, "dead.onnx");
        File.WriteAllBytes(path, model.ToByteArray());

        Assert.Empty(OnnxModelAnalyzer.Analyze(path).CutPoints);
        Assert.Equal(["t0", "t1"], OnnxModelAnalyzer.Analyze(WriteChain()).CutPoints.Select(c => c.Tensor));
    }

    private string WriteChain()
    {
        var path = Path.Combine(_directory, "chain.onnx");
        File.WriteAllBytes(path, SyntheticModels.Chain(3).ToByteArray());
        return path;
    }
}
