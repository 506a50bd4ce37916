namespace AiSprint.Regression.Techniques;

/// <summary>
/// RandomForest = scikit-learn <c>RandomForestRegressor(n_estimators, criterion, max_depth, max_features,
/// min_samples_split, min_samples_leaf)</c> (spec §5.2) with its defaults bootstrap=True, max_samples=None: each
/// tree is a <see cref="CartGrower"/> tree fitted on n rows drawn with replacement (multiplicities become row
/// weights, as scikit-learn's sample_weight), with per-split feature subsampling; the prediction is the mean of
/// the trees. Fractional min_samples_* refer to the n rows of X, as in scikit-learn. Tree t draws from its own
/// stream of the campaign seed, so the forest does not depend on how trees or experiments are scheduled.
/// </summary>
internal sealed record RandomForestTrainer(int Estimators, CartSettings Settings, int Seed) : ITrainer
{
    public TreeEnsemble Fit(double[][] x, double[] y)
    {
        if (Estimators < 1) throw new RegressionException($"n_estimators must be ≥ 1, got {Estimators}");
        Settings.Validate();
        var n = x.Length;
        var limits = Settings.Resolve(n, n == 0 ? 0 : x[0].Length);
        var xf = CartGrower.Float32(x);
        var trees = new RegressionTree[Estimators];
        for (var t = 0; t < Estimators; t++)
        {
            var random = SeededRandom.For(Seed, t + 1);
            var counts = new double[n];
            for (var i = 0; i < n; i++) counts[random.NextInt(n)]++;
            var samples = Enumerable.Range(0, n).Where(i => counts[i] > 0).ToArray();
            trees[t] = new CartGrower(xf, y, counts, limits, random).Grow(samples);
        }
        return new TreeEnsemble(TreeCombination.Mean, 0, false, trees);
    }

    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);
}
