using AiSprint.Profiling.Layers.Features;
using AiSprint.Profiling.Layers.Measurement;
using AiSprint.Profiling.Layers.Modelling;
using AiSprint.Profiling.Layers.Reporting;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Profiling.Tests.Layers.Modelling;

public class LayerModelTests
{
    private static readonly Lazy<(LayerModelFile File, NetworkMeasurement Training)> Trained = new(() =>
    {
        var settings = new ProfilingSettings(1, GraphOptimizationLevel.ORT_ENABLE_ALL, 2, 5);
        var training = NodeTimer.Measure(TestModels.Analyze(TestModels.SmallVgg("train_vgg", [32, 64, 0, 64, 128, 0, 128, 256, 256, 0, 256, 512])), settings);
        var residual = NodeTimer.Measure(TestModels.Analyze(TestModels.Residual()), settings);
        return (LayerModelTrainer.Train([training, residual], new LayerTrainingOptions { Techniques = [AiSprint.Model.Formats.Aml.AmlTechnique.LRRidge, AiSprint.Model.Formats.Aml.AmlTechnique.XGBoost] }, "this-machine"), training);
    });

    [Fact]
    public void A_trained_file_states_its_convention_level_networks_and_the_fusions_it_saw()
    {
        var file = Trained.Value.File;
        Assert.Equal(LayerFeatures.ReferenceConvention, file.Convention);
        Assert.Equal("all", file.OptimizationLevel);
        Assert.Equal(["train_vgg", "residual"], file.TrainedOn);
        var model = file.For(1);
        Assert.Contains(new ObservedFusion("Conv", "Relu"), model.Fusions);
        Assert.Contains(new ObservedFusion("Conv", "Add"), model.Fusions);
        var conv = model.Categories.Single(c => c.Category == LayerCategory.Conv);
        Assert.True(conv.Rows >= 10);
        Assert.True(conv.Linear.SlopeMsPerOperation > 0, "time grows with the operation count");
        Assert.Contains(conv.Scores, s => s.Technique == "linear" && s.CrossValidationMape is not null);
        Assert.Contains(conv.Scores, s => s.Technique == "XGBoost");
        Assert.Contains(conv.Selected, conv.Scores.Select(s => s.Technique));
    }

    [Fact]
    public void A_saved_file_reads_back_and_predicts_the_same()
    {
        var file = Trained.Value.File;
        var path = Path.Combine(Path.GetTempPath(), $"layers-{Guid.NewGuid():N}.json");
        try
        {
            file.Save(path);
            var loaded = LayerModelFile.Load(path);
            var analysis = TestModels.Analyze(TestModels.SmallVgg());
            Assert.Equal(LayerPredictor.Predict(analysis, file).TotalPredictedMs, LayerPredictor.Predict(analysis, loaded).TotalPredictedMs, 9);
            File.WriteAllText(path, file.ToJson().Replace("\"table-4.1\"", "\"per-element-flops\"", StringComparison.Ordinal));
            Assert.Contains("convention", Assert.Throws<InvalidDataException>(() => LayerModelFile.Load(path)).Message);
            File.WriteAllText(path, "{ \"formatVersion\": 1, ");
            Assert.Throws<InvalidDataException>(() => LayerModelFile.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unseen_network_is_predicted_per_node_with_fused_nodes_at_zero_and_cut_sums_that_grow()
    {
        var analysis = TestModels.Analyze(TestModels.SmallVgg());
        var prediction = LayerPredictor.Predict(analysis, Trained.Value.File);
        Assert.All(prediction.Nodes.Where(n => n.Op == "Relu"), r => Assert.StartsWith("conv", r.FusedInto));
        Assert.All(prediction.Nodes.Where(n => n.Op == "Relu"), r => Assert.Equal(0, r.PredictedMs));
        Assert.All(prediction.Nodes.Where(n => n.Op == "Conv"), c => Assert.True(c.PredictedMs > 0));
        Assert.Equal(prediction.Nodes.Sum(n => n.PredictedMs), prediction.TotalPredictedMs, 9);
        var cuts = prediction.Cuts.Select(c => c.CumulativePredictedMs).ToList();
        Assert.Equal(cuts.Order(), cuts);
        Assert.True(cuts[^1] <= prediction.TotalPredictedMs + 1e-9);
        // Same machine, same level: the prediction lands within a factor of three of a fresh measurement (shared machine, tiny layers).
        var measured = NodeTimer.Measure(analysis, new ProfilingSettings(1, GraphOptimizationLevel.ORT_ENABLE_ALL, 2, 5));
        Assert.InRange(prediction.TotalPredictedMs, measured.KernelSumMilliseconds / 3, measured.KernelSumMilliseconds * 3);
    }

    [Fact]
    public void A_category_never_measured_is_predicted_by_the_pooled_model_and_says_so()
    {
        var analysis = TestModels.Analyze(TestModels.Path("with_tanh", () => new Networks.NetworkBuilder("with_tanh", 3, 16, 16).Conv(8, 3).Unary("Tanh")));
        var prediction = LayerPredictor.Predict(analysis, Trained.Value.File);
        var tanh = prediction.Nodes.Single(n => n.Op == "Tanh");
        Assert.Equal("pooled", tanh.Model);
        Assert.True(tanh.PredictedMs > 0);
    }

    [Fact]
    public void The_chart_is_an_svg_with_one_label_per_executed_layer()
    {
        var analysis = TestModels.Analyze(TestModels.SmallVgg());
        var prediction = LayerPredictor.Predict(analysis, Trained.Value.File);
        var svg = PredictionChart.RenderSvg(prediction, prediction.Nodes.ToDictionary(n => n.NodeIndex, n => n.PredictedMs * 1.1));
        Assert.Contains("<svg", svg);
        Assert.EndsWith("</svg>", svg.TrimEnd());
        Assert.Contains("conv0", svg);
        Assert.Contains("measured", svg);
    }
}

public class SmallCategoryTests
{
    [Fact]
    public void A_category_of_seven_rows_is_still_fitted_by_the_technique_asked_for()
    {
        var rows = Enumerable.Range(1, 7).Select(i => new LayerSample(new LayerFeatures(i, "c", "Conv", LayerCategory.Conv, i * 1e6, 0, null, 3, 3, 64 * i, 64, 1000 * i, 2000), i * 1.5 + 0.1 * (i % 3), "n")).ToList();
        var m = LayerModelTrainer.FitCategory(LayerCategory.Conv, rows, new LayerTrainingOptions { Techniques = [AiSprint.Model.Formats.Aml.AmlTechnique.LRRidge], ForceSelection = "LRRidge", MinimumRowsForTechniques = 5 });
        Assert.Equal("LRRidge", m.Selected);
    }
}
