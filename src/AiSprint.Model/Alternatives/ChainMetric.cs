namespace AiSprint.Model.Alternatives;

/// <summary>
/// A classification component's measured confusion matrix: rows the true class, columns the predicted one,
/// normalised to sum 1 (the Studio's <c>classification_performance/confusion_matrix.npy</c>), with its class names.
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, double[,] Cells)
{
    /// <summary>The number of classes (rows and columns of <see cref="Cells"/>).</summary>
    public int Count => Classes.Count;

    /// <summary>The row and column of the class named <paramref name="name"/>, or -1 when the matrix has no such class.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Classes.Count; i++) if (Classes[i] == name) return i;
        return -1;
    }
}

/// <summary>Per-class precision, recall, F1 and (one-vs-rest) accuracy of the end-to-end chain, and their averages.</summary>
internal sealed record ChainScores(IReadOnlyList<string> Classes, double[] Precision, double[] Recall, double[] F1, double[] Accuracy)
{
    public double Average(ApplicationMetric metric) => (metric switch
    {
        ApplicationMetric.AveragePrecision => Precision,
        ApplicationMetric.AverageRecall => Recall,
        ApplicationMetric.AverageF1 => F1,
        _ => Accuracy,
    }).Average();
}

/// <summary>
/// The application metric of a filter → classifier chain from the two components' confusion matrices
/// (aisprint-studio.md §1.3): the filter discards the requests it takes for <c>filteredClass</c>, the classifier
/// labels the rest. Precision and recall follow the Studio's formulas (its Case A without, Case B with a classifier
/// class for the filtered one). The Studio's <c>accuracy</c> branch is broken (an uninitialised accumulator, a
/// tuple returned); here average accuracy is the mean over classes of the one-vs-rest accuracy
/// (TP + TN) / total (Sokolova and Lapalme 2009) on the chain's end-to-end confusion matrix, the matrix whose
/// column and row ratios reproduce the Studio's precision and recall.
/// </summary>
internal static class ChainMetric
{
    /// <exception cref="ArgumentException">A matrix that does not fit its role: the filter's must be 2×2 and hold the filtered class,
    /// the classifier's square; a classifier class named for the filtered one must exist.</exception>
    public static ChainScores Compute(ConfusionMatrix filter, string filteredClass, ConfusionMatrix classifier, string? classifierFilteredClass = null)
    {
        if (filter.Count != 2 || filter.Cells.GetLength(0) != 2 || filter.Cells.GetLength(1) != 2)
            throw new ArgumentException($"the filter's confusion matrix is {filter.Cells.GetLength(0)}×{filter.Cells.GetLength(1)}; expected 2×2 (the filtered class and the rest)");
        var f = filter.IndexOf(filteredClass);
        if (f < 0) throw new ArgumentException($"the filter has no class '{filteredClass}'; expected one of {string.Join(", ", filter.Classes)}");
        var n = classifier.Count;
        if (classifier.Cells.GetLength(0) != n || classifier.Cells.GetLength(1) != n)
            throw new ArgumentException($"the classifier's confusion matrix is {classifier.Cells.GetLength(0)}×{classifier.Cells.GetLength(1)}; expected {n}×{n}, one row and column per class");
        var p = 1 - f;
        var cm = filter.Cells;
        double tnF = cm[f, f], fnF = cm[p, f], tpF = cm[p, p], fpF = cm[f, p];
        var c = classifier.Cells;
        var total = 0.0;
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) total += c[i, j];
        double Row(int i) { var s = 0.0; for (var j = 0; j < n; j++) s += c[i, j]; return s; }
        double Col(int j) { var s = 0.0; for (var i = 0; i < n; i++) s += c[i, j]; return s; }

        int? k = null;
        if (classifierFilteredClass is not null)
        {
            k = classifier.IndexOf(classifierFilteredClass);
            if (k < 0) throw new ArgumentException($"the classifier has no class '{classifierFilteredClass}'; expected one of {string.Join(", ", classifier.Classes)}");
        }

        // The chain's end-to-end matrix over {filtered} ∪ classifier classes (Case B: the filtered class is k).
        var classes = k is null ? new[] { filteredClass }.Concat(classifier.Classes).ToList() : classifier.Classes.ToList();
        var m = classes.Count;
        var joint = new double[m, m];
        int Index(int classifierIndex) => k is null ? classifierIndex + 1 : classifierIndex;
        var filtered = k ?? 0;
        joint[filtered, filtered] += tnF;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (k is { } kk && i == kk) joint[Index(i), Index(j)] += fpF * c[i, j];
                else joint[Index(i), Index(j)] += tpF * c[i, j];
            }
            // A non-filtered request the filter drops ends as the filtered class.
            if (k is null || i != k) joint[Index(i), filtered] += fnF * Row(i) / total;
        }
        // Case A: a filtered request the filter lets through is labelled as the classifier labels anything (its column shares).
        if (k is null) for (var j = 0; j < n; j++) joint[filtered, Index(j)] += fpF * Col(j) / total;

        var precision = new double[m];
        var recall = new double[m];
        for (var x = 0; x < m; x++)
        {
            if (x == filtered && k is null)
            {
                precision[x] = Ratio(tnF, tnF + fnF);
                recall[x] = Ratio(tnF, tnF + fpF);
                continue;
            }
            if (x == filtered)
            {
                // Case B, the filtered class (§1.3).
                double tp = c[k!.Value, k.Value], fp = Col(k.Value) - tp, fn = Row(k.Value) - tp;
                precision[x] = Ratio(tnF + fpF * tp, tnF + fpF * tp + fnF + tpF * fp);
                recall[x] = Ratio(tnF + fpF * tp, tnF + fpF * tp + fpF * fn);
                continue;
            }
            var ci = k is null ? x - 1 : x;
            double tpc = c[ci, ci], fpc = Col(ci) - tpc, fnc = Row(ci) - tpc;
            precision[x] = k is null
                ? Ratio(tpF * tpc, tpF * tpc + tpF * fpc + fpF * (tpc + fpc) / total)
                : Ratio(tpF * tpc, tpF * tpc + tpF * (fpc - c[k.Value, ci]) + fpF * c[k.Value, ci]);
            recall[x] = Ratio(tpF * tpc, tpF * tpc + tpF * fnc + fnF * (tpc + fnc) / total);
        }
        var f1 = precision.Zip(recall, (a, b) => Ratio(2 * a * b, a + b)).ToArray();

        var sum = 0.0;
        for (var i = 0; i < m; i++) for (var j = 0; j < m; j++) sum += joint[i, j];
        var accuracy = new double[m];
        for (var x = 0; x < m; x++)
        {
            double row = 0, col = 0;
            for (var y = 0; y < m; y++) { row += joint[x, y]; col += joint[y, x]; }
            // One-vs-rest: everything off row x and column x is a true negative for x.
            accuracy[x] = Ratio(sum - row - col + 2 * joint[x, x], sum);
        }
        return new ChainScores(classes, precision, recall, f1, accuracy);
    }

    /// <summary>0/0 is 0: a class never predicted and never present scores nothing, as scikit-learn's zero_division=0.</summary>
    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
