namespace AiSprint.Telemetry.Tests.Drift.Statistics;

/// <summary>
/// The samples the SciPy reference values were computed on, regenerated bit for bit: a 64-bit LCG (Knuth's MMIX
/// constants) whose top 53 bits make a double in [0, 1), the same in the Python script that printed the values:
///
/// <code>
/// class Lcg:
///     def __init__(s, seed): s.s = seed % 2**64
///     def next(s):
///         s.s = (s.s * 6364136223846793005 + 1442695040888963407) % 2**64
///         return (s.s >> 11) / 2.0**53
/// def sample(seed, n, shift=0.0, scale=1.0, decimals=None):
///     g = Lcg(seed); v = [shift + scale * g.next() for _ in range(n)]
///     if decimals is not None: v = [round(x, decimals) for x in v]
///     return np.array(v)
/// </code>
///
/// Reference values: Debian python3-scipy 1.10.1 (numpy 1.24), computed once, 2026-12-04.
/// </summary>
internal static class ReferenceSamples
{
    public static double[] Sample(ulong seed, int n, double shift = 0, double scale = 1, int? decimals = null)
    {
        var state = seed;
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            unchecked { state = state * 6364136223846793005UL + 1442695040888963407UL; }
            var v = shift + scale * ((state >> 11) / 9007199254740992.0);
            // Python's round() is round-half-even on the binary value, as Math.Round's default.
            values[i] = decimals is { } d ? Math.Round(v, d) : v;
        }

        return values;
    }

    public static readonly double[] SmallX = [0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51];
    public static readonly double[] SmallY = [-0.33, 1.27, 2.37, 1.62, 0.79];
}
