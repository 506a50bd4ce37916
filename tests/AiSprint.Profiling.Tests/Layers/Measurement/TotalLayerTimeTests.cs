using AiSprint.Profiling.Layers.Measurement;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace AiSprint.Profiling.Tests.Layers.Measurement;

public class TotalLayerTimeTests(ITestOutputHelper log)
{
    [Fact]
    public void Each_cut_is_timed_as_a_sub_model_and_the_last_one_is_near_the_whole_network()
    {
        var analysis = TestModels.Analyze(TestModels.SmallVgg("tlt_vgg", [32, 64, 0, 64, 128, 0, 128, 256]));
        var settings = new ProfilingSettings(1, GraphOptimizationLevel.ORT_ENABLE_ALL, 2, 5);
        var cuts = analysis.CutPoints.Where(c => c.ProducerOp is "Relu" or "MaxPool").ToList();
        var points = TotalLayerTime.Measure(analysis, cuts, settings);
        var whole = NodeTimer.Measure(analysis, settings);
        foreach (var p in points) log.WriteLine($"{p.Tensor} T={p.UpToMs:F3} TLT={p.TotalLayerTimeMs:F3}");
        log.WriteLine($"whole {whole.WholeRunMilliseconds:F3} kernels {whole.KernelSumMilliseconds:F3}");
        Assert.Equal(cuts.Count, points.Count);
        Assert.True(points[^1].UpToMs > points[0].UpToMs);
        Assert.InRange(points[^1].UpToMs, whole.WholeRunMilliseconds / 3, whole.WholeRunMilliseconds * 3);
    }
}
