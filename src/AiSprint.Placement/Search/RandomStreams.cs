namespace AiSprint.Placement.Search;

/// <summary>
/// Independent, reproducible random streams: stream i of seed s is the same whatever thread runs
/// it, so parallel searches give identical results for any thread count (the C++ original shares
/// one generator across threads without locking, placement-model.md §8.1).
/// </summary>
internal static class RandomStreams
{
    public static SearchRandom For(int seed, int stream) => new(((ulong)(uint)seed << 32) | (uint)stream);
}

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: small, fast and of good quality.
/// Seeded <see cref="Random"/> falls back to .NET's legacy subtractive generator, which is several
/// times slower, and the search draws a few hundred numbers per iteration.
/// </summary>
internal sealed class SearchRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SearchRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), by Lemire's multiply-shift with rejection (no modulo bias).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var product = (NextUInt64() >> 32) * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = (uint)(-(long)bound % (long)bound);
            while (low < threshold)
            {
                product = (NextUInt64() >> 32) * bound;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
