using System.Numerics;

namespace AiSprint.Regression.Validation.Python;

/// <summary>
/// CPython's <c>random.Random</c> (MT19937) for the operations aMLLibrary's splits use: seeding from an int or a
/// float (CPython seeds with |hash(float)|), <c>random()</c>, <c>getrandbits</c>, <c>_randbelow</c> and
/// <c>sample</c> (3.11 algorithm). Reproducing the stream bit for bit is what makes the HoldOut and KFold rows the
/// ones aMLLibrary draws for the same <c>seed</c> (spec §4.3).
/// </summary>
internal sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index = N + 1;

    /// <summary><c>Random(int)</c>: seeded with the absolute value.</summary>
    public PythonRandom(BigInteger seed) => SeedByArray(BigInteger.Abs(seed));

    /// <summary><c>Random(float)</c>: seeded with hash(float) reinterpreted as an unsigned 64-bit number (CPython casts to size_t).</summary>
    public PythonRandom(double seed)
    {
        var hash = PythonHash.OfDouble(seed);
        SeedByArray(hash < 0 ? hash + (BigInteger.One << 64) : hash);
    }

    private void SeedByArray(BigInteger seed)
    {
        // The key is the absolute value split into 32-bit words, least significant first (at least one word).
        var key = new List<uint>();
        for (var value = seed; value > 0; value >>= 32) key.Add((uint)(value & uint.MaxValue));
        if (key.Count == 0) key.Add(0);
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (var k = Math.Max(N, key.Count); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Count) j = 0;
        }
        for (var k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
        _index = N;
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (var i = 1; i < N; i++) _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    private uint NextUInt32()
    {
        if (_index >= N)
        {
            for (var k = 0; k < N; k++)
            {
                var y = (_mt[k] & 0x80000000u) | (_mt[(k + 1) % N] & 0x7fffffffu);
                _mt[k] = _mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
            }
            _index = 0;
        }
        var x = _mt[_index++];
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680u;
        x ^= (x << 15) & 0xefc60000u;
        x ^= x >> 18;
        return x;
    }

    /// <summary><c>random()</c>: 53-bit float in [0, 1).</summary>
    public double Random()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary><c>getrandbits(k)</c> for 1 ≤ k ≤ 32 (enough for any row count).</summary>
    private uint GetRandBits(int k) => NextUInt32() >> (32 - k);

    /// <summary><c>_randbelow_with_getrandbits(n)</c>: rejection sampling on bit_length(n) bits.</summary>
    public int RandBelow(int n)
    {
        var bits = 32 - BitOperations.LeadingZeroCount((uint)n);
        var r = GetRandBits(bits);
        while (r >= n) r = GetRandBits(bits);
        return (int)r;
    }

    /// <summary><c>sample(population, k)</c> as in CPython 3.11: pool swapping for small populations, rejection with a set otherwise.</summary>
    public List<int> Sample(IReadOnlyList<int> population, int k)
    {
        var n = population.Count;
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k), "sample larger than population or is negative");
        var result = new List<int>(k);
        var setSize = 21;
        if (k > 5) setSize += (int)Math.Pow(4, Math.Ceiling(Math.Log(k * 3) / Math.Log(4)));
        if (n <= setSize)
        {
            var pool = population.ToArray();
            for (var i = 0; i < k; i++)
            {
                var j = RandBelow(n - i);
                result.Add(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        }
        else
        {
            var selected = new HashSet<int>();
            for (var i = 0; i < k; i++)
            {
                var j = RandBelow(n);
                while (selected.Contains(j)) j = RandBelow(n);
                selected.Add(j);
                result.Add(population[j]);
            }
        }
        return result;
    }
}

/// <summary>CPython's numeric hash (<c>_Py_HashDouble</c>, modulus 2⁶¹ − 1), which seeds <c>random.Random(float)</c>.</summary>
internal static class PythonHash
{
    private const int Bits = 61;
    private const ulong Modulus = (1UL << Bits) - 1;

    public static BigInteger OfDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentException("only finite floats seed the generator", nameof(value));
        var (m, e) = Frexp(value);
        var sign = 1L;
        if (m < 0) { sign = -1; m = -m; }
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & Modulus) | (x >> (Bits - 28));
            m *= 268435456.0;
            e -= 28;
            var y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Modulus) x -= Modulus;
        }
        e = e >= 0 ? e % Bits : Bits - 1 - ((-1 - e) % Bits);
        x = ((x << e) & Modulus) | (x >> (Bits - e));
        var hash = (long)x * sign;
        return hash == -1 ? -2 : hash;
    }

    /// <summary>C's frexp: value = m·2^e with 0.5 ≤ |m| &lt; 1.</summary>
    private static (double Mantissa, int Exponent) Frexp(double value)
    {
        if (value == 0) return (0, 0);
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7ff);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first.
            var (m, e) = Frexp(value * Math.Pow(2, 64));
            return (m, e - 64);
        }
        var mantissaBits = (bits & ~(0x7ffL << 52)) | (0x3feL << 52);
        return (BitConverter.Int64BitsToDouble(mantissaBits), exponent - 1022);
    }
}
