using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tuning;

/// <summary>
/// hyperopt's adaptive Parzen estimator of one continuous dimension (Bergstra et al. 2011, tpe.adaptive_parzen_normal):
/// a Gaussian mixture with one component per observation plus one for the prior (centre of [low, high], σ = the
/// width), each σ the larger gap to its sorted neighbours clipped to [width / min(100, 1 + n), width], truncated
/// to [low, high]. All components weigh the same (hyperopt's linear forgetting only starts beyond 25 observations,
/// more than any example's max_evals).
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double _low;
    private readonly double _high;
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _logMass;

    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high)
    {
        _low = low;
        _high = high;
        var width = high - low;
        var priorMu = 0.5 * (low + high);
        var mus = observations.Append(priorMu).Order().ToArray();
        var sigma = new double[mus.Length];
        for (var i = 0; i < mus.Length; i++)
        {
            var left = i > 0 ? mus[i] - mus[i - 1] : (i + 1 < mus.Length ? mus[i + 1] - mus[i] : width);
            var right = i + 1 < mus.Length ? mus[i + 1] - mus[i] : left;
            sigma[i] = Math.Max(left, right);
        }
        var minSigma = width / Math.Min(100.0, 1.0 + mus.Length);
        for (var i = 0; i < mus.Length; i++) sigma[i] = Math.Clamp(sigma[i], minSigma, width);
        // The prior component keeps σ = width.
        var priorIndex = Array.IndexOf(mus, priorMu);
        sigma[priorIndex] = width;
        _mu = mus;
        _sigma = sigma;
        _logMass = mus.Select((m, i) => Math.Log(Math.Max(NormalCdf((high - m) / sigma[i]) - NormalCdf((low - m) / sigma[i]), 1e-300))).ToArray();
    }

    /// <summary>A draw from the truncated mixture: a component chosen uniformly, then a normal draw inside [low, high] (rejection).</summary>
    public double Sample(SeededRandom random)
    {
        var k = random.NextInt(_mu.Length);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var x = _mu[k] + _sigma[k] * random.NextGaussian();
            if (x >= _low && x <= _high) return x;
        }
        return Math.Clamp(_mu[k], _low, _high);
    }

    /// <summary>log of the mixture density at <paramref name="x"/> (log-sum-exp over components).</summary>
    public double LogDensity(double x)
    {
        var terms = new double[_mu.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var z = (x - _mu[i]) / _sigma[i];
            terms[i] = -0.5 * z * z - Math.Log(_sigma[i] * Math.Sqrt(2 * Math.PI)) - _logMass[i];
        }
        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max))) - Math.Log(terms.Length);
    }

    /// <summary>Standard normal CDF via erfc (Abramowitz–Stegun 7.1.26, |error| ≤ 1.5e-7).</summary>
    internal static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var t = 1.0 / (1.0 + 0.3275911 * Math.Abs(x));
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        var erfcAbs = poly * Math.Exp(-x * x);
        return x >= 0 ? erfcAbs : 2 - erfcAbs;
    }
}

/// <summary>hyperopt's categorical estimator: counts of each option plus a uniform prior of total weight 1.</summary>
internal sealed class CategoricalEstimator
{
    private readonly double[] _p;

    public CategoricalEstimator(IEnumerable<double> observations, int count)
    {
        _p = Enumerable.Repeat(1.0 / count, count).ToArray();
        foreach (var o in observations) _p[(int)o] += 1;
        var total = _p.Sum();
        for (var i = 0; i < count; i++) _p[i] /= total;
    }

    public double Sample(SeededRandom random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < _p.Length; i++)
        {
            u -= _p[i];
            if (u < 0) return i;
        }
        return _p.Length - 1;
    }

    public double LogDensity(double x) => Math.Log(_p[(int)x]);
}
