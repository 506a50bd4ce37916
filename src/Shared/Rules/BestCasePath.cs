using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiSprint.Contract.Rules;

/// <summary>
/// The best case of a global path (placement-model.md §5.2: T_path = Σ T_c + Σ Δ between consecutive components),
/// the one admissible lower bound the analyzers (AIS1002) and the build (AIS0051) both report: each component at its
/// best-case time (fastest compatible resource, no queueing, partition times weighted by their reach probability), each
/// hop at its least transfer time over the pairs of resources the two components may use (0 when they may share one;
/// unknown transfers count 0). Each term is minimised on its own, so the sum never exceeds any placement's path time.
/// The terms are kept so the message can show where the time goes, in the same words on both sides.
/// </summary>
internal sealed class BestCasePath
{
    private readonly StringBuilder terms = new StringBuilder();

    public double TotalMilliseconds { get; private set; }

    /// <summary>Whether any component on the path has a known best case (without one the bound says nothing).</summary>
    public bool HasComponentTime { get; private set; }

    public BestCasePath Component(string name, double milliseconds, string? resource)
    {
        HasComponentTime = true;
        TotalMilliseconds += milliseconds;
        Append(name + " " + Format(milliseconds) + " ms" + (resource is null ? "" : " on " + resource));
        return this;
    }

    public BestCasePath Transfer(string from, string to, double? milliseconds)
    {
        if (milliseconds is { } ms && ms > 0)
        {
            TotalMilliseconds += ms;
            Append(from + " -> " + to + " " + Format(ms) + " ms");
        }

        return this;
    }

    /// <summary>The terms of the bound, e.g. <c>a 10 ms on VM1 + a -> b 3.2 ms + b 40 ms on VM2</c>.</summary>
    public string Breakdown => terms.ToString();

    public bool Exceeds(double thresholdMilliseconds) => HasComponentTime && TotalMilliseconds > thresholdMilliseconds;

    /// <summary>The least of <paramref name="candidates"/>' values, null when there is none.</summary>
    public static double? Least(IEnumerable<double?> candidates)
    {
        double? best = null;
        foreach (var candidate in candidates)
        {
            if (candidate is { } value && (best is null || value < best))
            {
                best = value;
            }
        }

        return best;
    }

    /// <summary>Milliseconds as the messages print them: up to three decimals, thousands separated.</summary>
    public static string Format(double milliseconds) => milliseconds.ToString("#,0.###", CultureInfo.InvariantCulture);

    private void Append(string term)
    {
        if (terms.Length > 0)
        {
            terms.Append(" + ");
        }

        terms.Append(term);
    }
}
