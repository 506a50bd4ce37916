using AiSprint.Onnx.Shapes;
using AiSprint.Onnx.Verification;

namespace AiSprint.Onnx.Tests;

public sealed class ShapeAndComplexityTests
{
    [Theory]
    [MemberData(nameof(ReferenceModels.All), MemberType = typeof(ReferenceModels))]
    public void Static_inference_alone_knows_every_tensor_and_agrees_with_onnx_runtime_on_all_of_them(string model)
    {
        var input = ReferenceModels.Input(model);
        var inputName = ReferenceModels.Shared(model).Inputs[0];
        var staticOnly = OnnxModelAnalyzer.Analyze(ReferenceModels.ModelPath(model), new OnnxAnalysisOptions
        {
            InputShapes = new Dictionary<string, long[]> { [inputName] = input.Shape },
            UseRuntimeProbe = false,
        });
        // ONNX Runtime's view of every produced tensor: the probe with nothing known but the inputs.
        var runtime = new Dictionary<string, TensorDescription>(StringComparer.Ordinal) { [inputName] = staticOnly.Tensors[inputName] };
        RuntimeShapeProbe.Fill(staticOnly.Graph, runtime, new Dictionary<string, NpyArray> { [inputName] = input });

        var produced = staticOnly.Graph.ProducedTensors.ToArray();
        Assert.All(produced, t => Assert.True(staticOnly.Tensors[t].IsFullyKnown, t));
        Assert.All(produced, t => Assert.Equal(runtime[t].Dimensions, staticOnly.Tensors[t].Dimensions));
        Assert.All(produced, t => Assert.Equal(runtime[t].ElementType, staticOnly.Tensors[t].ElementType));
    }

    [Fact]
    public void Dynamic_dimensions_without_a_fixed_input_are_measured_by_the_runtime_probe_on_the_sample()
    {
        const string model = "ch_ppocr_mobile_v2.0_cls_infer";
        var input = ReferenceModels.Input(model);
        var analysis = OnnxModelAnalyzer.Analyze(ReferenceModels.ModelPath(model), new OnnxAnalysisOptions
        {
            SampleInputs = new Dictionary<string, NpyArray> { ["x"] = input },
        });

        var runtime = analysis.Tensors.Values.Where(t => t.Source == ShapeSource.Runtime).ToArray();
        Assert.NotEmpty(runtime);
        Assert.Equal<long?>([1, 2], analysis.Tensors["softmax_0.tmp_0"].Dimensions);
        Assert.All(analysis.CutPoints, c => Assert.NotNull(c.Bytes));
    }

    [Fact]
    public void Alexnet_first_convolution_costs_what_the_table_says()
    {
        var conv = ReferenceModels.Shared("alexnet_features").Layers.First(l => l.Op == "Conv");

        // 64 filters of 3x11x11 plus bias on a 55x55 output: 2·363 + 1 FLOPs per output element.
        Assert.Equal<long?>([1, 64, 55, 55], conv.OutputShape);
        Assert.Equal(64L * 55 * 55 * (2 * 363 + 1), conv.ForwardFlops);
        Assert.Equal(64L * 55 * 55 * 4 * 363, conv.BackwardFlops);
        Assert.Equal(64L * 3 * 11 * 11 + 64, conv.ParameterCount);
        Assert.Equal(4L * conv.ParameterCount, conv.ParameterBytes);
        Assert.Equal(64L * 55 * 55 * 4, conv.OutputBytes);
    }

    [Fact]
    public void Depthwise_convolution_counts_one_input_channel_per_output()
    {
        var analysis = ReferenceModels.Shared("mobilenet_v2");
        var depthwise = analysis.Layers.First(l => l.Op == "Conv" && analysis.Graph.Nodes[l.NodeIndex].Proto.Attribute.Any(a => a.Name == "group" && a.I > 1));
        var elements = depthwise.OutputShape!.Aggregate(1L, (a, d) => a * d!.Value);

        Assert.Equal(elements * (2 * 9 + 1), depthwise.ForwardFlops);
    }

    [Theory]
    [MemberData(nameof(ReferenceModels.All), MemberType = typeof(ReferenceModels))]
    public void Totals_are_consistent_and_parameters_match_the_float_weights(string model)
    {
        var analysis = ReferenceModels.Shared(model);

        Assert.Equal(analysis.Layers.Sum(l => l.ForwardFlops), analysis.TotalForwardFlops);
        Assert.True(analysis.TotalForwardFlops > 0);
        Assert.Equal(analysis.TotalParameterCount * 4, analysis.TotalParameterBytes);
        Assert.True(analysis.TotalParameterBytes <= new FileInfo(ReferenceModels.ModelPath(model)).Length);
    }
}
