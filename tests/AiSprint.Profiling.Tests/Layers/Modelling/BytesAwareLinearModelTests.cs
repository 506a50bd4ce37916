using AiSprint.Profiling.Layers.Features;
using AiSprint.Profiling.Layers.Measurement;
using AiSprint.Profiling.Layers.Modelling;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Profiling.Tests.Layers.Modelling;

public class BytesAwareLinearModelTests
{
    private static LayerSample Row(double operations, long bytes, double ms) => Row(operations, bytes / 2, bytes - bytes / 2, ms);

    private static LayerSample Row(double operations, long read, long written, double ms) =>
        new(new LayerFeatures(0, "conv", "Conv", LayerCategory.Conv, operations, 0, null, 3, 3, 64, 64, read, written), ms, "synthetic");

    [Fact]
    public void Times_that_are_a_cost_per_operation_plus_a_cost_per_byte_written_are_recovered_exactly()
    {
        // Independent operation counts and byte counts, as a first convolution (few operations, the largest map written) and a deep one have.
        var rows = new[] { (8.7e7, 600_000L, 12_800_000L), (1.85e9, 12_800_000L, 12_800_000L), (4.6e8, 400_000L, 400_000L), (9.2e8, 1_600_000L, 3_200_000L), (1.85e9, 1_600_000L, 1_600_000L), (2.3e8, 3_200_000L, 800_000L) }
            .Select(r => Row(r.Item1, r.Item2, r.Item3, 0.5 + 2e-9 * r.Item1 + 3e-7 * r.Item3)).ToList();

        var model = BytesAwareLinearModel.Fit(rows)!;

        Assert.Equal(0.5, model.InterceptMs, 6);
        Assert.Equal(2e-9, model.MsPerOperation, 15);
        Assert.Equal(0, model.MsPerByteRead, 12);
        Assert.Equal(3e-7, model.MsPerByteWritten, 12);
        Assert.All(rows, r => Assert.Equal(r.Milliseconds, model.Predict(r.Features), 6));
    }

    [Fact]
    public void A_slope_that_would_come_out_negative_is_dropped_rather_than_extrapolated()
    {
        // Times that an exact fit explains with a negative cost per byte: a model that would predict less time for a
        // layer that moves more data.
        var rows = new[] { (1e8, 9_000_000L), (2e8, 7_000_000L), (4e8, 5_000_000L), (8e8, 2_000_000L), (1.6e9, 1_000_000L) }
            .Select(r => Row(r.Item1, r.Item2, 2 + 1e-9 * r.Item1 - 1e-7 * r.Item2)).ToList();

        var model = BytesAwareLinearModel.Fit(rows)!;

        Assert.Equal(0, model.MsPerByteRead);
        Assert.Equal(0, model.MsPerByteWritten);
        Assert.True(model.MsPerOperation > 0);
    }

    [Fact]
    public void Relative_least_squares_keeps_the_small_layers_error_small_where_plain_least_squares_does_not()
    {
        // Two large layers decide a plain least-squares line; the small one is the layer the aims fail on.
        var rows = new List<LayerSample> { Row(1e8, 1_000_000, 1.0), Row(1e9, 1_000_000, 6.0), Row(2e9, 1_000_000, 13.0), Row(1.5e9, 1_000_000, 9.0) };

        var relative = BytesAwareLinearModel.Fit(rows)!;
        var plain = LayerModelTrainer.FitLinear(rows);

        double Error(double predicted) => Math.Abs(predicted - 1.0);
        Assert.True(Error(relative.Predict(rows[0].Features)) < Error(plain.Predict(rows[0].Features.Operations)),
            $"relative {relative.Predict(rows[0].Features):F3} ms, plain {plain.Predict(rows[0].Features.Operations):F3} ms against 1 ms");
    }

    [Fact]
    public void A_model_trained_on_measured_layers_scores_the_memory_term_and_predicts_with_it_when_selected()
    {
        var settings = new ProfilingSettings(1, GraphOptimizationLevel.ORT_ENABLE_ALL, 1, 3);
        var measured = NodeTimer.Measure(TestModels.Analyze(TestModels.SmallVgg("bytes_vgg", [16, 32, 0, 32, 64, 0, 64, 128])), settings);

        var file = LayerModelTrainer.Train([measured], new LayerTrainingOptions { Techniques = [], ForceSelection = BytesAwareLinearModel.Name });
        var without = LayerModelTrainer.Train([measured], new LayerTrainingOptions { Techniques = [], MemoryTerm = false });

        var conv = file.For(1).Categories.Single(c => c.Category == LayerCategory.Conv);
        Assert.Equal(BytesAwareLinearModel.Name, conv.Selected);
        Assert.Contains(conv.Scores, s => s.Technique == BytesAwareLinearModel.Name && s.CrossValidationMape is not null);
        var analysis = TestModels.Analyze(TestModels.SmallVgg());
        var features = DesignTableCounts.Of(analysis).Where(f => f.Category == LayerCategory.Conv).ToList();
        var (predicted, used) = LayerPredictor.PredictRows(conv, features);
        Assert.Equal(BytesAwareLinearModel.Name, used);
        Assert.Equal(features.Select(conv.BytesAware!.Predict), predicted);
        // The file keeps it through a save; without the memory term nothing of it is written.
        var path = Path.Combine(Path.GetTempPath(), $"layers-{Guid.NewGuid():N}.json");
        try
        {
            file.Save(path);
            var loaded = LayerModelFile.Load(path).For(1).Categories.Single(c => c.Category == LayerCategory.Conv);
            Assert.Equal(conv.BytesAware, loaded.BytesAware);
            Assert.Equal(predicted, LayerPredictor.PredictRows(loaded, features).Milliseconds);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.DoesNotContain("bytesAware", without.ToJson());
        Assert.Equal("linear", without.For(1).Categories.Single(c => c.Category == LayerCategory.Conv).Selected);
    }
}
