using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tuning;

/// <summary>hyperopt's constants shared by its estimators (tpe.py).</summary>
internal static class HyperoptConstants
{
    /// <summary>DEFAULT_LF: observations beyond the newest 25 are linearly down-weighted, and the "good" set is capped at 25.</summary>
    public const int LinearForgetting = 25;

    /// <summary>prior_weight: the prior's weight next to observations of weight ≤ 1.</summary>
    public const double PriorWeight = 1.0;

    /// <summary>
    /// hyperopt's <c>linear_forgetting_weights(N, LF)</c>: all 1 below LF observations; otherwise the oldest N − LF
    /// (in trial order) get a ramp from 1/N towards 1 (<c>np.linspace(1/N, 1, N − LF)</c>) and the newest LF weigh 1.
    /// </summary>
    public static double[] ForgettingWeights(int n)
    {
        var weights = Enumerable.Repeat(1.0, n).ToArray();
        if (n < LinearForgetting) return weights;
        var ramp = n - LinearForgetting;
        for (var i = 0; i < ramp; i++) weights[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
        return weights;
    }
}

/// <summary>
/// hyperopt's adaptive Parzen estimator of one continuous dimension (tpe.adaptive_parzen_normal, Bergstra et al. 2011):
/// a Gaussian mixture with one component per observation plus one for the prior (centre of [low, high], σ = the
/// width, weight <see cref="HyperoptConstants.PriorWeight"/>). Each observation's σ is the larger gap to its sorted
/// neighbours (the prior included), clipped to [width / min(100, 1 + components), width]; a single observation gets
/// width/2. Observations weigh 1, or less when there are more than 25 (linear forgetting, oldest first). The mixture is
/// truncated to [low, high] as a whole (GMM1: components re-drawn on rejection; densities divided by the mixture's
/// mass inside the bounds).
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double _low;
    private readonly double _high;
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _weight;
    private readonly double _logAccept;

    /// <param name="observations">Internal coordinates of the trials, in trial order (the order linear forgetting reads).</param>
    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high)
    {
        _low = low;
        _high = high;
        var width = high - low;
        var priorMu = 0.5 * (low + high);
        var n = observations.Count;
        var forgetting = HyperoptConstants.ForgettingWeights(n);
        // Sorted observations with the prior inserted before equal values (np.searchsorted, side left); stable sort keeps trial order on ties.
        var order = Enumerable.Range(0, n).OrderBy(i => observations[i]).ToArray();
        // hyperopt's one-observation branch puts the prior after an equal observation (prior_mu < mus[0] ? 0 : 1).
        var priorPosition = n == 1 ? (priorMu < observations[0] ? 0 : 1) : order.Count(i => observations[i] < priorMu);
        var count = n + 1;
        _mu = new double[count];
        _weight = new double[count];
        for (int k = 0, j = 0; k < count; k++)
        {
            if (k == priorPosition)
            {
                _mu[k] = priorMu;
                _weight[k] = HyperoptConstants.PriorWeight;
                continue;
            }
            _mu[k] = observations[order[j]];
            _weight[k] = forgetting[order[j]];
            j++;
        }
        _sigma = new double[count];
        if (n == 1)
        {
            _sigma[1 - priorPosition] = 0.5 * width;
        }
        else if (n >= 2)
        {
            for (var k = 1; k < count - 1; k++) _sigma[k] = Math.Max(_mu[k] - _mu[k - 1], _mu[k + 1] - _mu[k]);
            _sigma[0] = _mu[1] - _mu[0];
            _sigma[count - 1] = _mu[count - 1] - _mu[count - 2];
        }
        var minSigma = width / Math.Min(100.0, 1.0 + count);
        for (var k = 0; k < count; k++) _sigma[k] = Math.Clamp(_sigma[k], minSigma, width);
        _sigma[priorPosition] = width;
        var total = _weight.Sum();
        for (var k = 0; k < count; k++) _weight[k] /= total;
        _logAccept = Math.Log(Mass(low, high));
    }

    /// <summary>GMM1's draw: a component by weight, a normal draw from it, kept if in [low, high), else both drawn again.</summary>
    public double Sample(SeededRandom random)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var k = Component(random.NextDouble());
            var x = _mu[k] + _sigma[k] * random.NextGaussian();
            if (x >= _low && x < _high) return x;
        }
        return 0.5 * (_low + _high);
    }

    private int Component(double u)
    {
        for (var k = 0; k < _weight.Length; k++)
        {
            u -= _weight[k];
            if (u < 0) return k;
        }
        return _weight.Length - 1;
    }

    /// <summary>log of the truncated mixture's density at <paramref name="x"/> (GMM1_lpdf without q).</summary>
    public double LogDensity(double x)
    {
        var terms = new double[_mu.Length];
        for (var k = 0; k < terms.Length; k++)
        {
            var z = (x - _mu[k]) / _sigma[k];
            terms[k] = -0.5 * z * z + Math.Log(_weight[k] / (_sigma[k] * Math.Sqrt(2 * Math.PI)));
        }
        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max))) - _logAccept;
    }

    /// <summary>
    /// log of the truncated mixture's probability of [<paramref name="from"/>, <paramref name="to"/>]: the likelihood
    /// hyperopt gives a quantised value (GMM1_lpdf / LGMM1_lpdf with q: the mass of its bin).
    /// </summary>
    public double LogMass(double from, double to) => Math.Log(Math.Max(Mass(from, to), 1e-300)) - _logAccept;

    private double Mass(double from, double to)
    {
        var mass = 0.0;
        for (var k = 0; k < _mu.Length; k++) mass += _weight[k] * (NormalCdf((to - _mu[k]) / _sigma[k]) - NormalCdf((from - _mu[k]) / _sigma[k]));
        return mass;
    }

    /// <summary>Standard normal CDF via erfc (Abramowitz–Stegun 7.1.26, |error| ≤ 1.5e-7); ±∞ give 1 and 0.</summary>
    internal static double NormalCdf(double z) => double.IsNegativeInfinity(z) ? 0 : double.IsPositiveInfinity(z) ? 1 : 0.5 * Erfc(-z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var t = 1.0 / (1.0 + 0.3275911 * Math.Abs(x));
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        var erfcAbs = poly * Math.Exp(-x * x);
        return x >= 0 ? erfcAbs : 2 - erfcAbs;
    }
}

/// <summary>
/// hyperopt's estimator of a choice (ap_randint_sampler / tpe_cat_pseudocounts): per option, the (linearly forgotten)
/// count of observations plus a pseudocount of <see cref="HyperoptConstants.PriorWeight"/>, normalised.
/// </summary>
internal sealed class CategoricalEstimator
{
    private readonly double[] _p;

    /// <param name="observations">Option indices of the trials, in trial order.</param>
    public CategoricalEstimator(IReadOnlyList<double> observations, int count)
    {
        _p = Enumerable.Repeat(HyperoptConstants.PriorWeight, count).ToArray();
        var weights = HyperoptConstants.ForgettingWeights(observations.Count);
        for (var i = 0; i < observations.Count; i++) _p[(int)observations[i]] += weights[i];
        var total = _p.Sum();
        for (var i = 0; i < count; i++) _p[i] /= total;
    }

    public double Probability(int option) => _p[option];

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
