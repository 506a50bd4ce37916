using System.Numerics;

namespace AiSprint.Telemetry.Drift.Statistics;

/// <summary>
/// Fisher's exact test of a binary value between two windows, two-sided, computed as SciPy's <c>fisher_exact</c>:
/// the p-value sums the hypergeometric probabilities of every table no more likely than the observed one
/// (with SciPy's relative tolerance of 1e-14 on "no more likely").
/// </summary>
public static class FisherExact
{
    /// <summary>Tests whether the share of ones differs between <paramref name="reference"/> and <paramref name="current"/>.</summary>
    /// <remarks>Values are binary: 0 is false, anything else true. The statistic is the odds ratio.</remarks>
    public static TestOutcome TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        if (reference.IsEmpty || current.IsEmpty)
        {
            throw new ArgumentException("Both samples must hold at least one value.");
        }

        long refOnes = 0, curOnes = 0;
        foreach (var v in reference) if (v != 0) refOnes++;
        foreach (var v in current) if (v != 0) curOnes++;
        return TwoByTwo(refOnes, reference.Length - refOnes, curOnes, current.Length - curOnes);
    }

    /// <summary>The test of the table [[a, b], [c, d]].</summary>
    public static TestOutcome TwoByTwo(long a, long b, long c, long d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentException("Counts must be non-negative.");
        }

        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0)
        {
            return new TestOutcome(double.NaN, 1, PValueMethod.Exact);
        }

        var oddsRatio = b > 0 && c > 0 ? (double)a * d / ((double)b * c) : double.PositiveInfinity;
        long n1 = a + b, n2 = c + d, n = a + c;
        long low = Math.Max(0, n - n2), high = Math.Min(n, n1);

        // Each table's weight C(n1, x)·C(n2, n−x), in exact integers: which tables are "no more likely" is then
        // decided exactly (SciPy's 1e-14 tolerance exists only to absorb rounding in its floating-point pmf, and
        // MathNet's Hypergeometric overflows beyond a thousand draws), and the sum loses nothing to cancellation.
        var weights = new BigInteger[high - low + 1];
        weights[0] = Binomial(n1, low) * Binomial(n2, n - low);
        for (long x = low; x < high; x++)
        {
            weights[x - low + 1] = weights[x - low] * (n1 - x) * (n - x) / ((x + 1) * (n2 - n + x + 1));
        }

        var observed = weights[a - low];
        BigInteger atMost = BigInteger.Zero, total = BigInteger.Zero;
        foreach (var w in weights)
        {
            total += w;
            if (w <= observed) atMost += w;
        }

        var p = Ratio(atMost, total);
        return new TestOutcome(oddsRatio, Math.Min(p, 1), PValueMethod.Exact);
    }

    private static BigInteger Binomial(long n, long k)
    {
        BigInteger result = BigInteger.One;
        for (long i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }

    /// <summary>numerator/denominator as a double, exact to the last bit however large the integers.</summary>
    private static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        var shift = (int)(denominator.GetBitLength() - numerator.GetBitLength()) + 64;
        var scaled = shift >= 0 ? (numerator << shift) / denominator : numerator / (denominator << -shift);
        return Math.ScaleB((double)scaled, -shift);
    }
}
