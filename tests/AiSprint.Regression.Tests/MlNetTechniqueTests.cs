using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Models;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tests;

/// <summary>LightGBM and FastTree (ML.NET) as techniques beside aMLLibrary's: configuration, determinism, model files.</summary>
public class MlNetTechniqueTests
{
    private static (double[][] X, double[] Y) Data(int rows)
    {
        var x = Enumerable.Range(0, rows).Select(i => new double[] { i % 37 / 37.0, i % 11, (i * 7) % 23 }).ToArray();
        var y = x.Select(r => 5 + Math.Sin(5 * r[0]) + 0.2 * r[1] * (r[2] > 10 ? 1 : -0.5)).ToArray();
        return (x, y);
    }

    [Theory]
    [InlineData(AmlTechnique.LightGBM)]
    [InlineData(AmlTechnique.FastTree)]
    public void A_fit_is_deterministic_and_learns_the_training_rows(AmlTechnique technique)
    {
        var (x, y) = Data(400);
        var point = new GridPoint([new HyperparameterSetting("n_estimators", new IniInteger(60)), new HyperparameterSetting("min_child_samples", new IniInteger(3))]);
        var model = TechniqueCatalog.Bind(technique, point, seed: 1).Fit(x, y);
        var again = TechniqueCatalog.Bind(technique, point, seed: 1).Fit(x, y);
        var predictions = x.Select(model.Predict).ToArray();
        Assert.Equal(predictions, x.Select(again.Predict));
        var mape = predictions.Zip(y).Average(p => Math.Abs((p.First - p.Second) / p.Second));
        Assert.True(mape < 0.03, $"{technique} training MAPE {mape}");
        var ensemble = Assert.IsType<TreeEnsemble>(model);
        Assert.Equal(60, ensemble.Trees.Count);
        Assert.All(ensemble.Trees, t => Assert.True(t.IsWellFormed(3)));
    }

    [Theory]
    [InlineData(AmlTechnique.LightGBM)]
    [InlineData(AmlTechnique.FastTree)]
    public void A_campaign_names_it_in_unchanged_syntax_and_its_model_file_round_trips(AmlTechnique technique)
    {
        var file = InlineConfiguration.From($"""
            [General]
            run_num = 1
            techniques = ['{technique}', 'LRRidge']
            hp_selection = KFold
            folds = 4
            validation = HoldOut
            hold_out_ratio = 0.2
            y = "ave_response_time"
            hyperparameter_tuning = Hyperopt
            hyperopt_max_evals = 4
            seed = 2

            [DataPreparation]
            input_path = "@INPUT@"
            inverse = ['Lambda']

            [{technique}]
            n_estimators = ['quniform(20,60,10)']
            learning_rate = ['loguniform(0.05,0.3)']
            num_leaves = [8]
            min_child_samples = [2]

            [LRRidge]
            alpha = ['loguniform(0.01,1)']
            """, "faas_test.csv");
        var one = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 1));
        var two = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 2));
        var final = one[technique]!;
        Assert.Equal(final.Model.ToJson(), two[technique]!.Model.ToJson());
        Assert.Equal(RegressionModel.MlNetTreesFormatVersion, final.Model.FormatVersion);
        Assert.Contains(final.Hyperparameters.Settings, s => s.Name == "n_estimators");
        var path = Path.Combine(Path.GetTempPath(), $"aisprint-{technique}-{Guid.NewGuid():N}.model.json");
        try
        {
            final.Model.Save(path);
            var loaded = RegressionModel.Load(path);
            var dataset = Examples.Dataset("faas_test.csv");
            Assert.Equal(final.Model.Predict(dataset), loaded.Predict(dataset));
            Assert.True(final.FullData.Mape < 0.2, $"full-data MAPE {final.FullData.Mape}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_version_5_file_without_trees_is_refused()
    {
        var (x, y) = Data(100);
        var json = RegressionCampaign.Run(InlineConfiguration.From("""
            [General]
            run_num = 1
            techniques = ['LightGBM']
            hp_selection = All
            validation = All
            y = "ave_response_time"

            [DataPreparation]
            input_path = "@INPUT@"

            [LightGBM]
            n_estimators = [5]
            min_child_samples = [2]
            """, "faas_test.csv")).Best.Model.ToJson();
        Assert.Contains("\"formatVersion\": 5", json.Replace("\":5", "\": 5"));
        var broken = System.Text.RegularExpressions.Regex.Replace(json, "\"trees\":\\s*\\{", "\"svr\": null, \"ignored\": {");
        Assert.Throws<RegressionException>(() => RegressionModel.FromJson(broken));
    }
}
