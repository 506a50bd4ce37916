using System.Diagnostics;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search;

/// <summary>The outcome of a search: the best placement (null when none feasible was found) and how the search went.</summary>
public sealed record SearchResult(PlacementEvaluation? Best, SearchMethod Method, SearchStatistics Statistics, TimeSpan Elapsed, bool Cancelled)
{
    public bool Found => Best is { IsFeasible: true };
}

/// <summary>The entry point of the placement engine: runs the chosen method within the budgets.</summary>
public static class PlacementSearch
{
    public static SearchResult Run(PlacementProblem problem, SearchOptions options)
    {
        var clock = Stopwatch.StartNew();
        bool OutOfTime() => options.TimeLimit is { } limit && clock.Elapsed >= limit;
        var statistics = new SearchStatistics();
        var method = options.Method;

        var elite = RandomGreedy.Run(problem, options, statistics, OutOfTime);
        if (method is SearchMethod.LocalSearch or SearchMethod.Auto && elite.Items.Count > 0)
        {
            elite = LocalSearch.Run(problem, elite.Items, options, statistics, OutOfTime);
        }
        if (method is SearchMethod.TabuSearch or SearchMethod.Auto && elite.Items.Count > 0)
        {
            elite = Tabu(problem, elite, options, OutOfTime);
        }
        var best = elite.Items.Count > 0 ? PlacementEvaluator.Evaluate(problem, elite.Items[0].Decision) : null;
        return new SearchResult(best, method, statistics, clock.Elapsed, options.Cancellation.IsCancellationRequested);
    }

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
