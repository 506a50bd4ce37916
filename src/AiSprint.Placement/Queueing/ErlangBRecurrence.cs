namespace AiSprint.Placement.Queueing;

/// <summary>
/// Erlang-B loss probabilities B(ρ, 1), B(ρ, 2), … of an M/G/m/m system by the reciprocal
/// recurrence R_m = 1 + R_{m−1}·(m/ρ), B_m = 1/R_m (faas-model.md §4.3 step 1).
/// </summary>
/// <remarks>
/// pacsltk recomputes R from R_0 = 1 for every m; carrying R_{m−1} performs the identical
/// operations in the identical order, so B_m is bit-identical at O(1) per step. For small ρ, R
/// overflows to +∞ and B_m becomes exactly 0, as in the package: no logarithms, no cut-off.
/// </remarks>
internal struct ErlangBRecurrence(double offeredLoad)
{
    private readonly double _offeredLoad = offeredLoad;
    private double _reciprocal = 1.0; // R_0 = 1/B_0 with B_0 = 1.
    private int _servers;

    /// <summary>Advances m by one and returns B_m.</summary>
    public double Next()
    {
        _servers++;
        // Quotient first, then the product, then the sum (§4.3 step 1): needed for bit-identity.
        _reciprocal = 1.0 + _reciprocal * (_servers / _offeredLoad);
        return 1.0 / _reciprocal;
    }
}
