using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Search.Exact;

/// <summary>Limits and a warm start for <see cref="ExactSearch.Solve"/>.</summary>
internal sealed record ExactOptions
{
    /// <summary>Wall-clock budget; null for none. When it runs out the result reports the gap.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The most search nodes (deployment or resource choices) to expand; null for none.</summary>
    public long? NodeLimit { get; init; }

    /// <summary>
    /// A known solution to start from (e.g. a heuristic's). It is re-evaluated by
    /// <see cref="PlacementEvaluator.CostIfFeasible"/>; an infeasible one is ignored. If nothing
    /// strictly cheaper exists it comes back as <see cref="ExactResult.Best"/> unchanged, with its
    /// replica counts as given (which may differ between partitions of one resource; the search's own
    /// solutions never do, and a consistent solution at the largest counts is never dearer).
    /// </summary>
    public PlacementDecision? Incumbent { get; init; }

    public CancellationToken Cancellation { get; init; }
}

/// <summary>
/// The outcome of the exact search.
/// <para>
/// <see cref="ProvedOptimal"/> with a <see cref="Best"/>: no feasible placement costs less than
/// <see cref="Cost"/> (up to a relative 1e-9, the pruning tolerance). <see cref="ProvedOptimal"/>
/// with <see cref="Best"/> null: the instance has no feasible placement. Otherwise a limit stopped the
/// search: every feasible placement costs at least <see cref="LowerBound"/>.
/// </para>
/// </summary>
/// <param name="Best">The cheapest feasible placement found, with one replica count per resource; null if none.</param>
/// <param name="Cost">Its cost under the evaluator; +∞ when there is none.</param>
/// <param name="LowerBound">A proven lower bound on the optimal cost (= Cost when proved; +∞ when proved infeasible).</param>
public sealed record ExactResult(PlacementDecision? Best, double Cost, double LowerBound, bool ProvedOptimal, long NodesExplored, TimeSpan Elapsed)
{
    /// <summary>(Cost − LowerBound) / Cost: 0 when proved, +∞ with no solution and a finite bound.</summary>
    public double Gap => ProvedOptimal ? 0
        : double.IsPositiveInfinity(Cost) ? double.PositiveInfinity
        : Math.Max(0, (Cost - LowerBound) / Cost);
}
