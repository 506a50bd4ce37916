namespace AiSprint.Regression.Preparation;

/// <summary>
/// Normalisation (spec §4.2): scikit-learn <c>StandardScaler</c> per feature and for y — mean and population
/// standard deviation fitted on the training rows only, a zero deviation replaced by 1 — applied to every row,
/// and predictions inverse-transformed before any metric.
/// </summary>
public sealed record Standardizer(IReadOnlyList<double> Means, IReadOnlyList<double> Scales, double TargetMean, double TargetScale)
{
    internal static Standardizer Fit(double[][] x, double[] y, IReadOnlyList<int> rows)
    {
        var p = x.Length == 0 ? 0 : x[0].Length;
        var means = new double[p];
        var scales = new double[p];
        for (var j = 0; j < p; j++) (means[j], scales[j]) = MeanScale(rows.Select(i => x[i][j]));
        var (ym, ys) = MeanScale(rows.Select(i => y[i]));
        return new Standardizer(means, scales, ym, ys);
    }

    private static (double Mean, double Scale) MeanScale(IEnumerable<double> values)
    {
        var list = values.ToArray();
        var mean = list.Average();
        var variance = list.Sum(v => (v - mean) * (v - mean)) / list.Length;
        var std = Math.Sqrt(variance);
        return (mean, std == 0 ? 1.0 : std);
    }

    internal double[] Transform(double[] row)
    {
        var result = new double[row.Length];
        for (var j = 0; j < row.Length; j++) result[j] = (row[j] - Means[j]) / Scales[j];
        return result;
    }

    internal double TransformTarget(double y) => (y - TargetMean) / TargetScale;

    internal double InverseTarget(double scaled) => scaled * TargetScale + TargetMean;
}
