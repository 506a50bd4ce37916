using System.Buffers;
using System.Globalization;
using AiSprint.Model.Units;

namespace AiSprint.Placement.Queueing;

/// <summary>
/// The serverless warm/cold performance model of Mahmoudi &amp; Khazaei (IEEE TCC 2020), as pacsltk
/// 0.2.1's <c>get_sls_warm_count_dist</c> computes it with <c>faster_solution = True</c>, ported from
/// the specification faas-model.md. SPACE4AI-D uses its <see cref="ServerlessMetrics.AverageResponseTime"/>
/// as the demand of a FaaS-placed partition.
/// </summary>
/// <remarks>
/// O(N) in the number of chain states N+1 (31–45 for every SPACE4AI-D call, at most M+1) with no
/// matrix: the package's dense LU is replaced by the exact product form of the birth–death chain
/// (§4.5). Results match the package to within 3.4e-11 relative on every output, exact zeros included.
/// </remarks>
internal static class ServerlessPerformanceModel
{
    /// <summary>Solves the model for one (request rate, FaaS configuration).</summary>
    /// <param name="arrivalRate">λ &gt; 0; with the warm time, ρ = λ·w must lie in about [2.74e-10, 4.5e15] (§1, §6).</param>
    /// <param name="warm">w &gt; 0: service time of a request on a warm instance.</param>
    /// <param name="cold">c &gt; 0: service time of a cold start (c &lt; w is accepted).</param>
    /// <param name="idleBeforeKill">I ≥ 0: an instance idle this long is killed. I = 0 means every request is cold.</param>
    /// <param name="maximumConcurrency">M ≥ 1: the platform's cap on live instances (pacsltk's default 1000).</param>
    /// <exception cref="ArgumentOutOfRangeException">An input is outside the domain above, NaN or infinite.</exception>
    public static ServerlessMetrics Solve(
        RequestsPerSecond arrivalRate,
        Seconds warm,
        Seconds cold,
        Seconds idleBeforeKill,
        int maximumConcurrency = 1000)
    {
        // The package validates nothing (w = 0 divides by zero, I < 0 gives negative kill rates);
        // the port rejects everything outside the model's domain (§6, invalid inputs).
        RequirePositive(arrivalRate.Value, nameof(arrivalRate), "an arrival rate in requests per second");
        RequirePositive(warm.Value, nameof(warm), "a warm service time in seconds");
        RequirePositive(cold.Value, nameof(cold), "a cold-start service time in seconds");
        if (!(idleBeforeKill.Value >= 0) || double.IsInfinity(idleBeforeKill.Value))
        {
            throw new ArgumentOutOfRangeException(
                nameof(idleBeforeKill),
                idleBeforeKill,
                Message($"Expected a finite idle time before kill ≥ 0 s, got {idleBeforeKill.Value:R}."));
        }
        if (maximumConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maximumConcurrency),
                maximumConcurrency,
                Message($"Expected a maximum concurrency of at least 1 instance, got {maximumConcurrency}."));
        }

        using var chain = WarmPoolChain.Build(arrivalRate.Value, warm.Value, cold.Value, idleBeforeKill.Value, maximumConcurrency);
        int states = chain.LastState + 1;
        double[] probability = ArrayPool<double>.Shared.Rent(states);
        try
        {
            var pi = probability.AsSpan(0, states);
            BirthDeathStationaryDistribution.Solve(chain, pi);
            return ServerlessAverages.Compute(chain, pi);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(probability);
        }
    }

    private static void RequirePositive(double value, string parameter, string what)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(parameter, value, Message($"Expected {what} that is finite and > 0, got {value:R}."));
        }
    }

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
