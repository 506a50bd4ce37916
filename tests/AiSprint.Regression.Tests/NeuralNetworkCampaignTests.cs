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
    public void Hyperopt_tunes_a_neural_network_from_aMLLibrary_defaults_and_priors()
    {
        var file = InlineConfiguration.From("""
            [General]
            techniques = ['NeuralNetwork']
            hp_selection = HoldOut
            validation = HoldOut
            hold_out_ratio = 0.2
            y = "ave_response_time"
            hyperparameter_tuning = Hyperopt
            hyperopt_max_evals = 4
            [DataPreparation]
            input_path = "@INPUT@"
            normalization = True
            [NeuralNetwork]
            n_features = [[8]]
            learning_rate = ['loguniform(0.001,0.1)']
            epochs = [20]
            """, "faas_test.csv");
        var result = RegressionCampaign.Run(file);
        var chosen = Assert.Single(Assert.Single(result.Runs).Techniques).Chosen;
        output.WriteLine($"tuned: {chosen}; validation MAPE {result.Runs[0].Techniques[0].Validation.Mape:F6}");
        // The default dictionary fills what the section leaves out; the prior became a number inside its bounds.
        Assert.Equal(["n_features", "dropouts", "activation", "optimizer", "learning_rate", "loss", "batch_size", "epochs"], chosen.Settings.Select(s => s.Name));
        Assert.Equal("[8]", chosen["n_features"]!.ToPython());
        Assert.InRange(((IniFloat)chosen["learning_rate"]!).Value, 0.001, 0.1);
        Assert.Equal("20", chosen["epochs"]!.ToPython());
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
