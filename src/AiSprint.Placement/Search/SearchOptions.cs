namespace AiSprint.Placement.Search;

/// <summary>The search methods of <c>aisprint place --method</c>.</summary>
public enum SearchMethod
{
    /// <summary>Exact search when the instance is small enough, heuristics otherwise.</summary>
    Auto,
    /// <summary>Random Greedy only (design document Algorithm 1).</summary>
    RandomGreedy,
    /// <summary>Random Greedy, then the C++ tool's Local Search moves from each elite solution.</summary>
    LocalSearch,
    /// <summary>Random Greedy, then a Tabu Search over the full neighbourhood from the best elite solutions.</summary>
    TabuSearch,
    /// <summary>Branch and bound: proves optimality or reports the gap.</summary>
    Exact,
}

/// <summary>
/// Budgets and randomness of a placement search. Defaults are the C++ tool's scalability settings
/// (Random Greedy 10,000 iterations, Local Search 1,666 per elite start).
/// </summary>
public sealed record SearchOptions
{
    /// <summary>Which search runs (see <see cref="SearchMethod"/>).</summary>
    public SearchMethod Method { get; init; } = SearchMethod.Auto;
    /// <summary>The seed of every random choice: the same seed gives the same result whatever the thread count.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Random Greedy's iterations (solutions drawn).</summary>
    public int RandomGreedyIterations { get; init; } = 10_000;
    /// <summary>Local Search iterations per elite start, at most (see <see cref="LocalSearchStallLimit"/>).</summary>
    public int LocalSearchIterations { get; init; } = 1_666;
    /// <summary>
    /// A Local Search start stops after this many consecutive iterations without improvement (the
    /// C++ tool always runs every iteration; past this point its moves almost never pay off).
    /// </summary>
    public int LocalSearchStallLimit { get; init; } = 200;
    /// <summary>Steps of each Tabu Search run.</summary>
    public int TabuSteps { get; init; } = 60;
    /// <summary>How many of the best solutions so far seed a Tabu Search each.</summary>
    public int TabuStarts { get; init; } = 3;
    /// <summary>How many of the best Random Greedy solutions seed the Local Search.</summary>
    public int EliteCount { get; init; } = 10;
    /// <summary>Stop at this wall time and return the best so far (results may then depend on machine speed).</summary>
    public TimeSpan? TimeLimit { get; init; }
    /// <summary>Worker threads; null for every core. Results do not depend on it.</summary>
    public int? Threads { get; init; }
    /// <summary>Stops the search early; the best placement so far is returned with <see cref="SearchResult.Cancelled"/> set.</summary>
    public CancellationToken Cancellation { get; init; }
    /// <summary>Receives the fraction of the budget done, in [0, 1].</summary>
    public IProgress<double>? Progress { get; init; }
}
