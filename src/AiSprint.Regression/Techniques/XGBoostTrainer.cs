namespace AiSprint.Regression.Techniques;

/// <summary>
/// XGBoost = <c>XGBRegressor(min_child_weight, gamma, n_estimators, learning_rate, max_depth, reg_lambda, alpha)</c>
/// with objective reg:squarederror and xgboost 1.7's default base_score 0.5 (spec §5.2). Second-order boosting:
/// each round fits a tree to gradients g = ŷ − y and hessians h = 1 by exact greedy split finding (the examples have
/// far fewer distinct values per feature than hist's 256 bins, so hist finds the same partitions). With
/// T(G) = sign(G)·max(|G| − α, 0): leaf weight w = −T(G)/(H + λ), gain(G, H) = T(G)²/(H + λ), and a split's
/// loss change = gain(L) + gain(R) − gain(parent). A split needs both children's H ≥ min_child_weight, loss change
/// &gt; 1e-6 (kRtEps) and ≥ gamma, and depth &lt; max_depth; among candidates the first strictly best wins
/// (features in index order, thresholds ascending). The split value is hist's cut point: the next distinct value
/// of the feature over all training rows (not just the node's), and rows with x &lt; it go left. Leaves store
/// learning_rate · w.
/// </summary>
public sealed record XGBoostTrainer(double MinChildWeight, double Gamma, int Estimators, double LearningRate, int MaxDepth, double Alpha, double Lambda, double BaseScore = 0.5) : ITrainer
{
    private const double RtEps = 1e-6;

    public TreeEnsemble Fit(double[][] x, double[] y)
    {
        if (Estimators < 0) throw new RegressionException($"n_estimators must be ≥ 0, got {Estimators}");
        if (MaxDepth < 0) throw new RegressionException($"max_depth must be ≥ 0, got {MaxDepth}");
        if (LearningRate < 0 || Lambda < 0 || Alpha < 0 || Gamma < 0 || MinChildWeight < 0)
            throw new RegressionException("learning_rate, lambda, alpha, gamma and min_child_weight must be ≥ 0");
        if (x.Length == 0) throw new RegressionException("XGBoost needs at least one training row");
        var xf = CartGrower.Float32(x);
        var features = x[0].Length;
        // Per feature, the rows in ascending order of their value: sorted once, filtered per node.
        var order = Enumerable.Range(0, features).Select(f => Enumerable.Range(0, x.Length).OrderBy(i => xf[i][f]).ThenBy(i => i).ToArray()).ToArray();
        // Global distinct values per feature: xgboost's cut points when a feature has at most max_bin (256) of them.
        var cuts = Enumerable.Range(0, features).Select(f => xf.Select(r => r[f]).Distinct().Order().ToArray()).ToArray();
        var prediction = Enumerable.Repeat(BaseScore, x.Length).ToArray();
        var gradient = new double[x.Length];
        var trees = new RegressionTree[Estimators];
        for (var t = 0; t < Estimators; t++)
        {
            for (var i = 0; i < x.Length; i++) gradient[i] = prediction[i] - y[i];
            var grower = new Grower(this, xf, gradient, order, cuts);
            trees[t] = grower.Grow();
            for (var i = 0; i < x.Length; i++) prediction[i] += trees[t].Predict(x[i], strictLess: true);
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

    private sealed class Grower(XGBoostTrainer p, double[][] x, double[] gradient, int[][] order, double[][] cuts)
    {
        private readonly RegressionTree.Builder _tree = new();
        private readonly bool[] _inNode = new bool[x.Length];

        public RegressionTree Grow()
        {
            Node(Enumerable.Range(0, x.Length).ToArray(), 0);
            return _tree.Build();
        }

        private int Node(int[] rows, int depth)
        {
            double g = 0;
            foreach (var i in rows) g += gradient[i];
            double h = rows.Length; // squared error: hessian 1 per row
            var node = _tree.AddLeaf(p.LearningRate * p.Weight(g, h));
            if (p.MaxDepth > 0 && depth >= p.MaxDepth) return node;
            var parentGain = p.Gain(g, h);
            foreach (var i in rows) _inNode[i] = true;
            var bestLoss = double.NegativeInfinity;
            var bestFeature = -1;
            var bestValue = 0.0;
            for (var f = 0; f < order.Length; f++)
            {
                double gl = 0, hl = 0;
                var previous = double.NaN;
                foreach (var i in order[f])
                {
                    if (!_inNode[i]) continue;
                    var v = x[i][f];
                    if (hl > 0 && v > previous)
                    {
                        var (gr, hr) = (g - gl, h - hl);
                        if (hl >= p.MinChildWeight && hr >= p.MinChildWeight)
                        {
                            // xgboost keeps the loss change as a float: rounding there makes mirror-image partitions of
                            // two features tie exactly, and ties go to the lower feature index (SplitEntry::NeedReplace).
                            double loss = (float)(p.Gain(gl, hl) + p.Gain(gr, hr) - parentGain);
                            if (loss > bestLoss) { bestLoss = loss; bestFeature = f; bestValue = cuts[f][Array.BinarySearch(cuts[f], previous) + 1]; }
                        }
                    }
                    gl += gradient[i]; hl += 1; previous = v;
                }
            }
            foreach (var i in rows) _inNode[i] = false;
            if (bestFeature < 0 || bestLoss <= RtEps || bestLoss < p.Gamma) return node;
            var left = rows.Where(i => x[i][bestFeature] < bestValue).ToArray();
            var right = rows.Where(i => x[i][bestFeature] >= bestValue).ToArray();
            _tree.MakeSplit(node, bestFeature, bestValue);
            var l = Node(left, depth + 1);
            var r = Node(right, depth + 1);
            _tree.Link(node, l, r);
            return node;
        }
    }
}
