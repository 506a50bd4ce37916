namespace AiSprint.Placement.Queueing;

/// <summary>
/// The stationary distribution π of the warm-pool birth–death chain (faas-model.md §4.5).
/// </summary>
/// <remarks>
/// The package solves the dense system Qᵀπ = e₀ (generator with column 0 replaced by ones) with
/// LAPACK's LU. Its exact solution is the product form π_{j−1}·u_{j−1} = π_j·d_j, Σπ = 1, which
/// this computes in O(N) with no matrix. It is within 3.3e-15 of the exact answer; the package's
/// LU rounding is the only remaining difference (≤ 3.4e-11 on any output, §7), so copying the LU
/// would buy nothing. Anchoring at the mode keeps every weight ≤ 1: nothing overflows, and
/// underflow to 0 only hits states of negligible probability. Rates d_j = 0 (never-killed
/// instances) and d_j = +∞ (I = 0) give exact zeros on the transient side without special cases.
/// </remarks>
internal static class BirthDeathStationaryDistribution
{
    /// <summary>Writes π_0..π_N into <paramref name="probability"/> (length N+1).</summary>
    public static void Solve(WarmPoolChain chain, Span<double> probability)
    {
        int lastState = chain.LastState;
        ReadOnlySpan<double> down = chain.KillRate;
        // UpRate(j) is recomputed rather than stored; the chain keeps only B_j and D_j.

        // k*: the largest j with u_{j−1} ≥ d_j. The ratios u_{j−1}/d_j do not increase with j
        // (u falls with B, d accumulates), so π rises up to k* and falls after it.
        int mode = 0;
        for (int j = 1; j <= lastState; j++)
        {
            if (chain.UpRate(j - 1) >= down[j])
            {
                mode = j;
            }
        }

        probability[mode] = 1.0;
        for (int j = mode + 1; j <= lastState; j++)
        {
            probability[j] = probability[j - 1] * (chain.UpRate(j - 1) / down[j]);
        }
        for (int j = mode; j >= 1; j--)
        {
            probability[j - 1] = probability[j] * (down[j] / chain.UpRate(j - 1));
        }

        double total = 0.0;
        for (int j = 0; j <= lastState; j++)
        {
            total += probability[j];
        }
        for (int j = 0; j <= lastState; j++)
        {
            probability[j] /= total;
        }
    }
}
