using System.Text.Json;

namespace AiSprint.Cli.Tests;

public class LayersCommandTests
{
    private static readonly Lazy<string> Trained = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-layers-").FullName, "layers.json");
        var (code, output, error) = ValidateCommandTests.Run("layers", "train", SharedData.PathOf("onnx", "alexnet_features.onnx"), SharedData.PathOf("onnx", "squeezenet1_1.onnx"),
            "-o", path, "--runs", "3", "--warmup", "1", "--resource", "laptop");
        Assert.True(code == 0, error + output);
        return path;
    });

    [Fact]
    public void Train_measures_every_network_and_writes_a_model_file_with_its_convention_and_level()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Trained.Value));
        var root = document.RootElement;
        Assert.Equal("table-4.1", root.GetProperty("convention").GetString());
        Assert.Equal("all", root.GetProperty("optimizationLevel").GetString());
        Assert.Equal("laptop", root.GetProperty("resource").GetString());
        Assert.Equal(["alexnet_features", "squeezenet1_1"], root.GetProperty("trainedOn").EnumerateArray().Select(e => e.GetString()));
        var categories = root.GetProperty("threadModels")[0].GetProperty("categories").EnumerateArray().ToList();
        var conv = categories.Single(c => c.GetProperty("category").GetString() == "Conv");
        Assert.True(conv.GetProperty("rows").GetInt32() >= 20);
        Assert.True(conv.GetProperty("linear").GetProperty("slopeMsPerOperation").GetDouble() > 0);
    }

    [Fact]
    public void Predict_with_measure_and_json_gives_every_node_measured_beside_predicted_and_a_total()
    {
        var svg = Path.Combine(Path.GetDirectoryName(Trained.Value)!, "chart.svg");
        var (code, output, error) = ValidateCommandTests.Run("layers", "predict", SharedData.PathOf("onnx", "alexnet_features.onnx"), "-m", Trained.Value,
            "--measure", "--json", "--runs", "3", "--svg", svg);
        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("table-4.1", root.GetProperty("convention").GetString());
        var nodes = root.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(15, nodes.Count);
        Assert.All(nodes, n =>
        {
            Assert.True(n.TryGetProperty("name", out _));
            Assert.True(n.TryGetProperty("operator", out _));
            Assert.True(n.TryGetProperty("category", out _));
            Assert.True(n.GetProperty("operations").GetDouble() >= 0);
            Assert.True(n.GetProperty("predicted_ms").GetDouble() >= 0);
            Assert.True(n.GetProperty("measured_ms").GetDouble() >= 0);
        });
        Assert.All(nodes.Where(n => n.GetProperty("operator").GetString() == "Conv"), n => Assert.True(n.GetProperty("measured_ms").GetDouble() > 0));
        var total = root.GetProperty("total");
        Assert.True(total.GetProperty("predicted_ms").GetDouble() > 0);
        Assert.True(total.GetProperty("measured_ms").GetDouble() > 0);
        Assert.Equal(14, root.GetProperty("cuts").GetArrayLength());
        Assert.Equal(2, root.GetProperty("partitions").GetArrayLength());
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(svg).Root!.Name.LocalName);
    }

    [Fact]
    public void Predict_prints_per_node_cut_point_partition_and_total_tables()
    {
        var (code, output, error) = ValidateCommandTests.Run("layers", "predict", SharedData.PathOf("onnx", "squeezenet1_1.onnx"), "-m", Trained.Value);
        Assert.True(code == 0, error);
        Assert.Contains("operation counts table-4.1", output);
        Assert.Contains("cut points (cumulative time up to the cut):", output);
        Assert.Contains("partitions of the best plan", output);
        Assert.Matches(@"total: predicted \d+\.\d{3} ms", output);
    }

    [Fact]
    public void A_bad_thread_list_is_refused_with_its_code()
    {
        var (code, _, error) = ValidateCommandTests.Run("layers", "train", SharedData.PathOf("onnx", "alexnet_features.onnx"), "-o", Path.GetTempFileName(), "--threads", "1,zero");
        Assert.Equal(1, code);
        Assert.Contains("error AIS0072", error);
    }

    [Fact]
    public void A_file_that_is_not_a_layer_model_is_refused_with_its_code()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-layers-").FullName, "bad.json");
        File.WriteAllText(path, "{ \"formatVersion\": 1,\n  \"convention\": ");
        var (code, _, error) = ValidateCommandTests.Run("layers", "predict", SharedData.PathOf("onnx", "alexnet_features.onnx"), "-m", path);
        Assert.Equal(1, code);
        Assert.Contains("error AIS0070", error);
        Assert.StartsWith(path, error);
    }

    [Fact]
    public void A_thread_count_the_file_has_no_model_for_is_refused()
    {
        var (code, _, error) = ValidateCommandTests.Run("layers", "predict", SharedData.PathOf("onnx", "alexnet_features.onnx"), "-m", Trained.Value, "--threads", "7");
        Assert.Equal(1, code);
        Assert.Contains("error AIS0072", error);
    }
}
