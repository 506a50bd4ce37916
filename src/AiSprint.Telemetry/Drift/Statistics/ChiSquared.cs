using MathNet.Numerics;

namespace AiSprint.Telemetry.Drift.Statistics;

/// <summary>
/// The chi-squared test of homogeneity of a categorical value between two windows: the 2×K contingency table of
/// per-category counts, computed as SciPy's <c>chi2_contingency</c> (Yates' correction when one degree of freedom).
/// </summary>
public static class ChiSquared
{
    /// <summary>Tests whether the categories of <paramref name="reference"/> and <paramref name="current"/> share one distribution.</summary>
    /// <remarks>Categories are compared by value; a category seen in neither window takes no column.</remarks>
    public static TestOutcome TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        if (reference.IsEmpty || current.IsEmpty)
        {
            throw new ArgumentException("Both samples must hold at least one value.");
        }

        var categories = new SortedDictionary<double, (long Reference, long Current)>();
        foreach (var v in reference) categories[v] = (categories.GetValueOrDefault(v).Reference + 1, categories.GetValueOrDefault(v).Current);
        foreach (var v in current) categories[v] = (categories.GetValueOrDefault(v).Reference, categories.GetValueOrDefault(v).Current + 1);
        var table = new long[2, categories.Count];
        int c = 0;
        foreach (var (_, counts) in categories)
        {
            table[0, c] = counts.Reference;
            table[1, c] = counts.Current;
            c++;
        }

        return Contingency(table);
    }

    /// <summary>The test of independence of a contingency table's rows and columns (every row and column sum positive).</summary>
    public static TestOutcome Contingency(long[,] observed)
    {
        int rows = observed.GetLength(0), cols = observed.GetLength(1);
        var rowSums = new double[rows];
        var colSums = new double[cols];
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < cols; k++)
            {
                if (observed[r, k] < 0) throw new ArgumentException("Counts must be non-negative.", nameof(observed));
                rowSums[r] += observed[r, k];
                colSums[k] += observed[r, k];
                total += observed[r, k];
            }
        }

        if (rowSums.Any(s => s == 0) || colSums.Any(s => s == 0))
        {
            throw new ArgumentException("Every row and column of the table needs a positive count.", nameof(observed));
        }

        var dof = (rows - 1) * (cols - 1);
        if (dof == 0)
        {
            return new TestOutcome(0, 1, PValueMethod.Asymptotic);
        }

        double chi2 = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < cols; k++)
            {
                var expected = rowSums[r] * colSums[k] / total;
                var diff = expected - observed[r, k];
                // Yates: move each count towards its expectation by at most 0.5 (never past it, SciPy gh-13875).
                var o = dof == 1 ? observed[r, k] + Math.Sign(diff) * Math.Min(0.5, Math.Abs(diff)) : observed[r, k];
                chi2 += (o - expected) * (o - expected) / expected;
            }
        }

        // The upper regularised gamma keeps small p-values precise where 1 − CDF would cancel.
        return new TestOutcome(chi2, SpecialFunctions.GammaUpperRegularized(dof / 2.0, chi2 / 2), PValueMethod.Asymptotic);
    }
}
