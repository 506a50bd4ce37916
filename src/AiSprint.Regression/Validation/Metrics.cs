namespace AiSprint.Regression.Validation;

/// <summary>The three metrics aMLLibrary reports for a set of rows (spec §6.1), in original units.</summary>
/// <param name="Mape">The mean absolute percentage error as a fraction (0.05 = 5 %).</param>
/// <param name="Rmse">The root mean squared error, in the target's unit.</param>
/// <param name="R2">The coefficient of determination (1 is a perfect fit; may be negative).</param>
public sealed record MetricSet(double Mape, double Rmse, double R2)
{
    /// <summary>MAPE as a fraction with numpy's epsilon guard, RMSE, and scikit-learn's <c>r2_score</c>.</summary>
    public static MetricSet Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        var n = actual.Count;
        if (n == 0) throw new ArgumentException("metrics need at least one row", nameof(actual));
        double ape = 0, se = 0;
        for (var i = 0; i < n; i++)
        {
            var error = predicted[i] - actual[i];
            ape += Math.Abs(error) / Math.Max(Math.Abs(actual[i]), 2.220446049250313e-16);
            se += error * error;
        }
        var mean = actual.Average();
        var total = actual.Sum(a => (a - mean) * (a - mean));
        // r2_score: a constant target gives 1 for a perfect fit and 0 otherwise.
        var r2 = total == 0 ? (se == 0 ? 1.0 : 0.0) : 1 - se / total;
        return new MetricSet(ape / n, Math.Sqrt(se / n), r2);
    }

    /// <summary>aMLLibrary's fold average (spec §6.2 b): the sum over successful folds divided by k.</summary>
    public static MetricSet FoldMean(IEnumerable<MetricSet> folds, int k)
    {
        var list = folds.ToList();
        return new MetricSet(list.Sum(m => m.Mape) / k, list.Sum(m => m.Rmse) / k, list.Sum(m => m.R2) / k);
    }
}
