namespace AiSprint.Telemetry.Drift.Statistics;

/// <summary>Kolmogorov's limiting distribution of √n·Dₙ (SciPy's <c>kstwobign</c>).</summary>
internal static class Kolmogorov
{
    /// <summary>Pr(K &gt; z).</summary>
    /// <remarks>
    /// Two series of one function, each used where it converges in a few terms (as Cephes' <c>kolmogorov</c>):
    /// the theta-function form √(2π)/z·Σexp(−(2k−1)²π²/(8z²)) for the CDF when z is small, the alternating
    /// 2·Σ(−1)^(k−1)exp(−2k²z²) for the survival function otherwise.
    /// </remarks>
    public static double Survival(double z)
    {
        if (z <= 0)
        {
            return 1;
        }

        if (z < 1)
        {
            double w = -Math.PI * Math.PI / (8 * z * z), cdf = 0;
            for (int k = 1; k < 100; k++)
            {
                var term = Math.Exp((2 * k - 1) * (2 * k - 1) * w);
                cdf += term;
                if (term < 1e-20 * cdf) break;
            }

            return 1 - Math.Sqrt(2 * Math.PI) / z * cdf;
        }

        double sf = 0, sign = 1;
        for (int k = 1; k < 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * z * z);
            sf += sign * term;
            sign = -sign;
            if (term < 1e-20 * Math.Abs(sf)) break;
        }

        return Math.Clamp(2 * sf, 0, 1);
    }
}
