using System.Diagnostics;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search.Exact;

namespace AiSprint.Placement.Search;

/// <summary>The outcome of a search: the best placement (null when none feasible was found) and how the search went.</summary>
/// <param name="Best">The best feasible placement found; null when none was found.</param>
/// <param name="Method">The method the options asked for.</param>
/// <param name="Statistics">The search's counters.</param>
/// <param name="Elapsed">The wall time the search took.</param>
/// <param name="Cancelled">The search stopped on <see cref="SearchOptions.Cancellation"/> before its budget ran out.</param>
public sealed record SearchResult(PlacementEvaluation? Best, SearchMethod Method, SearchStatistics Statistics, TimeSpan Elapsed, bool Cancelled)
{
    /// <summary>True when a placement meeting every constraint was found.</summary>
    public bool Found => Best is { IsFeasible: true };
    /// <summary>Set when the exact search ran: whether it proved the result optimal (or the instance infeasible), and its lower bound.</summary>
    public ExactResult? Exact { get; init; }
}

/// <summary>The entry point of the placement engine: runs the chosen method within the budgets.</summary>
public static class PlacementSearch
{
    /// <summary>Searches <paramref name="problem"/> with the method and budgets of <paramref name="options"/>; for a given seed the result does not depend on the thread count unless a time limit cuts the search short.</summary>
    public static SearchResult Run(PlacementProblem problem, SearchOptions options)
    {
        var clock = Stopwatch.StartNew();
        bool OutOfTime() => options.TimeLimit is { } limit && clock.Elapsed >= limit;
        var statistics = new SearchStatistics();
        var method = options.Method;

        if (method == SearchMethod.Exact)
        {
            // A short Random Greedy gives the branch and bound an incumbent to prune against.
            var seed = RandomGreedy.Run(problem, options with { RandomGreedyIterations = Math.Min(options.RandomGreedyIterations, 2_000) }, statistics, OutOfTime);
            var exact = ExactSearch.Solve(problem, new ExactOptions { TimeLimit = Remaining(options, clock), Incumbent = seed.Items.FirstOrDefault()?.Decision, Cancellation = options.Cancellation });
            var evaluation = exact.Best is null ? null : PlacementEvaluator.Evaluate(problem, exact.Best);
            return new SearchResult(evaluation, method, statistics, clock.Elapsed, options.Cancellation.IsCancellationRequested) { Exact = exact };
        }

        var elite = RandomGreedy.Run(problem, options, statistics, OutOfTime);
        if (method is SearchMethod.LocalSearch or SearchMethod.Auto && elite.Items.Count > 0)
        {
            elite = LocalSearch.Run(problem, elite.Items, options, statistics, OutOfTime);
        }
        if (method is SearchMethod.TabuSearch or SearchMethod.Auto && elite.Items.Count > 0)
        {
            elite = Tabu(problem, elite, options, OutOfTime);
        }
        ExactResult? proof = null;
        if (method == SearchMethod.Auto && problem.Components.Count <= AutoExactComponents && !OutOfTime() && !options.Cancellation.IsCancellationRequested)
        {
            // Small instances: try to prove the heuristic's answer optimal, or beat it. The budget is a node
            // count, not a time, so that the default method stays deterministic for a seed.
            proof = ExactSearch.Solve(problem, new ExactOptions
            {
                NodeLimit = AutoExactNodes,
                TimeLimit = Remaining(options, clock),
                Incumbent = elite.Items.FirstOrDefault()?.Decision,
                Cancellation = options.Cancellation,
            });
            if (proof.Best is { } exactBest && (elite.Items.Count == 0 || proof.Cost < elite.Items[0].Cost - 1e-12)) elite.Offer(exactBest, proof.Cost);
        }
        var best = elite.Items.Count > 0 ? PlacementEvaluator.Evaluate(problem, elite.Items[0].Decision) : null;
        return new SearchResult(best, method, statistics, clock.Elapsed, options.Cancellation.IsCancellationRequested) { Exact = proof };
    }

    /// <summary>Auto runs the exact search after the heuristics on instances up to this many components…</summary>
    public const int AutoExactComponents = 10;

    /// <summary>
    /// …expanding at most this many nodes (a few seconds here; the 5- and 7-component benchmark
    /// instances prove with under 4,000).
    /// </summary>
    public const long AutoExactNodes = 30_000;

    private static TimeSpan? Remaining(SearchOptions options, Stopwatch clock) =>
        options.TimeLimit is { } limit ? (limit > clock.Elapsed ? limit - clock.Elapsed : TimeSpan.Zero) : null;

    /// <summary>Tabu runs from the best few solutions, in parallel; merged in start order, so deterministic.</summary>
    private static EliteSet Tabu(PlacementProblem problem, EliteSet elite, SearchOptions options, Func<bool> outOfTime)
    {
        var starts = elite.Items.Take(options.TabuStarts).ToList();
        var results = new ScoredDecision[starts.Count];
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount },
            i => results[i] = TabuSearch.Run(problem, starts[i], options.TabuSteps, options.Cancellation, outOfTime));
        var merged = new EliteSet(Math.Max(1, elite.Items.Count));
        foreach (var result in results) merged.Offer(result.Decision, result.Cost);
        merged.Merge(elite);
        return merged;
    }
}
