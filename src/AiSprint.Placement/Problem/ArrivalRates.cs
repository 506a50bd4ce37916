using AiSprint.Model;
using AiSprint.Model.Units;

namespace AiSprint.Placement.Problem;

/// <summary>Component arrival rates through the DAG (placement-model.md §1.3).</summary>
internal static class ArrivalRates
{
    /// <summary>
    /// A topological order of the components (Kahn's algorithm, ties in declaration order), or
    /// null when the DAG has a cycle.
    /// </summary>
    public static int[]? TopologicalOrder(IReadOnlyList<string> components, IReadOnlyList<DagEdge> edges)
    {
        var index = components.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var indegree = new int[components.Count];
        foreach (var edge in edges) indegree[index[edge.To]]++;
        var ready = new SortedSet<int>(Enumerable.Range(0, components.Count).Where(i => indegree[i] == 0));
        var order = new List<int>(components.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var edge in edges.Where(e => e.From == components[next]))
            {
                if (--indegree[index[edge.To]] == 0) ready.Add(index[edge.To]);
            }
        }
        return order.Count == components.Count ? order.ToArray() : null;
    }

    /// <summary>
    /// Every source gets the full <paramref name="lambda"/> (as the C++ tool does for several
    /// sources); any other component the sum over its predecessors of p·λ. Early exits do not thin
    /// downstream components, only DAG probabilities do.
    /// </summary>
    public static RequestsPerSecond[] ComponentRates(IReadOnlyList<string> components, IReadOnlyList<DagEdge> edges, IReadOnlyList<int> order, RequestsPerSecond lambda)
    {
        var index = components.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var hasPredecessor = new bool[components.Count];
        foreach (var edge in edges) hasPredecessor[index[edge.To]] = true;
        var rates = new double[components.Count];
        foreach (var c in order)
        {
            if (!hasPredecessor[c]) rates[c] = lambda.Value;
            foreach (var edge in edges.Where(e => e.From == components[c]))
            {
                rates[index[edge.To]] += edge.Probability.Value * rates[c];
            }
        }
        return rates.Select(r => new RequestsPerSecond(r)).ToArray();
    }
}
