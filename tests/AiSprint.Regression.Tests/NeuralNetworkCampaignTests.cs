using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Models;

namespace AiSprint.Regression.Tests;

/// <summary>
/// aMLLibrary's NeuralNetwork campaigns run unchanged. aMLLibrary has no figures for them (Keras was missing, every
/// experiment failed, spec baseline table), so the checks are that they run, deterministically, and that the model
/// file round-trips.
/// </summary>
public class NeuralNetworkCampaignTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Neural_network_ini_runs_unchanged_and_reports_every_configuration()
    {
        var result = RegressionCampaign.Run(Examples.Configuration("neural_network.ini"));
        var summary = Assert.Single(Assert.Single(result.Runs).Techniques);
        output.WriteLine($"neural_network.ini: chosen {summary.Chosen}, training {summary.Training.Mape:F6} hp_selection {summary.HpSelection.Mape:F6} validation {summary.Validation.Mape:F6}; final full-data {result.Best.FullData.Mape:F6}");
        foreach (var failure in result.FailedExperiments) output.WriteLine($"failed: {failure}");
        Assert.Equal(AmlTechnique.NeuralNetwork, summary.Technique);
        // 8 configurations × 5 hp folds; a fold only fails if its training diverges (reported, as aMLLibrary drops failed experiments).
        Assert.True(result.FailedExperiments.Count < 40);
        Assert.True(double.IsFinite(summary.Validation.Mape));
        Assert.Equal(RegressionModel.NeuralNetworkFormatVersion, result.Best.Model.FormatVersion);
    }

    [Fact]
    public void Neural_network_campaign_results_do_not_depend_on_the_thread_count()
    {
        var file = Examples.Configuration("neural_network.ini");
        var one = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 1));
        var four = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 4));
        Assert.Equal(one.Runs[0].Techniques[0].Validation, four.Runs[0].Techniques[0].Validation);
        Assert.Equal(one.Best.Model.ToJson(), four.Best.Model.ToJson());
    }

    [Fact]
    public void Mlp_model_round_trips_through_json_as_version_4_and_predicts_identically()
    {
        var file = Examples.Configuration("multiple.ini");
        var model = RegressionCampaign.Run(file)[AmlTechnique.NeuralNetwork]!.Model;
        var path = Path.Combine(Path.GetTempPath(), $"aisprint-regression-{Guid.NewGuid():N}.json");
        try
        {
            model.Save(path);
            var json = File.ReadAllText(path);
            Assert.Contains("\"formatVersion\": 4", json);
            Assert.Contains("\"mlp\"", json);
            var loaded = RegressionModel.Load(path);
            var rows = Examples.Dataset("simplest.csv");
            var predictions = model.Predict(rows);
            Assert.Equal(predictions, loaded.Predict(rows));
            Assert.True(predictions.Distinct().Count() > 1);
            // An MLP under an older version number, or a layer that does not chain, is refused.
            Assert.Contains("version 3", Assert.Throws<RegressionException>(() => RegressionModel.FromJson(json.Replace("\"formatVersion\": 4", "\"formatVersion\": 3"))).Message);
            var broken = System.Text.RegularExpressions.Regex.Replace(json, "\"inputs\": \\d+", "\"inputs\": 999", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            Assert.Contains("malformed neural network", Assert.Throws<RegressionException>(() => RegressionModel.FromJson(broken)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class CampaignProgressTests
{
    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool, after Run returns).</summary>
    private sealed class Recorder : IProgress<double>
    {
        public System.Collections.Concurrent.ConcurrentBag<double> Values { get; } = [];
        public void Report(double value) => Values.Add(value);
    }

    [Fact]
    public void A_campaign_reports_one_fraction_per_experiment_up_to_one()
    {
        var recorder = new Recorder();
        RegressionCampaign.Run(Examples.Configuration("neural_network.ini"), new RegressionOptions(Progress: recorder));
        // 8 configurations × 5 hp folds.
        Assert.Equal(Enumerable.Range(1, 40).Select(k => k / 40.0), recorder.Values.Order());
    }
}
