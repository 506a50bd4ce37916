using AiSprint.Regression.Techniques;
using AiSprint.Regression.Validation;

namespace AiSprint.Regression.FeatureSelection;

/// <summary>The subset chosen by <see cref="SequentialForwardSelector"/> and the mean CV score of every size tried (index = size − 1).</summary>
internal sealed record ForwardSelection(IReadOnlyList<int> Columns, IReadOnlyList<double> MeanScoreBySize);

/// <summary>
/// mlxtend 0.19 <c>SequentialFeatureSelector(forward=True, floating=False, k_features=(min, max),
/// scoring=negative MAPE, cv=folds)</c> as aMLLibrary uses it (spec §7.1):
/// starting from no features, each step adds the remaining feature whose subset has the best mean CV score
/// (first in column order on ties, numpy <c>argmax</c>), up to <c>max</c> features; the result is the subset size
/// in [min, max] with the best mean score (ties → the smaller size). The CV is an unshuffled KFold in row order,
/// and the score is the negated library MAPE of each held-out block (with the upstream scorer bug fixed, as the
/// baseline figures were taken).
/// </summary>
internal static class SequentialForwardSelector
{
    public static ForwardSelection Select(ITrainer trainer, double[][] x, double[] y, int minFeatures, int maxFeatures, int folds)
    {
        var p = x.Length == 0 ? 0 : x[0].Length;
        if (minFeatures < 1 || maxFeatures < minFeatures || maxFeatures > p)
            throw new ArgumentException($"SFS k_features ({minFeatures}, {maxFeatures}) is outside 1..{p} feature columns");
        var blocks = UnshuffledKFold.Blocks(x.Length, folds);
        var selected = new List<int>();
        var subsets = new List<int[]>();
        var scores = new List<double>();
        while (selected.Count < maxFeatures)
        {
            var bestFeature = -1;
            var bestScore = double.NegativeInfinity;
            for (var feature = 0; feature < p; feature++)
            {
                if (selected.Contains(feature)) continue;
                var candidate = selected.Append(feature).Order().ToArray();
                var score = MeanCvScore(trainer, x, y, candidate, blocks);
                // Strict '>' keeps the first best feature, as numpy argmax does.
                if (bestFeature < 0 || score > bestScore)
                {
                    bestFeature = feature;
                    bestScore = score;
                }
            }
            selected.Add(bestFeature);
            subsets.Add(selected.Order().ToArray());
            scores.Add(bestScore);
        }
        // mlxtend's select_in_range: sizes in ascending order, strict '>' so ties go to the smaller subset.
        var best = minFeatures - 1;
        for (var size = minFeatures; size <= maxFeatures; size++)
        {
            if (scores[size - 1] > scores[best]) best = size - 1;
        }
        return new ForwardSelection(subsets[best], scores);
    }

    /// <summary>cross_val_score mean: each block held out once, the trainer fitted on the other rows (in row order) and scored by −MAPE.</summary>
    private static double MeanCvScore(ITrainer trainer, double[][] x, double[] y, int[] columns, IReadOnlyList<(int Start, int Length)> blocks)
    {
        var sum = 0.0;
        foreach (var (start, length) in blocks)
        {
            var trainX = new double[x.Length - length][];
            var trainY = new double[x.Length - length];
            var t = 0;
            for (var i = 0; i < x.Length; i++)
            {
                if (i >= start && i < start + length) continue;
                trainX[t] = ColumnSubset.Project(x[i], columns);
                trainY[t++] = y[i];
            }
            var model = trainer.Fit(trainX, trainY);
            var actual = new double[length];
            var predicted = new double[length];
            for (var i = 0; i < length; i++)
            {
                actual[i] = y[start + i];
                predicted[i] = model.Predict(ColumnSubset.Project(x[start + i], columns));
            }
            sum -= MetricSet.Compute(actual, predicted).Mape;
        }
        return sum / blocks.Count;
    }
}
