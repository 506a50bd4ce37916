using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Models;

namespace AiSprint.Regression.Tests;

public class NonLinearCampaignTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Tolerance = 0.01; // issue 6: each technique within one percentage point of aMLLibrary

    /// <summary>aMLLibrary's validation MAPE of the hp-selected configuration, per run (spec baseline table, -j 1 pass 1).</summary>
    [Theory]
    [InlineData("multiple.ini", AmlTechnique.DecisionTree, 0, 0.052122)]
    [InlineData("multiple.ini", AmlTechnique.XGBoost, 0, 0.542900)]
    [InlineData("multiple.ini", AmlTechnique.SVR, 0, 0.234468)]
    [InlineData("simplest_example_2.ini", AmlTechnique.SVR, 0, 0.027039)]
    [InlineData("simplest_example_2.ini", AmlTechnique.SVR, 1, 0.006864)]
    [InlineData("simplest_example_2.ini", AmlTechnique.RandomForest, 0, 0.329631)]
    [InlineData("simplest_example_2.ini", AmlTechnique.RandomForest, 1, 0.329171)]
    [InlineData("simplest_example_2.ini", AmlTechnique.XGBoost, 0, 0.331168)]
    [InlineData("simplest_example_2.ini", AmlTechnique.XGBoost, 1, 0.330002)]
    public void Validation_MAPE_is_within_a_point_of_aMLLibrary(string config, AmlTechnique technique, int run, double baseline)
    {
        var result = RegressionCampaign.Run(Examples.Configuration(config), new RegressionOptions());
        var summary = result.Runs[run].Techniques.Single(t => t.Technique == technique);
        output.WriteLine($"{config} run {run} {technique}: validation {summary.Validation.Mape:F6} (hp {summary.HpSelection.Mape:F6}) chosen {summary.Chosen}; aMLLibrary {baseline:F6}");
        Assert.True(summary.Validation.Mape <= baseline + Tolerance, $"{config} run {run} {technique}: validation MAPE {summary.Validation.Mape:F6} > {baseline:F6} + {Tolerance}");
    }

    /// <summary>
    /// multiple.ini's RandomForest (5 trees, All/All) is random in aMLLibrary (no random_state, spec §4.3): its two
    /// baseline runs gave 0.045581 (-j 1) and 0.049954 (-j 2). One seed here is one more draw from that spread, so
    /// the target is checked on the mean over seeds 0–99, and that mean is compared with scikit-learn 1.2.1's own
    /// mean over random_state 0–99 (Reference/make_reference.py): within three standard errors of the difference.
    /// </summary>
    [Fact]
    public void Multiple_RandomForest_over_seeds_matches_scikit_learn_and_aMLLibrary()
    {
        const double baseline = 0.045581;
        var file = Examples.Configuration("multiple.ini");
        file = file with { Configuration = file.Configuration with { General = file.Configuration.General with { Techniques = new([AmlTechnique.RandomForest]) } } };
        var mapes = Enumerable.Range(0, 100).Select(seed =>
        {
            var seeded = file with { Configuration = file.Configuration with { General = file.Configuration.General with { Seed = seed } } };
            return Assert.Single(RegressionCampaign.Run(seeded).Runs[0].Techniques).Validation.Mape;
        }).ToList();
        var mean = mapes.Average();
        var sd = Math.Sqrt(mapes.Average(m => (m - mean) * (m - mean)));
        var reference = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double[]>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "sklearn_xgboost_reference.json")))!["rf_multiple_mape_100_seeds"];
        var standardError = Math.Sqrt((sd * sd + reference[1] * reference[1]) / 100);
        output.WriteLine($"multiple.ini RandomForest validation MAPE over seeds 0–99: mean {mean:F6} sd {sd:F6} min {mapes.Min():F6} max {mapes.Max():F6} (seed 0: {mapes[0]:F6}); scikit-learn mean {reference[0]:F6} sd {reference[1]:F6}; aMLLibrary {baseline:F6}");
        Assert.True(mean <= baseline + Tolerance, $"mean {mean:F6} > {baseline:F6} + {Tolerance}");
        Assert.True(Math.Abs(mean - reference[0]) <= 3 * standardError, $"mean {mean:F6} vs scikit-learn {reference[0]:F6}: more than 3 standard errors ({standardError:F6}) apart");
    }

    [Fact]
    public void Tree_campaign_results_do_not_depend_on_the_thread_count()
    {
        var file = Examples.Configuration("multiple.ini");
        var one = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 1));
        var four = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 4));
        var rows = Examples.Dataset(Path.GetFileName(file.InputPath!));
        foreach (var technique in new[] { AmlTechnique.DecisionTree, AmlTechnique.RandomForest, AmlTechnique.XGBoost, AmlTechnique.SVR })
        {
            Assert.Equal(one[technique]!.Model.ToJson(), four[technique]!.Model.ToJson());
            Assert.Equal(one[technique]!.Model.Predict(rows), four[technique]!.Model.Predict(rows));
        }
    }

    [Theory]
    [InlineData(AmlTechnique.DecisionTree)]
    [InlineData(AmlTechnique.RandomForest)]
    [InlineData(AmlTechnique.XGBoost)]
    [InlineData(AmlTechnique.SVR)]
    public void Tree_and_SVR_models_round_trip_through_json_and_predict_identically(AmlTechnique technique)
    {
        var file = Examples.Configuration("multiple.ini");
        var model = RegressionCampaign.Run(file, new RegressionOptions())[technique]!.Model;
        var path = Path.Combine(Path.GetTempPath(), $"aisprint-regression-{Guid.NewGuid():N}.json");
        try
        {
            model.Save(path);
            var json = File.ReadAllText(path);
            Assert.Contains("\"formatVersion\": 2", json);
            Assert.DoesNotContain("\"fitted\"", json);
            var loaded = RegressionModel.Load(path);
            var rows = Examples.Dataset(Path.GetFileName(file.InputPath!));
            var predictions = model.Predict(rows);
            Assert.Equal(predictions, loaded.Predict(rows));
            Assert.True(predictions.Distinct().Count() > 1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_malformed_tree_model_file_is_refused()
    {
        var json = RegressionCampaign.Run(Examples.Configuration("multiple.ini"), new RegressionOptions())[AmlTechnique.DecisionTree]!.Model.ToJson();
        var cyclic = System.Text.RegularExpressions.Regex.Replace(json, "\"left\": \\[\\s*\\d+", "\"left\": [ 0");
        Assert.Contains("malformed", Assert.Throws<RegressionException>(() => RegressionModel.FromJson(cyclic)).Message);
        var badFeature = System.Text.RegularExpressions.Regex.Replace(json, "\"feature\": \\[\\s*\\d+", "\"feature\": [ 99");
        Assert.NotEqual(json, badFeature);
        Assert.Contains("malformed", Assert.Throws<RegressionException>(() => RegressionModel.FromJson(badFeature)).Message);
    }
}
