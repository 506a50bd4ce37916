using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.FeatureSelection;
using AiSprint.Regression.Models;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tests;

/// <summary>SFS (spec §7.1): mlxtend forward selection per experiment, wired into campaigns and model files.</summary>
public class FeatureSelectionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Tolerance = 0.01; // each technique within one percentage point of aMLLibrary

    [Theory]
    [InlineData("faas_test_sfs.ini", AmlTechnique.LRRidge, 0.000224)]
    [InlineData("simplest_example_3.ini", AmlTechnique.LRRidge, 0.092284)]
    [InlineData("simplest_example_3.ini", AmlTechnique.DecisionTree, 0.076108)]
    public void SFS_validation_MAPE_is_within_a_point_of_aMLLibrary(string config, AmlTechnique technique, double baseline)
    {
        var result = RegressionCampaign.Run(Examples.Configuration(config));
        var summary = Assert.Single(result.Runs).Techniques.Single(t => t.Technique == technique);
        output.WriteLine($"{config} {technique}: validation {summary.Validation.Mape:F6} (hp {summary.HpSelection.Mape:F6}) chosen {summary.Chosen}; aMLLibrary {baseline:F6}; final model on {string.Join(", ", result[technique]!.Model.SelectedFeatures ?? [])}");
        Assert.True(summary.Validation.Mape <= baseline + Tolerance, $"{config} {technique}: validation MAPE {summary.Validation.Mape:F6} > {baseline:F6} + {Tolerance}");
        // simplest_example_3's DecisionTree grid has 240 'mae' points × 5 folds that fail, as in aMLLibrary (spec §5.3).
        Assert.Equal(config == "simplest_example_3.ini" ? 1200 : 0, result.FailedExperiments.Count);
    }

    [Fact]
    public void XGBoost_feature_selection_is_within_a_point_of_aMLLibrary_in_each_run()
    {
        // Spec §7.2 and baseline table: run0 LRRidge 0.008966, run1 0.010570 (validation MAPE of the hp-selected configuration).
        var result = RegressionCampaign.Run(Examples.Configuration("xgboost_feature_selection.ini"));
        double[] baselines = [0.008966, 0.010570];
        Assert.Equal(2, result.Runs.Count);
        var selected = Assert.IsAssignableFrom<IReadOnlyList<string>>(result.Best.Model.SelectedFeatures);
        output.WriteLine($"selected ({selected.Count} of {result.Best.Model.Pipeline.Features.Count}): {string.Join(", ", selected)}");
        Assert.True(selected.Count < result.Best.Model.Pipeline.Features.Count);
        for (var run = 0; run < 2; run++)
        {
            var summary = Assert.Single(result.Runs[run].Techniques);
            output.WriteLine($"run{run} LRRidge: validation {summary.Validation.Mape:F6} (hp {summary.HpSelection.Mape:F6}); aMLLibrary {baselines[run]:F6}");
            Assert.True(summary.Validation.Mape <= baselines[run] + Tolerance, $"run{run}: {summary.Validation.Mape:F6} > {baselines[run]:F6} + {Tolerance}");
        }
    }

    [Fact]
    public void XGBoost_importance_takes_features_in_column_order_up_to_the_tolerance()
    {
        // Weights (split counts) a:1 b:0 c:6 d:3 → 0.1, –, 0.6, 0.3. Column order, not importance order: tolerance 0.4 takes a then c.
        RegressionTree Stump(int feature) => new([feature, -1, -1], [0.5, 0, 0], [1, -1, -1], [2, -1, -1], [0, 1, 2]);
        var trees = new TreeEnsemble(TreeCombination.Sum, 0.5, true, [Stump(0), .. Enumerable.Repeat(Stump(2), 6), .. Enumerable.Repeat(Stump(3), 3)]);
        Assert.Equal(["a", "c"], XGBoostFeatureSelection.ByWeight(["a", "b", "c", "d"], trees, 0.4));
        Assert.Equal(["a"], XGBoostFeatureSelection.ByWeight(["a", "b", "c", "d"], trees, 0.1));
        Assert.Equal(["a", "c", "d"], XGBoostFeatureSelection.ByWeight(["a", "b", "c", "d"], trees, 0.95));
    }

    [Fact]
    public void Forward_selection_picks_the_informative_features()
    {
        // y = 2 + 3·x0 − 5·x2 exactly; x1 and x3 are noise. One feature: x2 (the larger effect); two: {x0, x2}.
        var random = new Random(7);
        var x = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextDouble() + 1).ToArray()).ToArray();
        var y = x.Select(r => 2 + 3 * r[0] - 5 * r[2] + 20).ToArray();
        var ridge = new RidgeTrainer(1e-8);

        var one = SequentialForwardSelector.Select(ridge, x, y, 1, 1, 4);
        Assert.Equal([2], one.Columns);

        // Range 1..2: the second step adds x0 (exact fit), and size 2 beats size 1 on mean CV score.
        var upToTwo = SequentialForwardSelector.Select(ridge, x, y, 1, 2, 4);
        Assert.Equal([0, 2], upToTwo.Columns);
        Assert.Equal(2, upToTwo.MeanScoreBySize.Count);
        Assert.True(upToTwo.MeanScoreBySize[1] > upToTwo.MeanScoreBySize[0]);
        Assert.True(upToTwo.MeanScoreBySize[1] > -1e-6); // −MAPE of an exact fit

        // A constant target: every subset scores the same, so the smallest size in the range wins (ties → smaller).
        var flat = SequentialForwardSelector.Select(ridge, x, x.Select(_ => 5.0).ToArray(), 1, 3, 4);
        Assert.Equal([0], flat.Columns);
    }

    [Fact]
    public void Unshuffled_kfold_matches_scikit_learn_block_sizes()
    {
        // KFold(3) on 10 rows: [0..3], [4..6], [7..9].
        Assert.Equal([(0, 4), (4, 3), (7, 3)], UnshuffledKFold.Blocks(10, 3));
        Assert.Throws<ArgumentException>(() => UnshuffledKFold.Blocks(2, 3));
    }

    [Fact]
    public void SFS_results_do_not_depend_on_the_thread_count()
    {
        var config = Examples.Configuration("faas_test_sfs.ini");
        var one = RegressionCampaign.Run(config, new RegressionOptions(1));
        var many = RegressionCampaign.Run(config, new RegressionOptions(2));
        Assert.Equal(one.Runs.SelectMany(r => r.Techniques).Select(t => (t.Chosen.ToString(), t.Training, t.HpSelection, t.Validation)),
                     many.Runs.SelectMany(r => r.Techniques).Select(t => (t.Chosen.ToString(), t.Training, t.HpSelection, t.Validation)));
        Assert.Equal(one.Best.Model.ToJson(), many.Best.Model.ToJson());
    }

    [Fact]
    public void SFS_model_round_trip_predicts_with_the_selected_columns()
    {
        var result = RegressionCampaign.Run(Examples.Configuration("faas_test_sfs.ini"));
        var model = result.Best.Model;
        var selected = Assert.IsAssignableFrom<IReadOnlyList<string>>(model.SelectedFeatures);
        Assert.InRange(selected.Count, 1, 3);
        Assert.True(selected.Count < model.Pipeline.Features.Count);
        Assert.Equal(selected.Count, Assert.IsType<LinearModel>(model.Fitted).Coefficients.Count);
        Assert.Equal(RegressionModel.FeatureSelectionFormatVersion, model.FormatVersion);

        var json = model.ToJson();
        var loaded = RegressionModel.FromJson(json);
        Assert.Equal(selected, loaded.SelectedFeatures);
        var rows = Examples.Dataset("faas_test.csv");
        var predicted = loaded.Predict(rows);
        Assert.Equal(model.Predict(rows), predicted);
        // The file reproduces the campaign's in-sample full-data fit (every faas_test row is used).
        var actual = ((NumericColumn)rows["ave_response_time"]!).Values;
        var mape = actual.Select((a, i) => Math.Abs(predicted[i] - a) / Math.Abs(a)).Average();
        Assert.Equal(result.Best.FullData.Mape, mape, 12);

        // A version 3 file without its column list, or naming an unknown column, is refused rather than mispredicting.
        var withoutSelection = json.Replace("\"selectedFeatures\"", "\"unusedKey\"");
        Assert.Contains("selectedFeatures", Assert.Throws<RegressionException>(() => RegressionModel.FromJson(withoutSelection)).Message);
        var unknown = (model with { SelectedFeatures = ["no_such_column"] }).ToJson();
        Assert.Contains("selectedFeatures", Assert.Throws<RegressionException>(() => RegressionModel.FromJson(unknown)).Message);
    }

    [Fact]
    public void SFS_refuses_more_features_than_columns()
    {
        var config = InlineConfiguration.From("""
            [General]
            techniques = ['LRRidge']
            hp_selection = All
            validation = All
            y = "ave_response_time"

            [DataPreparation]
            input_path = "@INPUT@"

            [FeatureSelection]
            method = "SFS"
            max_features = 9
            folds = 3
            """, "faas_test.csv");
        Assert.Contains("max_features", Assert.Throws<RegressionException>(() => RegressionCampaign.Run(config)).Message);
    }
}
