using System.Globalization;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// report.txt's first line: which searches ran with which seed, how many iterations (and how many feasible), whether the
/// run was interrupted, and what the exact search proved. Shared by <c>aisprint place</c>, <c>deploy</c> and the
/// alternatives' placement so the same run reads the same everywhere.
/// </summary>
public static class SearchSummary
{
    /// <summary>The summary line of <paramref name="result"/>, found with <paramref name="options"/>.</summary>
    public static string Format(SearchResult result, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var summary = $"{Describe(result.Method)}, seed {options.Seed}: {result.Statistics.RandomGreedyIterations} Random Greedy iterations ({result.Statistics.RandomGreedyFeasible} feasible), " +
                      $"{result.Statistics.LocalSearchIterations} Local Search iterations{(result.Cancelled ? ", interrupted" : "")}";
        if (result.Exact is { } exact)
        {
            summary += exact.ProvedOptimal
                ? exact.Best is null ? "; exact search: proved infeasible" : "; exact search: proved optimal"
                : $"; exact search: stopped at its budget, gap {exact.Gap.ToString("P2", CultureInfo.InvariantCulture)} (lower bound {exact.LowerBound.ToString("0.######", CultureInfo.InvariantCulture)})";
        }
        return summary;
    }

    private static string Describe(SearchMethod method) => method switch
    {
        SearchMethod.RandomGreedy => "Random Greedy",
        SearchMethod.LocalSearch => "Random Greedy + Local Search",
        SearchMethod.TabuSearch => "Random Greedy + Tabu Search",
        SearchMethod.Auto => "Random Greedy + Local Search + Tabu Search",
        SearchMethod.Exact => "exact search",
        _ => method.ToString(),
    };
}
