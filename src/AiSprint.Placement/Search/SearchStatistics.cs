namespace AiSprint.Placement.Search;

/// <summary>Counters of a search, safe to update from several threads.</summary>
public sealed class SearchStatistics
{
    private long _randomGreedyIterations;
    private long _randomGreedyFeasible;
    private long _localSearchIterations;
    private long _localSearchImprovements;

    /// <summary>Random Greedy solutions drawn.</summary>
    public long RandomGreedyIterations => Interlocked.Read(ref _randomGreedyIterations);
    /// <summary>Random Greedy solutions that met every constraint.</summary>
    public long RandomGreedyFeasible => Interlocked.Read(ref _randomGreedyFeasible);
    /// <summary>Local Search iterations run, over every start.</summary>
    public long LocalSearchIterations => Interlocked.Read(ref _localSearchIterations);
    internal long LocalSearchImprovements => Interlocked.Read(ref _localSearchImprovements);

    internal void AddRandomGreedy(int iterations, int feasible)
    {
        Interlocked.Add(ref _randomGreedyIterations, iterations);
        Interlocked.Add(ref _randomGreedyFeasible, feasible);
    }

    internal void AddLocalSearch(int iterations, int improvements)
    {
        Interlocked.Add(ref _localSearchIterations, iterations);
        Interlocked.Add(ref _localSearchImprovements, improvements);
    }
}
