namespace AiSprint.Telemetry.Drift.Statistics;

/// <summary>
/// The two-sided two-sample Kolmogorov–Smirnov test, computed as SciPy's <c>ks_2samp</c> (1.10) computes it.
/// </summary>
/// <remarks>
/// Exact p-values (Hodges' lattice-path counting, in Viehmann's 1−p recursion; the closed alternating sum when the
/// samples have equal sizes) when both samples hold at most <see cref="MaxExactSampleSize"/> values, as SciPy's
/// <c>method='auto'</c> chooses. Above that, or when the exact recursion overflows, the p-value is the finite-n
/// one-sample distribution at the effective size, <c>kstwo.sf(D, round(n₁n₂/(n₁+n₂)))</c>, as SciPy 1.5+ computes it
/// (<see cref="KolmogorovFinite"/>).
/// </remarks>
public static class KolmogorovSmirnov
{
    /// <summary>The largest sample size for which the p-value is exact unless asked otherwise (SciPy's MAX_AUTO_N).</summary>
    public const int MaxExactSampleSize = 10_000;

    /// <summary>Tests whether <paramref name="reference"/> and <paramref name="current"/> come from one distribution.</summary>
    /// <param name="method">Exact or asymptotic p-value; null chooses as SciPy's <c>method='auto'</c>.</param>
    public static TestOutcome TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, PValueMethod? method = null)
    {
        if (reference.IsEmpty || current.IsEmpty)
        {
            throw new ArgumentException("Both samples must hold at least one value.");
        }

        var x = Sorted(reference);
        var y = Sorted(current);
        int n1 = x.Length, n2 = y.Length;
        long h = MaxScaledDistance(x, y);
        long g = Gcd(n1, n2);
        // D in units of 1/lcm(n1, n2): every ECDF difference is a multiple of it.
        long lcm = n1 / g * n2;
        var d = (double)h / lcm;

        var chosen = method ?? (Math.Max(n1, n2) <= MaxExactSampleSize ? PValueMethod.Exact : PValueMethod.Asymptotic);
        if (chosen == PValueMethod.Exact && n1 / g >= int.MaxValue / (n2 / g))
        {
            chosen = PValueMethod.Asymptotic;
        }

        if (chosen == PValueMethod.Exact)
        {
            var exact = h == 0 ? 1.0 : n1 == n2 ? ProbabilityOutsideSquare(n1, (int)h) : OuterProbabilityInside(n1, n2, g, h);
            if (double.IsFinite(exact) && exact is >= 0 and <= 1)
            {
                return new TestOutcome(d, exact, PValueMethod.Exact);
            }
        }

        // SciPy: kstwo.sf(D, round(n1·n2/(n1+n2))), the one-sample distribution at the effective size (round half even, as numpy).
        double en = (double)n1 * n2 / (n1 + n2);
        return new TestOutcome(d, KolmogorovFinite.Survival((int)Math.Round(en), d), PValueMethod.Asymptotic);
    }

    internal static double[] Sorted(ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        foreach (var v in copy)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("A sample holds NaN; drift tests need comparable values.");
            }
        }

        Array.Sort(copy);
        return copy;
    }

    /// <summary>max |n2·#{x ≤ t} − n1·#{y ≤ t}| / gcd over every t in the pooled sample: D·lcm, an integer.</summary>
    private static long MaxScaledDistance(double[] x, double[] y)
    {
        long n1 = x.Length, n2 = y.Length, best = 0;
        int i = 0, j = 0;
        while (i < x.Length || j < y.Length)
        {
            // Step past every copy of the next pooled value at once, so ties count as SciPy's searchsorted(side='right').
            var t = j >= y.Length || (i < x.Length && x[i] <= y[j]) ? x[i] : y[j];
            while (i < x.Length && x[i] <= t) i++;
            while (j < y.Length && y[j] <= t) j++;
            best = Math.Max(best, Math.Abs(i * n2 - j * n1));
        }

        return best / Gcd((int)n1, (int)n2);
    }

    /// <summary>Pr(D ≥ h/n) for two samples of size n: 2·Σ(−1)^(k+1) C(2n, n−kh)/C(2n, n), evaluated Horner-like to avoid cancellation.</summary>
    private static double ProbabilityOutsideSquare(int n, int h)
    {
        double p = 0;
        for (long k = n / h; k >= 0; k--)
        {
            double term = 1;
            for (long j = 0; j < h; j++)
            {
                term = (n - k * h - j) * term / (n + k * h + j + 1);
            }

            p = term * (1 - p);
        }

        return 2 * p;
    }

    /// <summary>
    /// The share of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| &lt; h/lcm, counted directly as
    /// 1 − p so small p-values keep their precision (Hodges 1958; Viehmann 2021, arXiv:2102.08037).
    /// </summary>
    private static double OuterProbabilityInside(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        long mg = m / g, ng = n / g;
        long minj = 0, maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        long curlen = maxj - minj;
        var a = new double[Math.Min(2 * maxj + 2, n + 1)];
        Array.Fill(a, 1.0);
        for (long k = minj; k < maxj; k++) a[k] = 0.0;
        for (long i = 1; i <= m; i++)
        {
            long lastminj = minj, lastlen = curlen;
            minj = Math.Min(Math.Max((long)Math.Floor((double)(ng * i - h) / mg) + 1, 0), n);
            maxj = Math.Min((long)Math.Ceiling((double)(ng * i + h) / mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                long j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                for (long k = maxj - minj; k < maxj - minj + (lastlen - curlen); k++) a[k] = 1;
            }
        }

        return a[maxj - minj - 1];
    }

    internal static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
