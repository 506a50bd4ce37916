using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Search;

/// <summary>A feasible placement found by a search and its cost.</summary>
internal sealed record ScoredDecision(PlacementDecision Decision, double Cost, ulong Key);

/// <summary>
/// The K cheapest distinct feasible placements seen. Ties keep the one found first, so merging
/// per-block sets in block order is deterministic.
/// </summary>
internal sealed class EliteSet(int capacity)
{
    private readonly List<ScoredDecision> _items = [];

    public IReadOnlyList<ScoredDecision> Items => _items;
    public double WorstCost => _items.Count < capacity ? double.PositiveInfinity : _items[^1].Cost;

    public bool Offer(PlacementDecision decision, double cost)
    {
        if (cost >= WorstCost) return false;
        var key = KeyOf(decision);
        foreach (var item in _items)
        {
            if (item.Key == key && SameDecision(item.Decision, decision)) return false;
        }
        return Insert(new ScoredDecision(decision.Clone(), cost, key));
    }

    public void Merge(EliteSet other)
    {
        foreach (var item in other._items)
        {
            if (item.Cost < WorstCost && !_items.Any(i => i.Key == item.Key && SameDecision(i.Decision, item.Decision))) Insert(item);
        }
    }

    private bool Insert(ScoredDecision item)
    {
        var at = _items.FindIndex(i => i.Cost > item.Cost);
        _items.Insert(at < 0 ? _items.Count : at, item);
        if (_items.Count > capacity) _items.RemoveAt(_items.Count - 1);
        return true;
    }

    /// <summary>A hash of deployments, resources and replicas (FNV-1a); equal keys are confirmed with <see cref="SameDecision"/>.</summary>
    public static ulong KeyOf(PlacementDecision decision)
    {
        const ulong prime = 1099511628211UL;
        var hash = 14695981039346656037UL;
        for (var c = 0; c < decision.Deployments.Length; c++)
        {
            hash = (hash ^ (uint)decision.Deployments[c]) * prime;
            foreach (var r in decision.Resources[c]) hash = (hash ^ (uint)r) * prime;
            foreach (var y in decision.Replicas[c]) hash = (hash ^ (uint)y) * prime;
        }
        return hash;
    }

    /// <summary>Two placements are the same when deployments, resources and replicas all agree.</summary>
    public static bool SameDecision(PlacementDecision a, PlacementDecision b)
    {
        if (!a.Deployments.AsSpan().SequenceEqual(b.Deployments)) return false;
        for (var c = 0; c < a.Deployments.Length; c++)
        {
            if (!a.Resources[c].AsSpan().SequenceEqual(b.Resources[c]) || !a.Replicas[c].AsSpan().SequenceEqual(b.Replicas[c])) return false;
        }
        return true;
    }
}
