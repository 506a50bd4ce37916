using AiSprint.Regression.Techniques.Boosting;

namespace AiSprint.Regression.Techniques;

/// <summary>How XGBoost chooses its candidate thresholds (xgboost's <c>tree_method</c>).</summary>
internal enum TreeMethod
{
    /// <summary>
    /// <c>hist</c> (the default): each feature quantised once per training matrix into at most <c>max_bin</c> bins; a
    /// feature with at most that many distinct values keeps them all, so on such data it splits exactly as <see cref="Exact"/>.
    /// </summary>
    Hist,

    /// <summary><c>exact</c>: every distinct value is a candidate, whatever their number (the greedy search that reproduces aMLLibrary's examples).</summary>
    Exact,
}

/// <summary>
/// XGBoost = <c>XGBRegressor(min_child_weight, gamma, n_estimators, learning_rate, max_depth, reg_lambda, alpha)</c>
/// with objective reg:squarederror and xgboost 1.7's default base_score 0.5 (spec §5.2). Second-order boosting:
/// each round fits a tree to gradients g = ŷ − y and hessians h = 1 by greedy split finding over the cut points of
/// <see cref="Method"/> (<see cref="QuantisedFeatures"/>; the examples have far fewer distinct values per feature than
/// hist's 256 bins, so both methods find the same partitions there). With
/// T(G) = sign(G)·max(|G| − α, 0): leaf weight w = −T(G)/(H + λ), gain(G, H) = T(G)²/(H + λ), and a split's
/// loss change = gain(L) + gain(R) − gain(parent). A split needs both children's H ≥ min_child_weight, loss change
/// &gt; 1e-6 (kRtEps) and ≥ gamma, and depth &lt; max_depth; among candidates the first strictly best wins
/// (features in index order, thresholds ascending). The split value is hist's cut point: the next cut of the feature
/// over all training rows (not just the node's), and rows with x &lt; it go left. Leaves store learning_rate · w.
/// </summary>
internal sealed record XGBoostTrainer(double MinChildWeight, double Gamma, int Estimators, double LearningRate, int MaxDepth, double Alpha, double Lambda, double BaseScore = 0.5,
    TreeMethod Method = TreeMethod.Hist, int MaxBin = 256) : ITrainer
{
    public TreeEnsemble Fit(double[][] x, double[] y)
    {
        if (Estimators < 0) throw new RegressionException($"n_estimators must be ≥ 0, got {Estimators}");
        if (MaxDepth < 0) throw new RegressionException($"max_depth must be ≥ 0, got {MaxDepth}");
        if (MaxBin < 2) throw new RegressionException($"max_bin must be ≥ 2, got {MaxBin}");
        if (LearningRate < 0 || Lambda < 0 || Alpha < 0 || Gamma < 0 || MinChildWeight < 0)
            throw new RegressionException("learning_rate, lambda, alpha, gamma and min_child_weight must be ≥ 0");
        if (x.Length == 0) throw new RegressionException("XGBoost needs at least one training row");
        var quantised = QuantisedFeatures.Of(x, Method == TreeMethod.Exact ? int.MaxValue : MaxBin);
        var prediction = Enumerable.Repeat(BaseScore, x.Length).ToArray();
        var gradient = new double[x.Length];
        var grower = new BoostedTreeGrower(this, quantised, gradient, prediction);
        var trees = new RegressionTree[Estimators];
        for (var t = 0; t < Estimators; t++)
        {
            for (var i = 0; i < x.Length; i++) gradient[i] = prediction[i] - y[i];
            trees[t] = grower.Grow();
        }
        return new TreeEnsemble(TreeCombination.Sum, BaseScore, true, trees);
    }

    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);

    private static double ThresholdL1(double g, double alpha) => g > alpha ? g - alpha : g < -alpha ? g + alpha : 0;

    /// <summary>xgboost's <c>CalcGain</c> (param.h): 0 when the hessian sum is below min_child_weight.</summary>
    internal double Gain(double g, double h) => h < MinChildWeight || h <= 0 ? 0 : Square(ThresholdL1(g, Alpha)) / (h + Lambda);

    /// <summary>xgboost's <c>CalcWeight</c>: −T(G)/(H + λ), 0 when the hessian sum is below min_child_weight.</summary>
    internal double Weight(double g, double h) => h < MinChildWeight || h <= 0 ? 0 : -ThresholdL1(g, Alpha) / (h + Lambda);

    private static double Square(double v) => v * v;
}
