namespace AiSprint.Regression.FeatureSelection;

/// <summary>
/// scikit-learn <c>KFold(n_splits=k)</c> without shuffling, which mlxtend builds from an integer <c>cv</c>
/// (spec §7.1): contiguous blocks in row order, the first n mod k blocks one row longer than the others.
/// </summary>
internal static class UnshuffledKFold
{
    /// <summary>The (start, length) of each test block over <paramref name="n"/> rows.</summary>
    public static IReadOnlyList<(int Start, int Length)> Blocks(int n, int k)
    {
        // scikit-learn raises "Cannot have number of splits n_splits=k greater than the number of samples"; the experiment then fails.
        if (k < 2) throw new ArgumentException($"SFS needs at least 2 cross-validation folds, got {k}");
        if (k > n) throw new ArgumentException($"Cannot have number of splits n_splits={k} greater than the number of samples: n_samples={n}");
        var blocks = new List<(int, int)>(k);
        var start = 0;
        for (var f = 0; f < k; f++)
        {
            var length = n / k + (f < n % k ? 1 : 0);
            blocks.Add((start, length));
            start += length;
        }
        return blocks;
    }
}
