namespace AiSprint.Cli.Tests;

public class RegressionCommandTests
{
    [Fact]
    public void Regress_trains_the_faas_campaign_and_predict_applies_the_saved_model()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("aisprint-regress-").FullName, "out");
        // aMLLibrary's configurations name their data relative to the campaign folder (the .ini's parent's parent).
        var configuration = SharedData.PathOf("amllibrary", "example_configurations", "faas_test.ini");
        var data = SharedData.PathOf("amllibrary", "inputs", "faas_predict.csv");
        {
            var (code, output, error) = ValidateCommandTests.Run("regress", "-c", configuration, "-o", directory);
            Assert.True(code == 0, error);
            Assert.Contains("validation MAPE 0.000033", output);
            Assert.True(File.Exists(Path.Combine(directory, "best.model.json")));
            Assert.True(File.Exists(Path.Combine(directory, "results.txt")));
            var html = File.ReadAllText(Path.Combine(directory, "report.html"));
            Assert.Contains("Best model: <b>LRRidge</b>", html);
            // Two charts (ScottPlot): the MAPE bars, and the predicted-vs-measured plot with one marker per row of faas_test.csv
            // and one in its legend.
            var charts = System.Text.RegularExpressions.Regex.Matches(html, "<svg.*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(m => System.Xml.Linq.XDocument.Parse(m.Value)).ToList();
            Assert.Equal(2, charts.Count);
            Assert.Contains(charts[0].Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Trim() == "run 0 LRRidge");
            Assert.Equal(50 + 1, charts[1].Descendants().Count(e => e.Name.LocalName == "ellipse"));

            var predictions = Path.Combine(directory, "predictions.csv");
            (code, _, error) = ValidateCommandTests.Run("predict", "-m", Path.Combine(directory, "best.model.json"), "-i", data, "-o", predictions);
            Assert.True(code == 0, error);
            var lines = File.ReadAllLines(predictions);
            Assert.Equal(1001, lines.Length);
            // The model predicts the measured response times closely (MAPE well under 1 %).
            var measured = File.ReadAllLines(data).Skip(1).Select(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var predicted = lines.Skip(1).Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var mape = measured.Zip(predicted, (m, p) => Math.Abs(m - p) / Math.Abs(m)).Average();
            Assert.True(mape < 0.01, $"MAPE {mape}");

            // Like aMLLibrary, an existing non-empty output directory is refused.
            (code, _, error) = ValidateCommandTests.Run("regress", "-c", configuration, "-o", directory);
            Assert.Equal(1, code);
            Assert.Contains("not empty", error);
        }
    }

    [Fact]
    public void Regress_trains_LightGBM_and_FastTree_and_predict_applies_their_model_files()
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-regress-").FullName;
        var configuration = Path.Combine(directory, "boosted.ini");
        var input = SharedData.PathOf("amllibrary", "inputs", "faas_predict.csv");
        File.WriteAllText(configuration, $"""
            [General]
            run_num = 1
            techniques = ['LightGBM', 'FastTree']
            hp_selection = HoldOut
            validation = HoldOut
            hold_out_ratio = 0.2
            y = "ave_response_time"

            [DataPreparation]
            input_path = "{input.Replace("\\", "/")}"

            [LightGBM]
            n_estimators = [50]
            learning_rate = [0.1, 0.3]
            num_leaves = [15]

            [FastTree]
            n_estimators = [50]
            min_child_samples = [5]
            """);
        var output = Path.Combine(directory, "out");
        var (code, _, error) = ValidateCommandTests.Run("regress", "-c", configuration, "-o", output);
        Assert.True(code == 0, error);
        var measured = File.ReadAllLines(input).Skip(1).Select(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var technique in new[] { "LightGBM", "FastTree" })
        {
            var model = Path.Combine(output, $"{technique}.model.json");
            Assert.Contains("\"formatVersion\": 5", File.ReadAllText(model));
            var predictions = Path.Combine(directory, $"{technique}.csv");
            (code, _, error) = ValidateCommandTests.Run("predict", "-m", model, "-i", input, "-o", predictions);
            Assert.True(code == 0, error);
            var predicted = File.ReadAllLines(predictions).Skip(1).Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(measured.Length, predicted.Length);
            var mape = measured.Zip(predicted, (m, p) => Math.Abs(m - p) / Math.Abs(m)).Average();
            Assert.True(mape < 0.1, $"{technique} MAPE {mape}");
        }
    }

    [Fact]
    public void A_configuration_naming_an_unknown_technique_is_refused_with_file_and_line()
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-regress-").FullName;
        var configuration = Path.Combine(directory, "bad.ini");
        File.WriteAllText(configuration, $"[General]\ntechniques = ['LRRidge', 'Perceptron']\nhp_selection = All\nvalidation = All\ny = y\n\n[DataPreparation]\ninput_path = {SharedData.PathOf("amllibrary", "inputs", "simplest.csv")}\n");
        var (code, _, error) = ValidateCommandTests.Run("regress", "-c", configuration, "-o", Path.Combine(directory, "out"));
        Assert.Equal(1, code);
        Assert.Contains("bad.ini:2:", error);
        Assert.Contains("Perceptron", error);
        Assert.False(Directory.Exists(Path.Combine(directory, "out")));
    }

    [Fact]
    public void Regress_reads_the_same_campaign_from_yaml_and_json()
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-regress-").FullName;
        var input = SharedData.PathOf("amllibrary", "inputs", "faas_test.csv");
        // faas_test.ini's sections and options with typed values.
        File.WriteAllText(Path.Combine(directory, "faas.yaml"), $"""
            General:
              techniques: [LRRidge]
              hp_selection: KFold
              validation: HoldOut
              folds: 5
              hold_out_ratio: 0.2
              y: ave_response_time
            DataPreparation:
              input_path: {input}
              inverse: [Lambda]
              product_max_degree: 2
              product_interactions_only: true
            LRRidge:
              alpha: [0.02, 0.1, 1.0]
            """);
        File.WriteAllText(Path.Combine(directory, "faas.json"), $$"""
            {
              "General": {"techniques": ["LRRidge"], "hp_selection": "KFold", "validation": "HoldOut", "folds": 5, "hold_out_ratio": 0.2, "y": "ave_response_time"},
              "DataPreparation": {"input_path": {{System.Text.Json.JsonSerializer.Serialize(input)}}, "inverse": ["Lambda"], "product_max_degree": 2, "product_interactions_only": true},
              "LRRidge": {"alpha": [0.02, 0.1, 1.0]}
            }
            """);
        foreach (var file in new[] { "faas.yaml", "faas.json" })
        {
            var (code, output, error) = ValidateCommandTests.Run("regress", "-c", Path.Combine(directory, file), "-o", Path.Combine(directory, file + ".out"));
            Assert.True(code == 0, error);
            Assert.Contains("validation MAPE 0.000033", output);
        }
    }
}
