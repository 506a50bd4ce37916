using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Verification;
using Google.Protobuf;

namespace AiSprint.Onnx.Tests;

public sealed class MalformedModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-onnx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_truncated_file_is_a_format_error()
    {
        var bytes = File.ReadAllBytes(ReferenceModels.ModelPath("squeezenet1_1"));
        var path = Write("truncated.onnx", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<OnnxFormatException>(() => OnnxModelAnalyzer.Analyze(path));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Wrong_field_types_are_a_format_error()
    {
        // Field 7 (graph) written as a varint instead of a length-delimited message: protobuf skips the field as
        // unknown, so the model has no graph.
        var asVarint = Write("varint-graph.onnx", [0x08, 0x07, 0x38, 0x05]);
        // Field 7 written as a group start that never ends: the parser itself fails.
        var asGroup = Write("group-graph.onnx", [0x08, 0x07, 0x3B, 0x08, 0x01]);

        Assert.Contains("no graph", Assert.Throws<OnnxFormatException>(() => OnnxModelAnalyzer.Analyze(asVarint)).Message);
        Assert.Contains("not a valid ONNX protobuf", Assert.Throws<OnnxFormatException>(() => OnnxModelAnalyzer.Analyze(asGroup)).Message);
    }

    [Fact]
    public void A_cyclic_graph_is_a_format_error_naming_the_cycle()
    {
        var model = SyntheticModels.Chain(3);
        model.Graph.Node[0].Input[0] = model.Graph.Node[2].Output[0];
        model.Graph.Node[0].Input.Add("x");
        var path = Write("cyclic.onnx", model.ToByteArray());

        var error = Assert.Throws<OnnxFormatException>(() => OnnxModelAnalyzer.Analyze(path));
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void A_missing_external_data_file_is_a_format_error_naming_the_file()
    {
        var model = SyntheticModels.Chain(2);
        var weight = model.Graph.Initializer[0];
        weight.RawData = ByteString.Empty;
        weight.DataLocation = TensorProto.Types.DataLocation.External;
        weight.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });
        var path = Write("external.onnx", model.ToByteArray());

        var error = Assert.Throws<OnnxFormatException>(() => OnnxModelAnalyzer.Analyze(path));
        Assert.Contains("weights.bin", error.Message);
    }

    [Fact]
    public void A_node_reading_a_tensor_nothing_provides_is_a_format_error()
    {
        var model = SyntheticModels.Chain(3);
        model.Graph.Node[1].Input[0] = "nowhere";
        var path = Write("dangling.onnx", model.ToByteArray());

        Assert.Contains("'nowhere'", Assert.Throws<OnnxFormatException>(() => OnnxModelAnalyzer.Analyze(path)).Message);
    }

    [Fact]
    public void A_missing_file_is_a_format_error()
    {
        Assert.Contains("does not exist", Assert.Throws<OnnxFormatException>(() => OnnxModelAnalyzer.Analyze(Path.Combine(_directory, "absent.onnx"))).Message);
    }

    [Fact]
    public void External_data_is_read_and_the_model_runs()
    {
        var model = SyntheticModels.Chain(2);
        var weight = model.Graph.Initializer[0];
        var data = weight.RawData.ToByteArray();
        Write("weights.bin", [0, 0, 0, 0, .. data]);
        weight.RawData = ByteString.Empty;
        weight.DataLocation = TensorProto.Types.DataLocation.External;
        weight.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });
        weight.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = "4" });
        weight.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var path = Write("external.onnx", model.ToByteArray());

        var analysis = OnnxModelAnalyzer.Analyze(path);

        Assert.Equal(analysis.Graph.Model.Graph.Initializer[0].RawData.ToByteArray(), data);
        Assert.Equal(["t0"], analysis.CutPoints.Select(c => c.Tensor));
        using var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { ["x"] = new([-5f, 0f, 1f, -1f], [1, 4]) });
        Assert.Equal([0f, 2f, 4f, 3f], verifier.FullOutput("y")); // relu(x + [1, 2, 3, 4])
        Assert.True(verifier.Verify(PartitionPlanner.Describe(analysis, analysis.CutPoints)).Passed);
    }
}
