using MathNet.Numerics;

namespace AiSprint.Telemetry.Drift.Statistics;

/// <summary>
/// The distribution of the one-sample two-sided statistic Dₙ for finite n (SciPy's <c>kstwo</c>), whose survival
/// function at round(n₁n₂/(n₁+n₂)) SciPy's <c>ks_2samp</c> uses as the asymptotic two-sample p-value.
/// </summary>
/// <remarks>
/// The algorithm choice of Simard and L'Ecuyer (2011) as SciPy's <c>_kolmogn</c> makes it: Ruben–Gambino's closed
/// forms at the ends, twice the one-sided Smirnov tail (Birnbaum–Tingey) for large x, the Durbin matrix (Marsaglia,
/// Tsang, Wang 2003) for small n·x², and Pelz–Good's expansion for large n. Where SciPy uses Pomeranz's recursion
/// (n ≤ 140, 0.754693 &lt; n·x² ≤ 4) this uses the Durbin matrix, which is exact there too.
/// </remarks>
internal static class KolmogorovFinite
{
    private const int E128 = 128;
    private static readonly double Ep128 = Math.ScaleB(1, E128);
    private static readonly double Em128 = Math.ScaleB(1, -E128);
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>Pr(Dₙ &gt; x).</summary>
    public static double Survival(int n, double x)
    {
        if (x >= 1) return 0;
        if (x <= 0) return 1;
        var t = n * x;
        if (t <= 1)
        {
            if (t <= 0.5) return 1;
            double cdf;
            if (n <= 140)
            {
                cdf = 1;
                for (int i = 1; i <= n; i++) cdf *= i * (1.0 / n) * (2 * t - 1);
            }
            else
            {
                cdf = Math.Exp(LogFactorialOverPower(n) + n * Math.Log(2 * t - 1));
            }

            return Math.Clamp(1 - cdf, 0, 1);
        }

        if (t >= n - 1) return Math.Clamp(2 * Math.Pow(1 - x, n), 0, 1);
        if (x >= 0.5) return Math.Clamp(2 * Smirnov(n, x), 0, 1);
        var nxSquared = t * x;
        if (n <= 140)
        {
            return nxSquared <= 4 ? Math.Clamp(1 - Durbin(n, x), 0, 1) : Math.Clamp(2 * Smirnov(n, x), 0, 1);
        }

        if (nxSquared >= 370) return 0;
        if (nxSquared >= 2.2) return Math.Clamp(2 * Smirnov(n, x), 0, 1);
        var below = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 ? Durbin(n, x) : PelzGood(n, x);
        return Math.Clamp(1 - below, 0, 1);
    }

    /// <summary>log(n!/nⁿ) by Stirling's series (SciPy's <c>_log_nfactorial_div_n_pow_n</c>).</summary>
    private static double LogFactorialOverPower(int n)
    {
        double rn = 1.0 / n, poly = 0;
        foreach (var c in StirlingCoefficients) poly = poly * (rn / n) + c;
        return Math.Log(n) / 2 - n + Math.Log(2 * Math.PI) / 2 + rn * poly;
    }

    /// <summary>Pr(Dₙ⁺ ≥ x), the one-sided tail, by the Birnbaum–Tingey sum in log space (every term is positive).</summary>
    internal static double Smirnov(int n, double x)
    {
        var last = (int)Math.Floor(n * (1 - x));
        double sum = 0;
        for (int j = 0; j <= last; j++)
        {
            var a = 1 - x - (double)j / n;
            var b = x + (double)j / n;
            if (a <= 0 && n - j > 0) continue; // (1 − x − j/n)^(n−j) = 0
            var log = SpecialFunctions.BinomialLn(n, j) + (n - j) * (n - j == 0 ? 0 : Math.Log(a)) + (j - 1) * Math.Log(b);
            sum += Math.Exp(log);
        }

        return x * sum;
    }

    /// <summary>Pr(Dₙ ≤ x) by the Durbin matrix (Marsaglia, Tsang and Wang 2003), powers kept in range by 2¹²⁸ scaling.</summary>
    private static double Durbin(int n, double d)
    {
        if (d >= 1) return 1;
        var nd = n * d;
        if (nd <= 0.5) return 0;
        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = 2 * k - 1;
        var matrix = new double[m, m];
        var v = new double[m];
        var w = new double[m];
        double fac = 1;
        for (int j = 1; j <= m; j++)
        {
            v[j - 1] = 1 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }

        var tt = Math.Pow(Math.Max(2 * h - 1, 0), m) - 2 * Math.Pow(h, m);
        v[m - 1] = (1 + tt) * fac;
        for (int i = 1; i < m; i++)
        {
            for (int r = i - 1; r < m; r++) matrix[r, i] = w[r - i + 1];
        }

        for (int r = 0; r < m; r++) matrix[r, 0] = v[r];
        for (int c = 0; c < m; c++) matrix[m - 1, c] = v[m - 1 - c];

        var power = Identity(m);
        int exponent = 0, matrixExponent = 0;
        for (var nn = n; nn > 0; nn /= 2)
        {
            if (nn % 2 == 1)
            {
                power = Multiply(power, matrix);
                exponent += matrixExponent;
            }

            matrix = Multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.Abs(matrix[k - 1, k - 1]) > Ep128)
            {
                Scale(matrix, Em128);
                matrixExponent += E128;
            }
        }

        var p = power[k - 1, k - 1];
        for (int i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Em128)
            {
                p *= Ep128;
                exponent -= E128;
            }
        }

        return Math.Clamp(exponent != 0 ? Math.ScaleB(p, exponent) : p, 0, 1);
    }

    /// <summary>Pr(Dₙ ≤ x) by Pelz and Good's (1976) expansion in powers of 1/√n, in SciPy's arrangement.</summary>
    private static double PelzGood(int n, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        var qlog = -Math.PI * Math.PI / 8 / z2;
        if (qlog < -708) return 0;
        var q = Math.Exp(qlog);
        double pi2 = Math.PI * Math.PI, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
        double k1a = -z2, k1b = pi2 / 4;
        double k2a = 6 * z6 + 2 * z4, k2b = (2 * z4 - 5 * z2) * pi2 / 4, k2c = pi4 * (1 - 2 * z2) / 16;
        double k3d = pi6 * (5 - 30 * z2) / 64, k3c = pi4 * (-60 * z2 + 212 * z4) / 16, k3b = pi2 * (135 * z4 - 96 * z6) / 4, k3a = -30 * z6 - 90 * Math.Pow(z, 8);
        var terms = new double[4];
        var maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (int kk = maxk; kk > 0; kk--)
        {
            double mm = 2 * kk - 1, m2 = mm * mm, m4 = m2 * m2, m6 = m4 * m2;
            var qpower = Math.Pow(q, 8 * kk);
            double[] coefficients = [1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
            for (int i = 0; i < 4; i++) terms[i] = terms[i] * qpower + coefficients[i];
        }

        double[] divisors = [z, 6 * z4, 72 * Math.Pow(z, 7), 6480 * Math.Pow(z, 10)];
        for (int i = 0; i < 4; i++) terms[i] = terms[i] * q * Math.Sqrt(2 * Math.PI) / divisors[i];

        var q2 = Math.Exp(-pi2 / 2 / z2);
        double k2extra = 0, k3extra = 0;
        var sqrt3z = Math.Sqrt(3) * z;
        for (int kk = maxk; kk > 0; kk--)
        {
            double ks2 = (double)kk * kk, power = Math.Pow(q2, ks2), kspi = Math.PI * kk;
            k2extra += ks2 * power;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * power;
        }

        terms[2] += k2extra * pi2 * Math.Sqrt(2 * Math.PI) / (-36 * z3);
        terms[3] += k3extra * pi2 * Math.Sqrt(2 * Math.PI) / (216 * z6);
        double sum = 0;
        for (int i = 0; i < 4; i++) sum += terms[i] / Math.Pow(n, i / 2.0);
        return sum;
    }

    private static double[,] Identity(int m)
    {
        var identity = new double[m, m];
        for (int i = 0; i < m; i++) identity[i, i] = 1;
        return identity;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int m = a.GetLength(0);
        var product = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int k = 0; k < m; k++)
            {
                var aik = a[i, k];
                if (aik == 0) continue;
                for (int j = 0; j < m; j++) product[i, j] += aik * b[k, j];
            }
        }

        return product;
    }

    private static void Scale(double[,] matrix, double factor)
    {
        int m = matrix.GetLength(0);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++) matrix[i, j] *= factor;
        }
    }
}
