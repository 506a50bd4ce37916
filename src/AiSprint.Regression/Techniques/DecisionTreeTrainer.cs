namespace AiSprint.Regression.Techniques;

/// <summary>
/// DecisionTree = scikit-learn <c>DecisionTreeRegressor(criterion, max_depth, max_features, min_samples_split,
/// min_samples_leaf)</c> (spec §5.2) grown by <see cref="CartGrower"/>. aMLLibrary passes no random_state; the
/// campaign seed is used, so the feature visiting order (and thus tie-breaking between equally good splits) is
/// reproducible.
/// </summary>
internal sealed record DecisionTreeTrainer(CartSettings Settings, int Seed) : ITrainer
{
    public TreeEnsemble Fit(double[][] x, double[] y)
    {
        Settings.Validate();
        var limits = Settings.Resolve(x.Length, x.Length == 0 ? 0 : x[0].Length);
        var weights = Enumerable.Repeat(1.0, x.Length).ToArray();
        var tree = new CartGrower(CartGrower.Float32(x), y, weights, limits, SeededRandom.For(Seed, 0)).Grow(Enumerable.Range(0, x.Length).ToArray());
        return new TreeEnsemble(TreeCombination.Mean, 0, false, [tree]);
    }

    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);
}
