using System.Text.Json;

namespace AiSprint.Onnx.Tests;

public sealed class CutPointTests
{
    [Theory]
    [MemberData(nameof(ReferenceModels.All), MemberType = typeof(ReferenceModels))]
    public void Cut_points_equal_the_reference_list_in_order_with_the_same_node_counts(string model)
    {
        using var reference = ReferenceModels.Cuts(model);
        var expected = reference.RootElement.GetProperty("cuts").EnumerateArray()
            .Select(c => (c.GetProperty("tensor").GetString()!, c.GetProperty("producer_index").GetInt32(), c.GetProperty("nodes_before").GetInt32(), c.GetProperty("nodes_after").GetInt32()))
            .ToArray();

        var actual = ReferenceModels.Shared(model).CutPoints.Select(c => (c.Tensor, c.ProducerIndex, c.NodesBefore, c.NodesAfter)).ToArray();

        Assert.Equal(reference.RootElement.GetProperty("cut_count").GetInt32(), actual.Length);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(ReferenceModels.All), MemberType = typeof(ReferenceModels))]
    public void Every_cut_has_the_runtime_shape_and_byte_size_of_the_reference(string model)
    {
        using var reference = ReferenceModels.Cuts(model);
        var analysis = ReferenceModels.Shared(model);
        foreach (var cut in reference.RootElement.GetProperty("cuts").EnumerateArray())
        {
            var tensor = analysis.Tensors[cut.GetProperty("tensor").GetString()!];
            var shape = cut.GetProperty("shape_runtime").EnumerateArray().Select(d => (long?)d.GetInt64()).ToArray();
            Assert.Equal(shape, tensor.Dimensions);
            Assert.Equal(cut.GetProperty("bytes_runtime").GetInt64(), tensor.Bytes);
            Assert.Equal(cut.GetProperty("dtype").ValueKind == JsonValueKind.Null ? "FLOAT" : cut.GetProperty("dtype").GetString(), tensor.ElementType);
        }
    }
}
