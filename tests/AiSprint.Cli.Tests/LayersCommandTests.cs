using System.Text.Json;

namespace AiSprint.Cli.Tests;

public class LayersCommandTests
{
    internal static readonly Lazy<string> Trained = new(() =>
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

    [Fact]
    public void A_model_with_dynamic_dimensions_is_measured_on_the_shape_of_the_sample_input_beside_it()
    {
        // ch_ppocr's input is Nx3xHxW; its .input.npy beside it is 1x3x48x192.
        var (code, output, error) = ValidateCommandTests.Run("layers", "predict", SharedData.PathOf("onnx", "ch_ppocr_mobile_v2.0_cls_infer.onnx"), "-m", Trained.Value,
            "--measure", "--json", "--runs", "2");
        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        var total = document.RootElement.GetProperty("total");
        Assert.True(total.GetProperty("predicted_ms").GetDouble() > 0);
        Assert.True(total.GetProperty("measured_ms").GetDouble() > 0);
    }

    [Fact]
    public void Without_a_sample_input_a_dynamic_model_is_refused_and_input_names_one()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("aisprint-layers-").FullName, "dynamic.onnx");
        File.Copy(SharedData.PathOf("onnx", "ch_ppocr_mobile_v2.0_cls_infer.onnx"), copy);
        var output = Path.Combine(Path.GetDirectoryName(copy)!, "layers.json");

        var (refused, _, error) = ValidateCommandTests.Run("layers", "train", copy, "-o", output, "--runs", "1", "--warmup", "0");
        Assert.Equal(1, refused);
        Assert.Contains("error AIS0071", error);
        Assert.Contains("--input", error);
        Assert.False(File.Exists(output));

        var (code, _, error2) = ValidateCommandTests.Run("layers", "train", copy, "-o", output, "--runs", "1", "--warmup", "0",
            "--input", SharedData.PathOf("onnx", "ch_ppocr_mobile_v2.0_cls_infer.input.npy"));
        Assert.True(code == 0, error2);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void One_sample_input_for_several_models_is_refused()
    {
        var (code, _, error) = ValidateCommandTests.Run("layers", "train", SharedData.PathOf("onnx", "alexnet_features.onnx"), SharedData.PathOf("onnx", "squeezenet1_1.onnx"),
            "-o", Path.GetTempFileName(), "--input", SharedData.PathOf("onnx", "alexnet_features.input.npy"));
        Assert.Equal(1, code);
        Assert.Contains("error AIS0072", error);
        Assert.Contains("beside each model", error);
    }

    [Fact]
    public void A_named_sample_input_that_does_not_exist_is_an_error_not_ignored()
    {
        var missing = Path.Combine(Path.GetTempPath(), "aisprint-no-such-input.npy");
        var (code, _, error) = ValidateCommandTests.Run("inspect", SharedData.PathOf("onnx", "alexnet_features.onnx"), "--input", missing);
        Assert.Equal(1, code);
        Assert.Contains(missing, error);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void The_document_pipeline_adds_augmented_and_selected_models_scored_by_the_same_cross_validation()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-layers-").FullName, "layers.json");
        var (code, output, error) = ValidateCommandTests.Run("layers", "train", SharedData.PathOf("onnx", "squeezenet1_1.onnx"),
            "-o", path, "--runs", "2", "--warmup", "1", "--document-pipeline");
        Assert.True(code == 0, error + output);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var conv = document.RootElement.GetProperty("threadModels")[0].GetProperty("categories").EnumerateArray()
            .Single(c => c.GetProperty("category").GetString() == "Conv");
        var scores = conv.GetProperty("scores").EnumerateArray().ToDictionary(s => s.GetProperty("technique").GetString()!, s => s);
        Assert.True(scores["LRRidge+SFS"].GetProperty("crossValidationMape").GetDouble() >= 0, conv.ToString());
        Assert.True(scores["XGBoost+augmented"].GetProperty("crossValidationMape").GetDouble() >= 0, conv.ToString());
        Assert.Contains("LRRidge+SFS", output);

        // Whatever cross-validation chose, the file predicts with it.
        var (predicted, predictOutput, predictError) = ValidateCommandTests.Run("layers", "predict", SharedData.PathOf("onnx", "squeezenet1_1.onnx"), "-m", path, "--json");
        Assert.True(predicted == 0, predictError);
        using var prediction = JsonDocument.Parse(predictOutput);
        Assert.True(prediction.RootElement.GetProperty("total").GetProperty("predicted_ms").GetDouble() > 0);
    }
}
