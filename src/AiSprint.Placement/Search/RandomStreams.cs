namespace AiSprint.Placement.Search;

/// <summary>
/// Independent, reproducible random streams: stream i of seed s is the same whatever thread runs
/// it, so parallel searches give identical results for any thread count (the C++ original shares
/// one generator across threads without locking, placement-model.md §8.1).
/// </summary>
public static class RandomStreams
{
    public static Random For(int seed, int stream) => new(unchecked((int)Mix(((ulong)(uint)seed << 32) | (uint)stream)));

    /// <summary>SplitMix64's finaliser: neighbouring (seed, stream) pairs give unrelated generator seeds.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
