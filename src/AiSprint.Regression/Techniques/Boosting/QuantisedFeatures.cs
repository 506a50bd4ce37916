using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AiSprint.Regression.Techniques.Boosting;

/// <summary>
/// A training matrix quantised once for split search (spec §5.2 XGBoost): per feature, ascending cut values — bin b
/// holds the float32 values in [Cuts[b], Cuts[b+1]) — the bin of every row, and the rows sorted by (bin, row index).
/// Arrays are feature-major (feature f's entries at f·Rows … f·Rows + Rows − 1) so a split scan reads one contiguous run.
/// With at most <c>maxBin</c> distinct values a feature's cuts are its distinct values, the partitions xgboost's
/// <c>hist</c> and this engine's exact search both consider; beyond that they are <c>maxBin</c> rank quantiles
/// (every row weighs 1, the hessian of squared error), where xgboost's weighted quantile sketch picks nearly the same ones.
/// </summary>
internal sealed class QuantisedFeatures
{
    /// <summary>Quantisations of a training matrix by bin limit, kept while the matrix lives: the trials of a Hyperopt search fit the same fold rows many times.</summary>
    private static readonly ConditionalWeakTable<double[][], ConcurrentDictionary<int, Lazy<QuantisedFeatures>>> Cache = new();

    private QuantisedFeatures(int rows, int features, double[][] cuts, int[] bins, int[] sortedRows, int[] sortedBins)
    {
        Rows = rows; Features = features; Cuts = cuts; Bins = bins; SortedRows = sortedRows; SortedBins = sortedBins;
    }

    public int Rows { get; }

    public int Features { get; }

    public double[][] Cuts { get; }

    /// <summary>Bins[f·Rows + i]: the bin of row i for feature f.</summary>
    public int[] Bins { get; }

    /// <summary>SortedRows[f·Rows + k]: the k-th row of feature f in (bin, row) order.</summary>
    public int[] SortedRows { get; }

    /// <summary>SortedBins[f·Rows + k] = Bins[f·Rows + SortedRows[f·Rows + k]], stored beside it so a scan reads no row's column.</summary>
    public int[] SortedBins { get; }

    /// <summary>
    /// The quantisation of <paramref name="x"/> with at most <paramref name="maxBin"/> bins per feature (int.MaxValue:
    /// every distinct value). Cached per matrix instance: callers must not change a matrix's rows after fitting on it.
    /// </summary>
    public static QuantisedFeatures Of(double[][] x, int maxBin) =>
        Cache.GetValue(x, _ => new ConcurrentDictionary<int, Lazy<QuantisedFeatures>>())
            .GetOrAdd(maxBin, m => new Lazy<QuantisedFeatures>(() => Build(x, m))).Value;

    private static QuantisedFeatures Build(double[][] x, int maxBin)
    {
        var rows = x.Length;
        var features = rows == 0 ? 0 : x[0].Length;
        var cuts = new double[features][];
        var bins = new int[features * rows];
        var sortedRows = new int[features * rows];
        var sortedBins = new int[features * rows];
        var values = new double[rows];
        var order = new int[rows];
        for (var f = 0; f < features; f++)
        {
            for (var i = 0; i < rows; i++)
            {
                values[i] = (float)x[i][f];
                order[i] = i;
            }
            // Stable by row index on equal values: the (value, row) order the exact scan has always used.
            Array.Sort(values, order);
            SortTiesByRow(values, order);
            cuts[f] = CutsOf(values, maxBin);
            var b = 0;
            var offset = f * rows;
            for (var k = 0; k < rows; k++)
            {
                while (b + 1 < cuts[f].Length && values[k] >= cuts[f][b + 1]) b++;
                sortedRows[offset + k] = order[k];
                sortedBins[offset + k] = b;
                bins[offset + order[k]] = b;
            }
        }
        return new QuantisedFeatures(rows, features, cuts, bins, sortedRows, sortedBins);
    }

    /// <summary>Array.Sort is not stable: restores ascending row order inside each run of equal values.</summary>
    private static void SortTiesByRow(double[] values, int[] order)
    {
        for (var start = 0; start < values.Length;)
        {
            var end = start + 1;
            while (end < values.Length && values[end] == values[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }
    }

    /// <summary>Distinct values when there are at most <paramref name="maxBin"/>; else the values at ranks ⌊k·n/maxBin⌋, k = 0 … maxBin − 1, deduplicated.</summary>
    private static double[] CutsOf(double[] sorted, int maxBin)
    {
        var distinct = new List<double>();
        foreach (var v in sorted) if (distinct.Count == 0 || v > distinct[^1]) distinct.Add(v);
        if (distinct.Count <= maxBin) return [.. distinct];
        var cuts = new List<double>(maxBin);
        for (var k = 0; k < maxBin; k++)
        {
            var v = sorted[(int)((long)k * sorted.Length / maxBin)];
            if (cuts.Count == 0 || v > cuts[^1]) cuts.Add(v);
        }
        return [.. cuts];
    }
}
