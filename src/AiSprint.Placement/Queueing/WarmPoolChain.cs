using System.Buffers;
using System.Globalization;

namespace AiSprint.Placement.Queueing;

/// <summary>
/// The truncated birth–death chain of pacsltk's <c>get_sls_warm_count_dist</c> with
/// <c>faster_solution = True</c> (faas-model.md §4.3–4.4). State n = number of live instances.
/// For every state it keeps the cold-start probability B_n (Erlang-B) and the cumulative kill
/// rate D_n; every other per-state quantity (block rate, up rate, response time, …) is a cheap
/// function of B_n and is recomputed where needed rather than stored.
/// </summary>
/// <remarks>
/// Buffers come from <see cref="ArrayPool{T}"/> and must be handed back with <see cref="Dispose"/>:
/// the model runs once per (partition, FaaS configuration) per system load, so it allocates nothing
/// per call in the steady state.
/// </remarks>
internal sealed class WarmPoolChain : IDisposable
{
    /// <summary>W: states kept above the last one where cold-start traffic exceeds the kill rate (§1, §4.3 step 9).</summary>
    public const int TruncationWindow = 30;

    // 64 states cover every SPACE4AI-D call (31–45 states, §4.3); larger chains grow by doubling.
    private const int InitialCapacity = 64;

    private double[] _coldProbability;
    private double[] _killRate;

    private WarmPoolChain(double arrivalRate, double warm, double cold, int maximumConcurrency, int capacity)
    {
        ArrivalRate = arrivalRate;
        Warm = warm;
        Cold = cold;
        MaximumConcurrency = maximumConcurrency;
        _coldProbability = ArrayPool<double>.Shared.Rent(capacity);
        _killRate = ArrayPool<double>.Shared.Rent(capacity);
    }

    public double ArrivalRate { get; }
    public double Warm { get; }
    public double Cold { get; }
    public int MaximumConcurrency { get; }

    /// <summary>N, the last state; the chain has N+1 states.</summary>
    public int LastState { get; private set; }

    /// <summary>True when the chain reached M: state N then takes no cold start and blocked requests are rejected (§4.3 step 8).</summary>
    public bool ReachesMaximumConcurrency => LastState == MaximumConcurrency;

    /// <summary>B_0..B_N (B_0 = 1), as the Erlang-B recurrence gives them; step 8 leaves them unchanged.</summary>
    public ReadOnlySpan<double> ColdProbability => _coldProbability.AsSpan(0, LastState + 1);

    /// <summary>D_0..D_N (D_0 = 0): down rate of state j; non-decreasing, may be +∞ when I = 0.</summary>
    public ReadOnlySpan<double> KillRate => _killRate.AsSpan(0, LastState + 1);

    /// <summary>β_j = B_j·λ, the rate of requests that find every instance busy (§4.3 step 7).</summary>
    public double BlockRate(int state) => _coldProbability[state] * ArrivalRate;

    /// <summary>u_j = (β_j·μ_c)/(β_j + μ_c): blocked arrival then cold start, two phases in series (§4.4).</summary>
    public double UpRate(int state)
    {
        double blockRate = BlockRate(state);
        double coldRate = 1.0 / Cold;
        return blockRate * coldRate / (blockRate + coldRate);
    }

    /// <summary>Builds the chain (§4.3). Inputs are assumed validated except for the numerical domain of ρ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ρ = λ·w lies outside about [2.74e-10, 4.5e15] (§6).</exception>
    public static WarmPoolChain Build(double arrivalRate, double warm, double cold, double idleBeforeKill, int maximumConcurrency)
    {
        // M + 1 would overflow for M = int.MaxValue; compare before adding.
        int capacity = maximumConcurrency < InitialCapacity ? maximumConcurrency + 1 : InitialCapacity;
        var chain = new WarmPoolChain(arrivalRate, warm, cold, maximumConcurrency, capacity);
        try
        {
            chain.Fill(idleBeforeKill);
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    private void Fill(double idleBeforeKill)
    {
        double lambda = ArrivalRate;
        // ρ = λ/(1/w), a division by the rounded reciprocal as the package does (§4.1).
        double offeredLoad = lambda / (1.0 / Warm);
        var erlangB = new ErlangBRecurrence(offeredLoad);

        _coldProbability[0] = 1.0; // §4.2
        _killRate[0] = 0.0;
        double previousColdProbability = 1.0;
        double killRate = 0.0;
        int lastState = Math.Min(TruncationWindow, MaximumConcurrency);
        int m = 0;
        while (m < lastState)
        {
            m++;
            EnsureCapacity(m + 1);
            double coldProbability = erlangB.Next();
            double traffic = lambda * (previousColdProbability - coldProbability); // L_m = λ·p_m
            if (traffic == 0)
            {
                // The package divides by L_m here (ZeroDivisionError). It happens when consecutive
                // Erlang-B values coincide: both underflowed (ρ ≲ 2.74e-10) or both round to 1 (ρ ≳ 4.5e15). §6.
                throw new ArgumentOutOfRangeException(
                    "arrivalRate",
                    lambda,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Expected an offered load ρ = arrival rate × warm time between about 2.74e-10 and 4.5e15; ρ = {offeredLoad:R} makes the cold-start probabilities of instances {m - 1} and {m} equal in double precision, so instance {m} receives no traffic and the serverless model is undefined (faas-model.md §6)."));
            }
            killRate += InstanceLifetime.KillRate(traffic, idleBeforeKill, Warm);
            _coldProbability[m] = coldProbability;
            _killRate[m] = killRate;
            if (coldProbability * lambda > killRate)
            {
                // Cold-start traffic still beats the kill rate: keep W more states (§4.3 step 9).
                lastState = m <= MaximumConcurrency - TruncationWindow ? m + TruncationWindow : MaximumConcurrency;
            }
            previousColdProbability = coldProbability;
        }
        LastState = m;
    }

    private void EnsureCapacity(int states)
    {
        if (states <= _coldProbability.Length)
        {
            return;
        }
        int capacity = (int)Math.Min((long)_coldProbability.Length * 2, (long)MaximumConcurrency + 1);
        capacity = Math.Max(capacity, states);
        Grow(ref _coldProbability, capacity);
        Grow(ref _killRate, capacity);
    }

    private static void Grow(ref double[] buffer, int capacity)
    {
        var larger = ArrayPool<double>.Shared.Rent(capacity);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<double>.Shared.Return(buffer);
        buffer = larger;
    }

    public void Dispose()
    {
        if (_coldProbability.Length == 0)
        {
            return; // already returned
        }
        ArrayPool<double>.Shared.Return(_coldProbability);
        ArrayPool<double>.Shared.Return(_killRate);
        _coldProbability = [];
        _killRate = [];
    }
}
