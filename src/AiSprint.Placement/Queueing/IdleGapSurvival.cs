namespace AiSprint.Placement.Queueing;

/// <summary>
/// q = P(an exponential inter-arrival gap exceeds the idle time) = 1 − F(z), with F(z) = −expm1(−z)
/// evaluated exactly as scipy 1.10's <c>expon.cdf</c> does through Cephes <c>expm1</c>
/// (faas-model.md §4.3 steps 4–5).
/// </summary>
/// <remarks>
/// The point of copying Cephes is the branch z &gt; 0.5: there expm1(−z) = exp(−z) − 1, so q is
/// rounded twice, is a multiple of 2⁻⁵³, and becomes <em>exactly</em> 0 once exp(−z) ≤ 2⁻⁵⁴
/// (z ≳ 37.43). Those exact zeros are what make lower states transient and cold_prob exactly 0 at
/// maximum concurrency in the package; a plain exp(−z) would give 1e-35 instead (§7).
/// The rational branch for z ≤ 0.5 is the Cephes approximation, bit-identical to scipy; any
/// accurate expm1 would do there at 1e-9 since q ≥ 0.6.
/// </remarks>
internal static class IdleGapSurvival
{
    /// <summary>z = I / (1/L): the scale 1/L is formed first, as scipy standardises by it (§4.3 step 4).</summary>
    public static double StandardisedIdleTime(double idleBeforeKill, double traffic) => idleBeforeKill / (1.0 / traffic);

    /// <summary>q = 1 − F(z) for z ≥ 0 (z = 0 gives 1: scipy's cdf is 0 outside the open support).</summary>
    public static double Probability(double standardisedIdleTime)
    {
        double cdf = -CephesExpm1(-standardisedIdleTime);
        return 1.0 - cdf;
    }

    // Cephes expm1 (cephes/unity.c) as shipped in scipy.special; polevl evaluates by Horner.
    private static double CephesExpm1(double x)
    {
        if (x < -0.5 || x > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }
        double xx = x * x;
        double p = ((1.2617719307481059087798e-4 * xx) + 3.0299440770744196129956e-2) * xx + 9.9999999999999999991025e-1;
        double r = x * p;
        double q = (((3.0019850513866445504159e-6 * xx) + 2.5244834034968410419224e-3) * xx + 2.2726554820815502876593e-1) * xx
                   + 2.0000000000000000000897e0;
        r /= q - r;
        return r + r;
    }
}
