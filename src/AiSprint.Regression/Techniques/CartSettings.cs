namespace AiSprint.Regression.Techniques;

/// <summary>scikit-learn's split criteria for regression trees that this engine implements (spec §2.2, §5.2).</summary>
internal enum SplitCriterion
{
    /// <summary><c>squared_error</c>: variance reduction, proxy Σ_left²/w_left + Σ_right²/w_right.</summary>
    SquaredError,

    /// <summary><c>friedman_mse</c>: Friedman's improvement (w_r·Σ_l − w_l·Σ_r)² / (w_l·w_r).</summary>
    FriedmanMse,
}

/// <summary>
/// A sample-count hyper-parameter as scikit-learn reads it: a Python int is a count, a float a fraction of the
/// training rows (min_samples_split / min_samples_leaf, spec §2.2 — "fractions vs counts").
/// </summary>
internal sealed record SampleCount(double Value, bool IsFraction)
{
    /// <summary>scikit-learn 1.2 <c>BaseDecisionTree.fit</c>: a fraction f of n rows is <c>int(ceil(f * n))</c>.</summary>
    public int Resolve(int rows) => IsFraction ? (int)Math.Ceiling(Value * rows) : (int)Value;

    public override string ToString() => IsFraction ? Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : ((int)Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// scikit-learn's <c>max_features</c>: "auto" (for regressors in 1.2, before its removal in 1.3: every feature),
/// "sqrt", "log2", None (every feature), an int count or a float fraction.
/// </summary>
internal sealed record FeatureCount(string Kind, double Value = 0)
{
    public static readonly FeatureCount All = new("all");

    public int Resolve(int features) => Kind switch
    {
        "all" or "auto" => features,
        "sqrt" => Math.Max(1, (int)Math.Sqrt(features)),
        "log2" => Math.Max(1, (int)Math.Log2(features)),
        "count" => (int)Value,
        "fraction" => Math.Max(1, (int)(Value * features)),
        _ => throw new RegressionException($"max_features '{Kind}' is not one of auto, sqrt, log2, None, an int or a float"),
    };
}

/// <summary>
/// The hyper-parameters aMLLibrary passes to <c>DecisionTreeRegressor</c> / <c>RandomForestRegressor</c> (spec §5.2),
/// validated as scikit-learn 1.2's parameter constraints do (an invalid value fails the experiment, spec §5.3).
/// </summary>
internal sealed record CartSettings(SplitCriterion Criterion, int? MaxDepth, FeatureCount MaxFeatures, SampleCount MinSamplesSplit, SampleCount MinSamplesLeaf)
{
    public static readonly CartSettings Default = new(SplitCriterion.SquaredError, null, FeatureCount.All, new SampleCount(2, false), new SampleCount(1, false));

    public void Validate()
    {
        if (MaxDepth is < 1) throw new RegressionException($"max_depth must be an int ≥ 1 or None, got {MaxDepth}");
        if (MinSamplesSplit.IsFraction ? MinSamplesSplit.Value is <= 0 or > 1 : MinSamplesSplit.Value < 2)
            throw new RegressionException($"min_samples_split must be an int ≥ 2 or a float in (0, 1], got {MinSamplesSplit}");
        if (MinSamplesLeaf.IsFraction ? MinSamplesLeaf.Value is <= 0 or >= 1 : MinSamplesLeaf.Value < 1)
            throw new RegressionException($"min_samples_leaf must be an int ≥ 1 or a float in (0, 1), got {MinSamplesLeaf}");
        if (MaxFeatures.Kind == "count" && MaxFeatures.Value < 1) throw new RegressionException($"max_features must be ≥ 1, got {MaxFeatures.Value}");
        if (MaxFeatures.Kind == "fraction" && MaxFeatures.Value is <= 0 or > 1) throw new RegressionException($"max_features must be a float in (0, 1], got {MaxFeatures.Value}");
    }

    /// <summary>The effective limits for n training rows and p features (scikit-learn 1.2 <c>BaseDecisionTree.fit</c>).</summary>
    internal CartLimits Resolve(int rows, int features)
    {
        var leaf = MinSamplesLeaf.Resolve(rows);
        var split = MinSamplesSplit.IsFraction ? Math.Max(2, MinSamplesSplit.Resolve(rows)) : MinSamplesSplit.Resolve(rows);
        split = Math.Max(split, 2 * leaf);
        var maxFeatures = MaxFeatures.Resolve(features);
        if (maxFeatures > features) throw new RegressionException($"max_features {maxFeatures} exceeds the {features} features");
        return new CartLimits(Criterion, MaxDepth ?? int.MaxValue, maxFeatures, split, leaf);
    }
}

internal sealed record CartLimits(SplitCriterion Criterion, int MaxDepth, int MaxFeatures, int MinSamplesSplit, int MinSamplesLeaf);
