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
        var method = options.Method == SearchMethod.Auto ? SearchMethod.LocalSearch : options.Method;

        var elite = RandomGreedy.Run(problem, options, statistics, OutOfTime);
        if (method == SearchMethod.LocalSearch && elite.Items.Count > 0)
        {
            elite = LocalSearch.Run(problem, elite.Items, options, statistics, OutOfTime);
        }
        var best = elite.Items.Count > 0 ? PlacementEvaluator.Evaluate(problem, elite.Items[0].Decision) : null;
        return new SearchResult(best, method, statistics, clock.Elapsed, options.Cancellation.IsCancellationRequested);
    }
}
