namespace AiSprint.Profiling.Components;

/// <summary>
/// Drops outlying repetitions of one configuration by the proximity-index rule of the per-layer model
/// (spec per-layer-model.md, after the OSCAR-P profiling campaigns): every time t_i gets
/// p(t_i) = Σ 1 / |t_i − t_j| over its 5 nearest neighbours; times are kept in decreasing order of p until
/// they hold 99 % of the total Σ p. A time far from the others has a small p and is the first to go.
/// </summary>
public static class OutlierFilter
{
    private const int Neighbours = 5;
    private const double KeptShare = 0.99;

    /// <summary>Which of <paramref name="milliseconds"/> to keep, by index, in the original order.</summary>
    public static IReadOnlyList<int> Keep(IReadOnlyList<double> milliseconds)
    {
        // With three or fewer points nobody has enough neighbours to be told apart: keep all.
        if (milliseconds.Count <= 3) return Enumerable.Range(0, milliseconds.Count).ToArray();
        var spread = milliseconds.Max() - milliseconds.Min();
        if (spread <= 0) return Enumerable.Range(0, milliseconds.Count).ToArray();
        // Equal times would give 1/0: a floor far below any real difference keeps the index finite and ordered.
        var floor = spread * 1e-9;
        var proximity = new double[milliseconds.Count];
        for (var i = 0; i < milliseconds.Count; i++)
        {
            proximity[i] = milliseconds
                .Select((t, j) => (Distance: Math.Abs(t - milliseconds[i]), j))
                .Where(x => x.j != i)
                .OrderBy(x => x.Distance).ThenBy(x => x.j)
                .Take(Neighbours)
                .Sum(x => 1 / Math.Max(x.Distance, floor));
        }

        var total = proximity.Sum();
        var kept = new List<int>();
        var held = 0.0;
        foreach (var index in Enumerable.Range(0, proximity.Length).OrderByDescending(i => proximity[i]).ThenBy(i => i))
        {
            if (held >= KeptShare * total) break;
            kept.Add(index);
            held += proximity[index];
        }

        kept.Sort();
        return kept;
    }
}
