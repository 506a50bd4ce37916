using MathNet.Numerics;

namespace AiSprint.Telemetry.Drift.Statistics;

/// <summary>
/// The two-sample Cramér–von Mises test (Anderson 1962), computed as SciPy's <c>cramervonmises_2samp</c> (1.10).
/// </summary>
/// <remarks>
/// Exact p-values (Xiao, Gordon and Yakovlev 2006: the frequency table of the statistic over every lattice path)
/// when both samples hold at most <see cref="MaxExactSampleSize"/> values, as SciPy's <c>method='auto'</c>; above
/// that, Anderson's normalised statistic against the one-sample limiting distribution (Csörgő and Faraway 1996).
/// Ties take mid-ranks.
/// </remarks>
public static class CramerVonMises
{
    /// <summary>The largest sample size for which the p-value is exact unless asked otherwise (SciPy's switch).</summary>
    public const int MaxExactSampleSize = 20;

    // The exact table has at most C(m+n, m) paths; its counts must stay exact in a long.
    private const double MaxExactPaths = 4e18;

    /// <summary>Tests whether <paramref name="reference"/> and <paramref name="current"/> come from one distribution.</summary>
    /// <param name="method">Exact or asymptotic p-value; null chooses as SciPy's <c>method='auto'</c>.</param>
    public static TestOutcome TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, PValueMethod? method = null)
    {
        if (reference.Length < 2 || current.Length < 2)
        {
            throw new ArgumentException("The Cramér–von Mises test needs at least two values in each sample.");
        }

        var x = KolmogorovSmirnov.Sorted(reference);
        var y = KolmogorovSmirnov.Sorted(current);
        int nx = x.Length, ny = y.Length;
        var (rx, ry) = MidRanks(x, y);

        // U and T: Anderson (1962), eqs. 9 and 10.
        double u = 0;
        for (int i = 0; i < nx; i++) u += (rx[i] - (i + 1)) * (rx[i] - (i + 1));
        u *= nx;
        double uy = 0;
        for (int j = 0; j < ny; j++) uy += (ry[j] - (j + 1)) * (ry[j] - (j + 1));
        u += ny * uy;
        double k = (double)nx * ny, total = nx + ny;
        var t = u / (k * total) - (4 * k - 1) / (6 * total);

        var chosen = method ?? (Math.Max(nx, ny) > MaxExactSampleSize ? PValueMethod.Asymptotic : PValueMethod.Exact);
        if (chosen == PValueMethod.Exact && SpecialFunctions.Binomial(nx + ny, nx) <= MaxExactPaths)
        {
            return new TestOutcome(t, ExactPValue(u, nx, ny), PValueMethod.Exact);
        }

        // Anderson's mean and variance of T (eqs. 11 and 14) normalise it onto the one-sample limit (eq. 15).
        var et = (1 + 1 / total) / 6;
        var vt = (total + 1) * (4 * k * total - 3 * ((double)nx * nx + (double)ny * ny) - 2 * k) / (45 * total * total * 4 * k);
        var tn = 1.0 / 6 + (t - et) / Math.Sqrt(45 * vt);
        // Below 0.003 the limiting CDF is under 1.3e-18.
        var p = tn < 0.003 ? 1.0 : Math.Max(0, 1 - LimitingCdf(tn));
        return new TestOutcome(t, p, PValueMethod.Asymptotic);
    }

    private static (double[] X, double[] Y) MidRanks(double[] x, double[] y)
    {
        var pooled = new (double Value, int Index)[x.Length + y.Length];
        for (int i = 0; i < x.Length; i++) pooled[i] = (x[i], i);
        for (int j = 0; j < y.Length; j++) pooled[x.Length + j] = (y[j], x.Length + j);
        Array.Sort(pooled, (a, b) => a.Value.CompareTo(b.Value));
        var ranks = new double[pooled.Length];
        for (int start = 0; start < pooled.Length;)
        {
            int end = start;
            while (end + 1 < pooled.Length && pooled[end + 1].Value == pooled[start].Value) end++;
            var mid = (start + end) / 2.0 + 1;
            for (int r = start; r <= end; r++) ranks[pooled[r].Index] = mid;
            start = end + 1;
        }

        return (ranks[..x.Length], ranks[x.Length..]);
    }

    /// <summary>
    /// Pr(U' ≥ U) over the C(m+n, m) equally likely arrangements, from the table of g⁺ (Xiao et al. 2006,
    /// Algorithm 1): for each lattice point, how many paths reach it with each partial sum of (a·v − b·u)².
    /// </summary>
    private static double ExactPValue(double u, int m, int n)
    {
        long lcm = m / KolmogorovSmirnov.Gcd(m, n) * n;
        long a = lcm / m, b = lcm / n, mn = (long)m * n;
        // U rewritten on the lattice scale of the path sums: Anderson eq. 9 combined with Xiao et al. eq. 2.
        var zeta = Math.Floor((double)(lcm * lcm * (m + n)) * (6 * u - mn * (4.0 * mn - 1)) / (6.0 * mn * mn));

        // Each lattice point's table as parallel arrays sorted by path sum: merging two is linear, and adding the
        // point's (a·v − b·u)² keeps the order.
        var columns = new Table[m + 1];
        columns[0] = new Table([0], [1]);
        for (int v = 1; v <= m; v++) columns[v] = Table.Empty;
        for (int uu = 0; uu <= n; uu++)
        {
            var left = Table.Empty;
            for (int v = 0; v <= m; v++)
            {
                // Paths into (uu, v) come from (uu, v−1) (left) and (uu−1, v) (this column's previous row).
                long step = (a * v - b * uu) * (a * v - b * uu);
                left = Table.Merge(left, columns[v], step);
                columns[v] = left;
            }
        }

        long atLeast = 0;
        var last = columns[m];
        for (int i = 0; i < last.Values.Length; i++)
        {
            if (last.Values[i] >= zeta) atLeast += last.Counts[i];
        }

        return atLeast / SpecialFunctions.Binomial(m + n, m);
    }

    private readonly record struct Table(long[] Values, long[] Counts)
    {
        public static readonly Table Empty = new([], []);

        /// <summary>The union of two sorted tables (counts of equal sums added), every sum shifted by <paramref name="step"/>.</summary>
        public static Table Merge(Table x, Table y, long step)
        {
            var values = new long[x.Values.Length + y.Values.Length];
            var counts = new long[values.Length];
            int i = 0, j = 0, k = 0;
            while (i < x.Values.Length || j < y.Values.Length)
            {
                if (j >= y.Values.Length || (i < x.Values.Length && x.Values[i] < y.Values[j]))
                {
                    values[k] = x.Values[i] + step;
                    counts[k++] = x.Counts[i++];
                }
                else if (i >= x.Values.Length || y.Values[j] < x.Values[i])
                {
                    values[k] = y.Values[j] + step;
                    counts[k++] = y.Counts[j++];
                }
                else
                {
                    values[k] = x.Values[i] + step;
                    counts[k++] = x.Counts[i++] + y.Counts[j++];
                }
            }

            return k == values.Length ? new Table(values, counts) : new Table(values[..k], counts[..k]);
        }
    }

    /// <summary>
    /// The CDF of the one-sample Cramér–von Mises limit (Csörgő and Faraway 1996, eq. 1.3), summed until a term falls
    /// under 1e-7 as SciPy's <c>_cdf_cvm_inf</c> does — the same truncation, so the same value.
    /// </summary>
    internal static double LimitingCdf(double x)
    {
        double total = 0;
        for (int k = 0; k < 1000; k++)
        {
            var scale = Math.Exp(SpecialFunctions.GammaLn(k + 0.5) - SpecialFunctions.GammaLn(k + 1)) / (Math.Pow(Math.PI, 1.5) * Math.Sqrt(x));
            double y = 4 * k + 1;
            var q = y * y / (16 * x);
            // exp(−q)·K_{1/4}(q) = exp(−2q)·(exp(q)·K_{1/4}(q)).
            var term = scale * Math.Sqrt(y) * Math.Exp(-2 * q) * ScaledBesselKQuarter(q);
            total += term;
            if (Math.Abs(term) < 1e-7) break;
        }

        return total;
    }

    /// <summary>
    /// exp(q)·K_{1/4}(q) from K_ν(q) = ∫₀^∞ exp(−q·cosh t)·cosh(νt) dt. MathNet has Bessel K of integer order
    /// only; the integrand is analytic and decays double-exponentially, so the trapezoid rule converges
    /// geometrically (error of order exp(−π²/h)).
    /// </summary>
    internal static double ScaledBesselKQuarter(double q)
    {
        const double h = 0.02;
        double sum = 0.5; // t = 0: exp(−q(cosh 0 − 1))·cosh 0
        for (int i = 1; ; i++)
        {
            var t = i * h;
            var f = Math.Exp(-q * (Math.Cosh(t) - 1)) * Math.Cosh(0.25 * t);
            sum += f;
            if (f < 1e-18 * sum) break;
        }

        return sum * h;
    }
}
