using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Tuning;
using MathNet.Numerics.Distributions;

namespace AiSprint.Regression.Tests;

/// <summary>hyperopt's TPE estimators: linear forgetting of old trials, choice pseudocounts, Parzen widths and the bin likelihood of q priors.</summary>
public class TpeEstimatorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Forgetting_weights_ramp_the_oldest_trials_beyond_25()
    {
        Assert.Equal(Enumerable.Repeat(1.0, 24), HyperoptConstants.ForgettingWeights(24));
        // N = 30: np.linspace(1/30, 1, 5) then 25 ones.
        var weights = HyperoptConstants.ForgettingWeights(30);
        double[] ramp = [1 / 30.0, 1 / 30.0 + (29 / 30.0) / 4, 1 / 30.0 + 2 * (29 / 30.0) / 4, 1 / 30.0 + 3 * (29 / 30.0) / 4, 1.0];
        for (var i = 0; i < 5; i++) Assert.Equal(ramp[i], weights[i], 12);
        Assert.All(weights.Skip(5), w => Assert.Equal(1.0, w));
        Assert.Equal(1 / 26.0, HyperoptConstants.ForgettingWeights(26)[0], 12);
    }

    [Fact]
    public void Choice_probabilities_are_forgotten_counts_plus_one_per_option()
    {
        var few = new CategoricalEstimator([0, 0], 3);
        Assert.Equal(3 / 5.0, few.Probability(0), 12);
        Assert.Equal(1 / 5.0, few.Probability(2), 12);
        // 5 old trials of option 0 weigh 1/30 … 1 (sum 5·(1/30 + 1)/2), 25 new ones of option 1 weigh 1 each.
        var many = new CategoricalEstimator([.. Enumerable.Repeat(0.0, 5), .. Enumerable.Repeat(1.0, 25)], 2);
        var old = 5 * (1 / 30.0 + 1) / 2;
        Assert.Equal((1 + old) / (2 + old + 25), many.Probability(0), 12);
    }

    [Fact]
    public void One_observation_gets_half_the_prior_width_and_the_mixture_is_truncated_as_a_whole()
    {
        // hyperopt: prior N(0.5, 1) and the observation N(0.2, 0.5), equal weights; density / the mixture's mass in [0, 1].
        var estimator = new ParzenEstimator([0.2], 0, 1);
        double Mixture(double x) => 0.5 * Normal.PDF(0.5, 1, x) + 0.5 * Normal.PDF(0.2, 0.5, x);
        var accept = 0.5 * (Normal.CDF(0.5, 1, 1) - Normal.CDF(0.5, 1, 0)) + 0.5 * (Normal.CDF(0.2, 0.5, 1) - Normal.CDF(0.2, 0.5, 0));
        foreach (var x in new[] { 0.0, 0.3, 0.9 }) Assert.Equal(Math.Log(Mixture(x) / accept), estimator.LogDensity(x), 6);
        Assert.Equal(0, estimator.LogMass(0, 1), 6);
    }

    [Fact]
    public void Old_observations_weigh_less_in_the_parzen_mixture()
    {
        // 30 observations: the oldest at 0.1 (weight 1/30), the 29 others spread over [0.5, 0.9]. Without forgetting the
        // lone old one would carry 1/31 of the mass around 0.1; with it, about 1/30 of that.
        var observations = new List<double> { 0.1 };
        observations.AddRange(Enumerable.Range(0, 29).Select(i => 0.5 + 0.4 * i / 28));
        var forgotten = new ParzenEstimator(observations, 0, 1);
        var recent = new ParzenEstimator([.. observations.Skip(1), 0.1], 0, 1);
        var drop = recent.LogDensity(0.1) - forgotten.LogDensity(0.1);
        output.WriteLine($"log density at 0.1: oldest {forgotten.LogDensity(0.1):F4}, newest {recent.LogDensity(0.1):F4}");
        Assert.True(drop > 1, $"the oldest observation should weigh much less than the newest (log ratio {drop})");
    }

    [Fact]
    public void Quantised_priors_propose_multiples_of_q_and_concentrate_near_the_optimum()
    {
        // quniform(0, 100, 5) on (x − 35)²: after 20 random trials TPE scores candidates by the mass of their bin.
        var space = new SearchSpace(AmlTechnique.LRRidge, [new SearchDimension("x", null, new QUniformPrior(0, 100, 5))]);
        var near = 0;
        for (var seed = 0; seed < 10; seed++)
        {
            var result = TpeOptimizer.Minimize(space, p => Math.Pow((double)((IniInteger)p["x"]!).Value - 35, 2), 60, seed, 0);
            var values = result.Trials.Select(t => (double)((IniInteger)t.Point["x"]!).Value).ToList();
            Assert.All(values, v => Assert.Equal(0, v % 5));
            near += values.Skip(20).Count(v => Math.Abs(v - 35) <= 10);
        }
        var fraction = near / 400.0;
        output.WriteLine($"model-based proposals within ±10 of 35: {fraction:P1} (prior: 5 of 21 values, 23.8 %)");
        // 400 proposals: the prior's 23.8 % has a standard error of about 2.1 points, so 35 % is far above it.
        Assert.True(fraction > 0.35, $"{fraction}");
    }

    [Fact]
    public void Quantised_log_priors_keep_their_values_and_score_bins_in_natural_units()
    {
        var space = new SearchSpace(AmlTechnique.LRRidge, [new SearchDimension("n", null, new QLogUniformPrior(10, 1000, 10))]);
        var result = TpeOptimizer.Minimize(space, p => Math.Abs(Math.Log((double)((IniInteger)p["n"]!).Value / 200)), 50, 3, 0);
        var values = result.Trials.Select(t => (double)((IniInteger)t.Point["n"]!).Value).ToList();
        Assert.All(values, v => { Assert.InRange(v, 10, 1000); Assert.Equal(0, v % 10); });
        var model = values.Skip(20).Count(v => v is >= 100 and <= 400) / 30.0;
        output.WriteLine($"model-based proposals in [100, 400]: {model:P1}; best {result.Best.Point}");
        Assert.True(model > 0.4, $"{model}");
    }
}
