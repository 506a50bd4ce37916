using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Models;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tests;

public class TreeTechniqueTests
{
    private static readonly double[][] StepX = Enumerable.Range(0, 10).Select(i => new double[] { i }).ToArray();
    private static readonly double[] StepY = Enumerable.Range(0, 10).Select(i => i < 5 ? 1.0 : 3.0).ToArray();

    private static CartSettings Cart(int? maxDepth = null, SampleCount? split = null, SampleCount? leaf = null, FeatureCount? features = null) =>
        new(SplitCriterion.SquaredError, maxDepth, features ?? FeatureCount.All, split ?? new SampleCount(2, false), leaf ?? new SampleCount(1, false));

    [Fact]
    public void A_tree_on_a_step_function_finds_the_step_at_the_midpoint()
    {
        var model = new DecisionTreeTrainer(Cart(), 0).Fit(StepX, StepY);
        var tree = Assert.Single(model.Trees);
        Assert.Equal(3, tree.NodeCount); // root + two pure leaves: impurity 0 stops splitting
        Assert.Equal(0, tree.Feature[0]);
        Assert.Equal(4.5, tree.Threshold[0]);
        Assert.Equal(1.0, model.Predict([4.5]));
        Assert.Equal(3.0, model.Predict([4.5001]));
        Assert.Equal(1.0, model.Predict([4.5000001])); // compared in float32, as scikit-learn: rounds to 4.5
    }

    [Fact]
    public void The_best_feature_is_chosen_whatever_the_visiting_order()
    {
        // Feature 1 is noise, feature 0 carries the step: every seed must split on feature 0 first.
        var x = StepX.Select((r, i) => new[] { r[0], (i * 7) % 10 }).ToArray();
        for (var seed = 0; seed < 5; seed++)
        {
            var tree = new DecisionTreeTrainer(Cart(maxDepth: 1), seed).Fit(x, StepY).Trees[0];
            Assert.Equal(0, tree.Feature[0]);
        }
    }

    [Fact]
    public void Fractions_are_ceiled_like_scikit_learn_and_counts_are_kept()
    {
        // Python: ceil(0.07 * 100) = ceil(7.000000000000001) = 8; min_samples_split = max(2, ceil(f·n), 2·leaf).
        Assert.Equal(8, new SampleCount(0.07, true).Resolve(100));
        Assert.Equal(3, new SampleCount(0.3, true).Resolve(10));
        Assert.Equal(3, new SampleCount(3, false).Resolve(10));
        var limits = Cart(split: new SampleCount(0.01, true), leaf: new SampleCount(0.01, true)).Resolve(100, 3);
        Assert.Equal((2, 1), (limits.MinSamplesSplit, limits.MinSamplesLeaf));
        limits = Cart(split: new SampleCount(0.1, true), leaf: new SampleCount(4, false)).Resolve(30, 9);
        Assert.Equal((8, 4), (limits.MinSamplesSplit, limits.MinSamplesLeaf));
        Assert.Equal(3, new FeatureCount("sqrt").Resolve(9));
        Assert.Equal(3, new FeatureCount("log2").Resolve(9));
        Assert.Equal(9, new FeatureCount("auto").Resolve(9)); // regressors, scikit-learn < 1.3
    }

    [Fact]
    public void Min_samples_leaf_moves_the_split_away_from_the_step()
    {
        // With 6 rows needed per leaf the step (5 | 5) is not allowed: the best allowed split is 6 | 4 or 4 | 6.
        var tree = new DecisionTreeTrainer(Cart(leaf: new SampleCount(4, false)), 0).Fit(StepX, StepY).Trees[0];
        Assert.Equal(4.5, tree.Threshold[0]);
        var tree2 = new DecisionTreeTrainer(Cart(leaf: new SampleCount(6, false)), 0).Fit(StepX, StepY).Trees[0];
        Assert.Equal(1, tree2.NodeCount); // 10 rows < 2·6: the root is a leaf predicting the mean
        Assert.Equal(2.0, tree2.Value[0]);
    }

    [Fact]
    public void Max_depth_limits_the_tree()
    {
        var x = Enumerable.Range(0, 32).Select(i => new double[] { i }).ToArray();
        var y = x.Select(r => r[0] * r[0]).ToArray();
        Assert.Equal(3, new DecisionTreeTrainer(Cart(maxDepth: 3), 0).Fit(x, y).Trees[0].Depth());
        var full = new DecisionTreeTrainer(Cart(), 0).Fit(x, y); // fully grown: one pure leaf per distinct value
        Assert.Equal(63, full.Trees[0].NodeCount);
        Assert.Equal(y, x.Select(full.Predict));
    }

    [Fact]
    public void A_forest_predicts_the_mean_of_its_trees_and_is_reproducible()
    {
        var x = Enumerable.Range(0, 40).Select(i => new double[] { i % 7, i / 7.0, (i * 13) % 11 }).ToArray();
        var y = x.Select(r => 2 * r[0] + r[1] * r[1] - r[2]).ToArray();
        var trainer = new RandomForestTrainer(7, Cart(maxDepth: 4, features: new FeatureCount("sqrt")), 3);
        var forest = trainer.Fit(x, y);
        Assert.Equal(7, forest.Trees.Count);
        foreach (var row in x)
        {
            Assert.Equal(forest.Trees.Average(t => t.Predict(row, false)), forest.Predict(row), 12);
        }
        Assert.NotEqual(forest.Trees[0].Value, forest.Trees[1].Value); // different bootstrap samples
        var again = trainer.Fit(x, y);
        Assert.Equal(x.Select(forest.Predict), x.Select(again.Predict));
        var otherSeed = (trainer with { Seed = 4 }).Fit(x, y);
        Assert.NotEqual(x.Select(forest.Predict), x.Select(otherSeed.Predict));
    }

    [Fact]
    public void Boosting_one_tree_with_learning_rate_1_and_lambda_0_gives_the_leaf_means()
    {
        // g = 0.5 − y, h = 1: w = −ΣG/ΣH = mean(y) − 0.5, so base 0.5 + w = the leaf's mean of y.
        var y = StepY.Select((v, i) => v + 0.1 * i).ToArray();
        var boosted = new XGBoostTrainer(MinChildWeight: 1, Gamma: 0, Estimators: 1, LearningRate: 1, MaxDepth: 1, Alpha: 0, Lambda: 0).Fit(StepX, y);
        var tree = new DecisionTreeTrainer(Cart(maxDepth: 1), 0).Fit(StepX, y);
        foreach (var row in StepX) Assert.Equal(tree.Predict(row), boosted.Predict(row), 12);
        Assert.Equal(5.0, boosted.Trees[0].Threshold[0]); // xgboost's split value: the next distinct value, x < 5 goes left
    }

    [Theory]
    [InlineData(2.0, 0.0, 0.3)]
    [InlineData(1.0, 3.0, 0.1)]
    [InlineData(0.0, 100.0, 1.0)]
    public void A_single_leaf_has_xgboost_weight_minus_G_over_H_plus_lambda(double lambda, double alpha, double eta)
    {
        // A huge gamma forbids every split: the one leaf has weight −T(G, α)/(H + λ), scaled by the learning rate.
        var g = StepY.Sum(v => 0.5 - v);
        var t = Math.Sign(g) * Math.Max(Math.Abs(g) - alpha, 0);
        var model = new XGBoostTrainer(1, 1e9, 1, eta, 3, alpha, lambda).Fit(StepX, StepY);
        Assert.Equal(1, model.Trees[0].NodeCount);
        Assert.Equal(0.5 + eta * -t / (StepY.Length + lambda), model.Predict([0.0]), 12);
    }

    [Fact]
    public void Gamma_and_min_child_weight_stop_splits()
    {
        // The step's loss change: G_L²/(H_L+1) + G_R²/(H_R+1) − G²/(H+1) with G = Σ(0.5 − y).
        static double Gain(double g, double h) => g * g / (h + 1);
        var lossChange = Gain(5 * -0.5, 5) + Gain(5 * -2.5, 5) - Gain(5 * -0.5 + 5 * -2.5, 10);
        Assert.Equal(3, new XGBoostTrainer(1, lossChange - 1e-6, 1, 1, 1, 0, 1).Fit(StepX, StepY).Trees[0].NodeCount);
        Assert.Equal(1, new XGBoostTrainer(1, lossChange + 1e-6, 1, 1, 1, 0, 1).Fit(StepX, StepY).Trees[0].NodeCount);
        // min_child_weight 6 on 10 rows (hessian 1 each): no split leaves ≥ 6 on both sides.
        Assert.Equal(1, new XGBoostTrainer(6, 0, 1, 1, 1, 0, 1).Fit(StepX, StepY).Trees[0].NodeCount);
    }

    [Fact]
    public void Boosting_converges_on_the_training_data()
    {
        var model = new XGBoostTrainer(1, 0, 200, 0.3, 2, 0, 1).Fit(StepX, StepY);
        foreach (var (row, y) in StepX.Zip(StepY)) Assert.Equal(y, model.Predict(row), 3);
    }

    [Fact]
    public void Invalid_tree_hyper_parameters_fail_the_experiment_like_scikit_learn()
    {
        var mae = new GridPoint([new HyperparameterSetting("criterion", new IniString("mae"))]);
        Assert.Throws<RegressionException>(() => TechniqueCatalog.Bind(AmlTechnique.DecisionTree, mae).Fit(StepX, StepY));
        var leaf = new GridPoint([new HyperparameterSetting("min_samples_leaf", new IniFloat(1.0))]);
        Assert.Throws<RegressionException>(() => TechniqueCatalog.Bind(AmlTechnique.RandomForest, leaf).Fit(StepX, StepY));
        var unknown = new GridPoint([new HyperparameterSetting("eta", new IniFloat(0.1))]);
        Assert.Throws<RegressionException>(() => TechniqueCatalog.Bind(AmlTechnique.XGBoost, unknown));
    }
}
