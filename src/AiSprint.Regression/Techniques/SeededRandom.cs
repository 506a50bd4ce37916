namespace AiSprint.Regression.Techniques;

/// <summary>
/// A small deterministic generator (SplitMix64) for the tree techniques: its sequence depends only on the seed,
/// never on the runtime or the thread, so forests are identical whatever the thread count. aMLLibrary passes no
/// random_state to DecisionTree/RandomForest (spec §5.2, §4.3), so its figures are not reproducible; here the
/// campaign's <c>seed</c> is used instead.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>An independent stream for a sub-task (a tree of a forest), derived from a seed and an index.</summary>
    public static SeededRandom For(int seed, int stream) => new(Mix(((ulong)(uint)seed << 32) ^ (ulong)(uint)stream ^ 0x5DEECE66DUL));

    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform integer in [0, bound).</summary>
    public int NextInt(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>Uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal deviate (Box–Muller, one value per call).</summary>
    public double NextGaussian()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
