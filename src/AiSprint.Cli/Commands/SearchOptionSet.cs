using System.CommandLine;
using AiSprint.Placement.Search;

namespace AiSprint.Cli.Commands;

/// <summary>The placement search's options, shared by <c>place</c> and <c>deploy</c>.</summary>
internal sealed class SearchOptionSet
{
    public Option<string> Method { get; } = new("--method")
    {
        Description = "auto (Random Greedy + Local Search + Tabu Search, exact on small instances), rg (Random Greedy), ls (+ Local Search), tabu (+ Tabu Search) or exact.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<int> Iterations { get; } = new("--iterations") { Description = "Random Greedy iterations.", DefaultValueFactory = _ => 10_000 };

    public Option<int> LocalSearchIterations { get; } = new("--ls-iterations") { Description = "Local Search iterations per elite start.", DefaultValueFactory = _ => 1_666 };

    public Option<double?> TimeLimit { get; } = new("--time-limit") { Description = "Wall-time budget in seconds; the best placement so far is returned." };

    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed: the same seed and budget give the same placement.", DefaultValueFactory = _ => 1 };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Worker threads (default: every core). Results do not depend on it." };

    public SearchOptionSet() => Method.AcceptOnlyFromAmong("auto", "rg", "ls", "tabu", "exact");

    public IEnumerable<Option> All => [Method, Iterations, LocalSearchIterations, TimeLimit, Seed, Threads];

    public SearchOptions Parse(ParseResult parse, CancellationToken cancellation) => new()
    {
        Method = parse.GetValue(Method) switch { "rg" => SearchMethod.RandomGreedy, "ls" => SearchMethod.LocalSearch, "tabu" => SearchMethod.TabuSearch, "exact" => SearchMethod.Exact, _ => SearchMethod.Auto },
        RandomGreedyIterations = parse.GetValue(Iterations),
        LocalSearchIterations = parse.GetValue(LocalSearchIterations),
        TimeLimit = parse.GetValue(TimeLimit) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Seed = parse.GetValue(Seed),
        Threads = parse.GetValue(Threads),
        Cancellation = cancellation,
    };
}
