namespace AiSprint.Placement.Queueing;

/// <summary>
/// The kill rate 1/τ_m of the m-th warm instance (faas-model.md §4.3 steps 3–6). The instance sees
/// the overflow traffic L_m = λ·(B_{m−1} − B_m) and dies after I seconds without a request.
/// </summary>
internal static class InstanceLifetime
{
    /// <summary>
    /// 1/τ_m for an instance receiving <paramref name="traffic"/> requests/s (L_m &gt; 0), or 0 when
    /// a gap longer than I is impossible in double precision (q_m = 0: the instance is never killed).
    /// Returns +∞ when I = 0 (τ_m = 0).
    /// </summary>
    public static double KillRate(double traffic, double idleBeforeKill, double warm)
    {
        double z = IdleGapSurvival.StandardisedIdleTime(idleBeforeKill, traffic);
        double survival = IdleGapSurvival.Probability(z);
        if (!(survival > 0))
        {
            return 0.0; // D_m = D_{m−1} exactly, as in the package (§4.3 step 6).
        }
        double requestsBeforeKill = 1.0 / survival; // E_m
        double horizon = idleBeforeKill + warm;     // T = I + w
        double decay = Math.Exp(-(traffic * horizon));
        // A_m = ∫₀ᵀ t·L·e^{−Lt} dt, naively with exp as the package does: it loses its digits only
        // when L·T is tiny, and then E_m − 1 ≈ 0 multiplies it (§4.3 step 6, §7).
        double meanGap = -(horizon * decay) + (1.0 - decay) / traffic;
        double lifetime = idleBeforeKill + (requestsBeforeKill - 1.0) * meanGap; // τ_m
        return 1.0 / lifetime;
    }
}
