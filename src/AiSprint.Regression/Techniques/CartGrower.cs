namespace AiSprint.Regression.Techniques;

/// <summary>
/// Grows one CART regression tree with scikit-learn 1.2's <c>DepthFirstTreeBuilder</c> + <c>BestSplitter</c>
/// semantics (spec §5.2): a node is a leaf when depth ≥ max_depth, it has fewer than min_samples_split rows or
/// fewer than 2·min_samples_leaf, or its impurity ≤ machine epsilon; otherwise features are visited in a seeded
/// random order until max_features non-constant ones were evaluated, each split position between distinct values
/// (gap &gt; 1e-7) leaving ≥ min_samples_leaf rows on each side is scored by the criterion's proxy, the first
/// strictly best wins, and the threshold is the midpoint of the two float32 values. Row counts (leaf/split limits)
/// count distinct rows; sums, impurities and leaf means use the row weights (bootstrap multiplicities).
/// </summary>
internal sealed class CartGrower
{
    private const double FeatureThreshold = 1e-7;
    private static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0;

    private readonly double[][] _x;
    private readonly double[] _y;
    private readonly double[] _w;
    private readonly CartLimits _limits;
    private readonly SeededRandom _random;
    private readonly RegressionTree.Builder _tree = new();
    private readonly int[] _features;
    private readonly float[] _keys;

    /// <param name="x">Rows of features already rounded to float32.</param>
    public CartGrower(double[][] x, double[] y, double[] w, CartLimits limits, SeededRandom random)
    {
        _x = x; _y = y; _w = w; _limits = limits; _random = random;
        _features = Enumerable.Range(0, x.Length == 0 ? 0 : x[0].Length).ToArray();
        _keys = new float[x.Length];
    }

    /// <summary>Rows of <c>x</c> as float32, as scikit-learn's <c>check_array(dtype=np.float32)</c> stores them.</summary>
    public static double[][] Float32(double[][] x) => x.Select(r => r.Select(v => (double)(float)v).ToArray()).ToArray();

    public RegressionTree Grow(int[] samples)
    {
        if (samples.Length == 0) throw new RegressionException("a tree needs at least one training row");
        Node(samples, 0, samples.Length, 0);
        return _tree.Build();
    }

    private int Node(int[] s, int start, int end, int depth)
    {
        double weight = 0, sum = 0, squares = 0;
        for (var i = start; i < end; i++)
        {
            var (w, y) = (_w[s[i]], _y[s[i]]);
            weight += w; sum += w * y; squares += w * y * y;
        }
        var mean = sum / weight;
        var node = _tree.AddLeaf(mean);
        var n = end - start;
        var impurity = squares / weight - mean * mean;
        if (depth >= _limits.MaxDepth || n < _limits.MinSamplesSplit || n < 2 * _limits.MinSamplesLeaf || impurity <= Epsilon) return node;

        var (feature, threshold) = BestSplit(s, start, end, weight, sum);
        if (feature < 0) return node;

        // Partition rows: feature ≤ threshold to the left, keeping relative order.
        var left = s[start..end].Where(i => _x[i][feature] <= threshold).ToArray();
        var right = s[start..end].Where(i => _x[i][feature] > threshold).ToArray();
        left.CopyTo(s, start);
        right.CopyTo(s, start + left.Length);
        _tree.MakeSplit(node, feature, threshold);
        var l = Node(s, start, start + left.Length, depth + 1);
        var r = Node(s, start + left.Length, end, depth + 1);
        _tree.Link(node, l, r);
        return node;
    }

    private (int Feature, double Threshold) BestSplit(int[] s, int start, int end, double weight, double sum)
    {
        // Seeded Fisher–Yates order of the features (scikit-learn draws them one by one from its RandomState).
        for (var i = _features.Length - 1; i > 0; i--)
        {
            var j = _random.NextInt(i + 1);
            (_features[i], _features[j]) = (_features[j], _features[i]);
        }
        var bestProxy = double.NegativeInfinity;
        var bestFeature = -1;
        var bestThreshold = 0.0;
        var evaluated = 0;
        var n = end - start;
        var rows = new int[n];
        foreach (var f in _features)
        {
            if (evaluated >= _limits.MaxFeatures) break;
            for (var i = 0; i < n; i++)
            {
                rows[i] = s[start + i];
                _keys[i] = (float)_x[rows[i]][f];
            }
            Array.Sort(_keys, rows, 0, n);
            if (_keys[n - 1] <= _keys[0] + FeatureThreshold) continue; // constant here: does not count (scikit-learn)
            evaluated++;
            double wl = 0, sl = 0;
            for (var p = 1; p < n; p++)
            {
                var prev = rows[p - 1];
                wl += _w[prev]; sl += _w[prev] * _y[prev];
                if (_keys[p] <= _keys[p - 1] + FeatureThreshold) continue;
                if (p < _limits.MinSamplesLeaf || n - p < _limits.MinSamplesLeaf) continue;
                var (wr, sr) = (weight - wl, sum - sl);
                var proxy = _limits.Criterion == SplitCriterion.SquaredError
                    ? sl * sl / wl + sr * sr / wr
                    : Square(wr * sl - wl * sr) / (wl * wr);
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    bestFeature = f;
                    var threshold = _keys[p - 1] / 2.0 + _keys[p] / 2.0;
                    bestThreshold = threshold == _keys[p] || double.IsInfinity(threshold) ? _keys[p - 1] : threshold;
                }
            }
        }
        return (bestFeature, bestThreshold);
    }

    private static double Square(double v) => v * v;
}
