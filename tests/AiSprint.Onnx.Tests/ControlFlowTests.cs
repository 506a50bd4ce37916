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
}
