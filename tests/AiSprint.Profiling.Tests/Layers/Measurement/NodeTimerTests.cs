using System.Text.Json;
using AiSprint.Profiling.Layers.Measurement;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Profiling.Tests.Layers.Measurement;

public class NodeTimerTests
{
    [Fact]
    public void Without_optimisation_every_source_node_is_its_own_runtime_node_with_a_measured_time()
    {
        var analysis = TestModels.Analyze(TestModels.SmallVgg());
        var m = NodeTimer.Measure(analysis, new ProfilingSettings(1, GraphOptimizationLevel.ORT_DISABLE_ALL, 1, 3));
        Assert.Equal(analysis.NodeCount, m.RuntimeNodes.Count);
        Assert.All(m.RuntimeNodes, r => Assert.Single(r.SourceNodes));
        Assert.All(m.Nodes.Where(n => n.Op is "Conv" or "Gemm"), n => Assert.True(n.Milliseconds > 0, $"{n.Name} has no time"));
        Assert.All(m.Nodes, n => Assert.Null(n.FusedInto));
        Assert.Equal(m.RuntimeMilliseconds.Values.Sum(), m.Nodes.Sum(n => n.Milliseconds), 9);
    }

    [Fact]
    public void At_the_extended_level_a_relu_is_fused_into_its_convolution_and_names_it()
    {
        var analysis = TestModels.Analyze(TestModels.SmallVgg());
        var m = NodeTimer.Measure(analysis, new ProfilingSettings(1, GraphOptimizationLevel.ORT_ENABLE_EXTENDED, 1, 3));
        var relus = m.Nodes.Where(n => n.Op == "Relu").ToList();
        Assert.NotEmpty(relus);
        Assert.All(relus, r => Assert.StartsWith("conv", r.FusedInto));
        Assert.All(relus, r => Assert.Equal(0, r.Milliseconds));
        Assert.Contains(("Conv", "Relu"), m.ObservedFusions);
        Assert.True(m.RuntimeNodes.Count < analysis.NodeCount);
    }

    [Fact]
    public void At_level_all_the_nchwc_convolutions_claim_their_batch_norm_residual_add_and_relu()
    {
        var analysis = TestModels.Analyze(TestModels.Residual());
        var m = NodeTimer.Measure(analysis, new ProfilingSettings(1, GraphOptimizationLevel.ORT_ENABLE_ALL, 1, 3));
        // Every source node is covered by exactly one runtime node.
        var covered = m.RuntimeNodes.SelectMany(r => r.SourceNodes).ToList();
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(analysis.NodeCount, covered.Count);
        var adds = m.Nodes.Where(n => n.Op == "Add").ToList();
        Assert.All(adds, a => Assert.StartsWith("conv", a.FusedInto));
        Assert.All(m.Nodes.Where(n => n.Op == "Conv"), c => Assert.True(c.Milliseconds > 0, $"{c.Name} has no time"));
        // The layout reorder covers no source node: its time is charged to a neighbour, not lost.
        Assert.Contains(m.RuntimeNodes, r => r.Op == "ReorderOutput" && r.SourceNodes.Count == 0);
        Assert.Equal(m.RuntimeMilliseconds.Values.Sum(), m.Nodes.Sum(n => n.Milliseconds), 9);
    }

    [Fact]
    public void A_trace_assigns_kernels_to_the_model_run_that_holds_them()
    {
        var json = """
            [{"cat":"Session","name":"session_initialization","ts":0,"dur":10},
             {"cat":"Node","name":"a_fence_before","ts":11,"dur":0,"args":{"op_name":"Conv"}},
             {"cat":"Node","name":"a_kernel_time","ts":12,"dur":30,"args":{"op_name":"Conv","provider":"CPUExecutionProvider"}},
             {"cat":"Node","name":"b_kernel_time","ts":43,"dur":5,"args":{"op_name":"Relu","provider":"CPUExecutionProvider"}},
             {"cat":"Session","name":"model_run","ts":11,"dur":40},
             {"cat":"Node","name":"a_kernel_time","ts":60,"dur":20,"args":{"op_name":"Conv","provider":"CPUExecutionProvider"}},
             {"cat":"Session","name":"model_run","ts":59,"dur":25}]
            """;
        using var document = JsonDocument.Parse(json);
        var trace = ProfileTrace.Parse(document.RootElement);
        Assert.Equal(2, trace.Runs.Count);
        Assert.Equal(["a", "b"], trace.Runs[0].Select(k => k.NodeName));
        Assert.Equal("Conv", trace.Runs[1].Single().Op);
        Assert.Equal([40.0, 25.0], trace.RunMicroseconds);
    }

    [Fact]
    public void A_file_that_is_not_a_trace_is_refused()
    {
        using var document = JsonDocument.Parse("""{"traceEvents": []}""");
        Assert.Throws<InvalidDataException>(() => ProfileTrace.Parse(document.RootElement));
    }
}
