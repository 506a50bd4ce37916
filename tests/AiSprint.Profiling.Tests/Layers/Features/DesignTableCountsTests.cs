using AiSprint.Profiling.Layers.Features;
using AiSprint.Profiling.Tests.Networks;

namespace AiSprint.Profiling.Tests.Layers.Features;

public class DesignTableCountsTests
{
    private static IReadOnlyList<LayerFeatures> FeaturesOf(string name, Func<NetworkBuilder> build) => DesignTableCounts.Of(TestModels.Analyze(TestModels.Path(name, build)));

    [Fact]
    public void A_convolution_counts_filter_times_input_and_output_channels_per_output_pixel()
    {
        var conv = FeaturesOf("one_conv", () => new NetworkBuilder("one_conv", 3, 16, 16).Conv(8, 3)).Single();
        Assert.Equal(LayerCategory.Conv, conv.Category);
        Assert.Equal(3.0 * 3 * 3 * 8 * 16 * 16, conv.Operations);
        Assert.Equal((2.0 * 3 * 3 * 3 + 1) * 8 * 16 * 16, conv.BackwardOperations);
        Assert.Equal((3, 3, 3L, 8L), (conv.FilterHeight, conv.FilterWidth, conv.InputChannels, conv.OutputChannels));
        Assert.Equal(3L * 16 * 16 * 4, conv.InputBytes);
        Assert.Equal(8L * 16 * 16 * 4, conv.OutputBytes);
        // docs/onnx.md's convention counts a multiply and an add apart, plus the bias: a different number for the same layer.
        Assert.Equal((2.0 * 27 + 1) * 8 * 256, conv.PerElementFlops);
    }

    [Fact]
    public void A_depthwise_convolution_replaces_input_channels_by_input_channels_per_group()
    {
        var features = FeaturesOf("depthwise", () => new NetworkBuilder("depthwise", 16, 8, 8).Conv(16, 3, groups: 16));
        Assert.Equal(3.0 * 3 * 1 * 16 * 8 * 8, features.Single().Operations);
    }

    [Fact]
    public void Pooling_relu_normalisation_and_fully_connected_layers_follow_their_rows_of_the_table()
    {
        var features = FeaturesOf("rows", () => new NetworkBuilder("rows", 4, 8, 8).BatchNorm().Relu().MaxPool().Flatten().Gemm(10).Softmax());
        var byOp = features.ToDictionary(f => f.Op);
        Assert.Equal((5.0 * 4 + 4 - 2) * 64, byOp["BatchNormalization"].Operations);
        Assert.Equal(3.0 * 4 * 64, byOp["Relu"].Operations);
        Assert.Equal(2.0 * 2 * 4 * 16, byOp["MaxPool"].Operations);
        Assert.Equal(4.0 * 4 * 4 * 10, byOp["Gemm"].Operations);
        Assert.Equal(LayerCategory.FC, byOp["Gemm"].Category);
        Assert.Equal(4.0 * 10 - 1, byOp["Softmax"].Operations);
        Assert.Equal(LayerCategory.DataMovement, byOp["Flatten"].Category);
        Assert.Equal(64.0, byOp["Flatten"].Operations); // data movement is not free: one per element moved
    }

    [Fact]
    public void A_residual_add_is_an_elementwise_layer_with_one_operation_per_output_element()
    {
        var features = DesignTableCounts.Of(TestModels.Analyze(TestModels.Residual()));
        var add = features.First(f => f.Op == "Add");
        Assert.Equal(LayerCategory.Elementwise, add.Category);
        Assert.Equal(16.0 * 32 * 32, add.Operations);
        Assert.DoesNotContain(features, f => f.Operations <= 0);
    }
}
