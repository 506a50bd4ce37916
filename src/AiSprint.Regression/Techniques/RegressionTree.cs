namespace AiSprint.Regression.Techniques;

/// <summary>
/// A fitted binary regression tree in flat arrays (node 0 is the root; <see cref="Feature"/> −1 marks a leaf),
/// the shape scikit-learn's <c>Tree</c> and xgboost's <c>RegTree</c> both reduce to. An internal node sends a row
/// left when its feature is ≤ <see cref="Threshold"/> (scikit-learn) or &lt; it (xgboost), see
/// <see cref="TreeEnsemble.StrictLess"/>. Features are compared in single precision, as both libraries store X
/// as float32 (spec §5.2 estimators).
/// </summary>
public sealed record RegressionTree(int[] Feature, double[] Threshold, int[] Left, int[] Right, double[] Value)
{
    internal int NodeCount => Feature.Length;

    internal int LeafOf(IReadOnlyList<double> x, bool strictLess)
    {
        var node = 0;
        while (Feature[node] >= 0)
        {
            double v = (float)x[Feature[node]];
            var left = strictLess ? v < Threshold[node] : v <= Threshold[node];
            node = left ? Left[node] : Right[node];
        }
        return node;
    }

    internal double Predict(IReadOnlyList<double> x, bool strictLess) => Value[LeafOf(x, strictLess)];

    /// <summary>Arrays of one length, features below <paramref name="features"/>, children inside the tree and after their parent (so prediction terminates).</summary>
    public bool IsWellFormed(int features)
    {
        var n = Feature.Length;
        if (n == 0 || Threshold.Length != n || Left.Length != n || Right.Length != n || Value.Length != n) return false;
        for (var i = 0; i < n; i++)
        {
            if (Feature[i] < 0) continue;
            if (Feature[i] >= features) return false;
            if (Left[i] <= i || Right[i] <= i || Left[i] >= n || Right[i] >= n) return false;
        }
        return true;
    }

    /// <summary>Depth of the deepest leaf (the root alone has depth 0).</summary>
    public int Depth() => DepthOf(0);

    private int DepthOf(int node) => Feature[node] < 0 ? 0 : 1 + Math.Max(DepthOf(Left[node]), DepthOf(Right[node]));

    /// <summary>Collects nodes in pre-order while a tree is grown.</summary>
    internal sealed class Builder
    {
        private readonly List<int> _feature = [], _left = [], _right = [];
        private readonly List<double> _threshold = [], _value = [];

        public int AddLeaf(double value)
        {
            _feature.Add(-1); _threshold.Add(0); _left.Add(-1); _right.Add(-1); _value.Add(value);
            return _feature.Count - 1;
        }

        /// <summary>Turns a leaf into a split node; its children are linked with <see cref="Link"/>.</summary>
        public void MakeSplit(int node, int feature, double threshold)
        {
            _feature[node] = feature;
            _threshold[node] = threshold;
        }

        public void Link(int node, int left, int right)
        {
            _left[node] = left;
            _right[node] = right;
        }

        public RegressionTree Build() => new([.. _feature], [.. _threshold], [.. _left], [.. _right], [.. _value]);
    }
}

/// <summary>How an ensemble combines its trees.</summary>
public enum TreeCombination
{
    /// <summary>scikit-learn DecisionTree (one tree) and RandomForest: the mean of the trees' leaf values.</summary>
    Mean,

    /// <summary>xgboost: base score plus the sum of the (learning-rate-scaled) leaf weights.</summary>
    Sum,
}

/// <summary>A fitted tree model: one CART tree, a random forest or a boosted ensemble (spec §5.2).</summary>
public sealed record TreeEnsemble(TreeCombination Combination, double BaseScore, bool StrictLess, IReadOnlyList<RegressionTree> Trees) : IRegressor
{
    /// <inheritdoc/>
    public double Predict(IReadOnlyList<double> x)
    {
        var sum = 0.0;
        foreach (var tree in Trees) sum += tree.Predict(x, StrictLess);
        return Combination == TreeCombination.Mean ? sum / Trees.Count : BaseScore + sum;
    }
}
