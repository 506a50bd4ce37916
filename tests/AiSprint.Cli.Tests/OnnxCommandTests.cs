namespace AiSprint.Cli.Tests;

public class OnnxCommandTests
{
    [Fact]
    public void Inspect_prints_a_row_per_node_marks_the_reference_cut_points_and_writes_the_chart()
    {
        var svg = Path.Combine(Directory.CreateTempSubdirectory("aisprint-inspect-").FullName, "chart.svg");
        var (code, output, error) = ValidateCommandTests.Run("inspect", SharedData.PathOf("onnx", "alexnet_features.onnx"), "--svg", svg);
        Assert.True(code == 0, error);
        Assert.Contains("alexnet_features: IR 7", output);
        Assert.Contains("14 single-tensor cut points (marked *)", output);
        Assert.Matches(@"\n\s+\d+\s+Conv\s+\[1,64,55,55\]", output);
        var chart = System.Xml.Linq.XDocument.Load(svg);
        Assert.Equal("svg", chart.Root!.Name.LocalName);
        Assert.Contains(chart.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Trim().StartsWith("alexnet_features: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Partition_writes_runnable_sub_models_that_verify_against_the_full_model()
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-partition-").FullName;
        var (code, output, error) = ValidateCommandTests.Run("partition", SharedData.PathOf("onnx", "mobilenet_v2.onnx"), "-o", directory, "--max-partitions", "3", "--verify");
        Assert.True(code == 0, error);
        // Up to 3 partitions: the best 2-way plan beside the manifest and the best 3-way one in plan_2/, both verified.
        Assert.Matches(@"verification of plan 1: .*: passed", output);
        Assert.Matches(@"verification of plan 2: .*: passed", output);
        Assert.True(File.Exists(Path.Combine(directory, "manifest.json")));
        Assert.NotEmpty(Directory.GetFiles(directory, "partition_*_of_2.onnx"));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(directory, "plan_2"), "partition_*_of_3.onnx").Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Partition_refuses_fewer_than_one_plan_per_K_and_writes_nothing(string plans)
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("aisprint-partition-").FullName, "out");
        var (code, _, error) = ValidateCommandTests.Run("partition", SharedData.PathOf("onnx", "alexnet_features.onnx"), "-o", directory, "--plans", plans);
        Assert.Equal(1, code);
        Assert.Contains($"--plans: '{plans}': expected how many plans of each K to offer, 1 or more", error);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Inspect_json_lists_every_layer_and_the_cut_points_with_their_tensor_names()
    {
        var (code, output, error) = ValidateCommandTests.Run("inspect", SharedData.PathOf("onnx", "alexnet_features.onnx"), "--json");
        Assert.True(code == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("alexnet_features", root.GetProperty("model").GetString());
        var layers = root.GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal(root.GetProperty("nodeCount").GetInt32(), layers.Length);
        var conv = layers.First(l => l.GetProperty("op").GetString() == "Conv");
        Assert.Equal([1L, 64, 55, 55], conv.GetProperty("outputShape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.True(conv.GetProperty("forwardFlops").GetInt64() > 0);
        var cuts = root.GetProperty("cutPoints").EnumerateArray().ToArray();
        Assert.Equal(14, cuts.Length);
        Assert.All(cuts, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("tensor").GetString())));
        Assert.Equal(cuts.Select(c => c.GetProperty("producerIndex").GetInt32()).Order(),
            layers.Where(l => l.GetProperty("isCutPoint").GetBoolean()).Select(l => l.GetProperty("index").GetInt32()).Order());
    }

    [Fact]
    public void Partition_verify_without_a_sample_input_uses_a_seeded_random_one_and_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-partition-").FullName;
        var model = Path.Combine(directory, "alexnet_features.onnx");
        File.Copy(SharedData.PathOf("onnx", "alexnet_features.onnx"), model);
        var (code, output, error) = ValidateCommandTests.Run("partition", model, "-o", Path.Combine(directory, "parts"), "--verify");
        Assert.True(code == 0, error);
        Assert.Contains("verification input: seeded random float32 [1,3,224,224] (seed 0, uniform in [0, 1)), no sample input given", output);
        Assert.Contains("passed", output);
    }

    [Fact]
    public void A_corrupt_model_is_an_error_not_a_crash()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-onnx-").FullName, "broken.onnx");
        var bytes = File.ReadAllBytes(SharedData.PathOf("onnx", "squeezenet1_1.onnx"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        var (code, _, error) = ValidateCommandTests.Run("inspect", path);
        Assert.Equal(1, code);
        Assert.StartsWith("error:", error);
    }
}
