using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Parallelism;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tuning;

/// <summary>One evaluated trial: its hyper-parameters and loss.</summary>
internal sealed record Trial(GridPoint Point, double Loss);

/// <summary>The trials of a search, in evaluation order, and the best one (lowest loss, first on ties).</summary>
internal sealed record SearchResult(IReadOnlyList<Trial> Trials, Trial Best);

/// <summary>
/// TPE settings; the defaults are hyperopt's (spec §7.3: the first 20 trials are random), except
/// <see cref="BatchSize"/>: after the startup trials, proposals are made in rounds of that many from the same
/// posterior and evaluated in parallel (hyperopt's <c>max_queue_len</c>; hyperopt's default is 1). Fixed, not the
/// thread count, so a seed gives the same trials on any machine.
/// </summary>
internal sealed record TpeSettings(int StartupTrials = 20, double Gamma = 0.25, int EiCandidates = 24, int BatchSize = 4)
{
    public static readonly TpeSettings Hyperopt = new();
}

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011; hyperopt.tpe.suggest) over a <see cref="SearchSpace"/>:
/// the first <see cref="TpeSettings.StartupTrials"/> trials are drawn from the priors; afterwards the trials are split
/// into the min(⌈γ·√n⌉, 25) lowest losses ("good", l) and the rest ("bad", g), and for every searched dimension
/// independently <see cref="TpeSettings.EiCandidates"/> candidates are drawn from l and the one maximising
/// log l(x) − log g(x) (the expected-improvement criterion) is proposed. As in hyperopt, observations older than the
/// newest 25 of a set are linearly down-weighted (<see cref="HyperoptConstants.ForgettingWeights"/>), and a quantised
/// prior (quniform, qloguniform) is observed at its quantised values, its candidates are quantised, and their
/// likelihood is the mass of their bin [v − q/2, v + q/2] (clipped to the bounds), not a density.
/// DETERMINISM: every draw comes from a <see cref="SeededRandom"/> stream fixed by the caller's seed and is made on
/// the calling thread in trial order; only losses are evaluated in parallel (the startup trials all at once, then
/// rounds of <see cref="TpeSettings.BatchSize"/>), so a seed gives the same trials whatever the thread count. aMLLibrary passes no seed to hyperopt
/// (spec §7.3: "Seeds: none (nondeterministic)"), so its trials differ from run to run.
/// </summary>
internal static class TpeOptimizer
{
    public static SearchResult Minimize(SearchSpace space, Func<GridPoint, double> loss, int maxEvals, int seed, int stream, TpeSettings? settings = null)
    {
        if (maxEvals < 1) throw new RegressionException($"hyperopt_max_evals must be at least 1, got {maxEvals}");
        settings ??= TpeSettings.Hyperopt;
        if (settings.BatchSize < 1) throw new RegressionException($"a TPE batch needs at least one trial, got {settings.BatchSize}");
        var random = SeededRandom.For(seed, stream);
        var dimensions = space.Searched.ToList();
        var coordinates = new List<double[]>();
        var trials = new List<Trial>();
        while (trials.Count < maxEvals)
        {
            // A round: every remaining startup trial at once (their draws do not depend on losses, so they are the same
            // draws as one at a time), afterwards BatchSize proposals from the same posterior. Draws are made in order
            // on this thread; only the losses are evaluated in parallel.
            var t = trials.Count;
            var fromPrior = t < settings.StartupTrials || dimensions.Count == 0;
            var size = fromPrior ? (dimensions.Count == 0 ? maxEvals : Math.Min(settings.StartupTrials, maxEvals)) - t : Math.Min(settings.BatchSize, maxEvals - t);
            var proposals = new double[size][];
            for (var k = 0; k < size; k++)
            {
                proposals[k] = fromPrior
                    ? dimensions.Select(d => Quantised(d, d.SamplePrior(random))).ToArray()
                    : Propose(dimensions, coordinates, trials, settings, random);
            }
            var points = proposals.Select(space.PointOf).ToArray();
            var values = new double[size];
            IndexedParallel.For(size, k => values[k] = loss(points[k]));
            for (var k = 0; k < size; k++)
            {
                // A NaN loss ranks last, as a failed trial would.
                coordinates.Add(proposals[k]);
                trials.Add(new Trial(points[k], double.IsNaN(values[k]) ? double.PositiveInfinity : values[k]));
            }
        }
        var best = trials[0];
        foreach (var trial in trials) if (trial.Loss < best.Loss) best = trial;
        return new SearchResult(trials, best);
    }

    private static double[] Propose(IReadOnlyList<SearchDimension> dimensions, IReadOnlyList<double[]> coordinates, IReadOnlyList<Trial> trials, TpeSettings settings, SeededRandom random)
    {
        // hyperopt's split: n_below = ceil(gamma * sqrt(n)); stable order so equal losses keep trial order.
        var order = Enumerable.Range(0, trials.Count).OrderBy(i => trials[i].Loss).ThenBy(i => i).ToArray();
        var below = Math.Min((int)Math.Ceiling(settings.Gamma * Math.Sqrt(trials.Count)), HyperoptConstants.LinearForgetting);
        var good = order.Take(below).Order().ToArray();
        var bad = order.Skip(below).Order().ToArray();
        var proposal = new double[dimensions.Count];
        for (var d = 0; d < dimensions.Count; d++)
        {
            var dimension = dimensions[d];
            var goodValues = good.Select(i => coordinates[i][d]).ToList();
            var badValues = bad.Select(i => coordinates[i][d]).ToList();
            Func<double> sample;
            Func<double, double> score;
            if (dimension.IsChoice)
            {
                var l = new CategoricalEstimator(goodValues, dimension.ChoiceCount);
                var g = new CategoricalEstimator(badValues, dimension.ChoiceCount);
                sample = () => l.Sample(random);
                score = x => l.LogDensity(x) - g.LogDensity(x);
            }
            else if (dimension.Prior is QUniformPrior or QLogUniformPrior)
            {
                var l = new ParzenEstimator(goodValues.Select(v => Observed(dimension, v)).ToList(), dimension.Low, dimension.High);
                var g = new ParzenEstimator(badValues.Select(v => Observed(dimension, v)).ToList(), dimension.Low, dimension.High);
                sample = () => Quantised(dimension, l.Sample(random));
                score = x =>
                {
                    var (from, to) = Bin(dimension, x);
                    return l.LogMass(from, to) - g.LogMass(from, to);
                };
            }
            else
            {
                var l = new ParzenEstimator(goodValues, dimension.Low, dimension.High);
                var g = new ParzenEstimator(badValues, dimension.Low, dimension.High);
                sample = () => l.Sample(random);
                score = x => l.LogDensity(x) - g.LogDensity(x);
            }
            var bestCandidate = double.NaN;
            var bestScore = double.NegativeInfinity;
            for (var c = 0; c < settings.EiCandidates; c++)
            {
                var candidate = sample();
                var s = score(candidate);
                if (double.IsNaN(bestCandidate) || s > bestScore)
                {
                    bestCandidate = candidate;
                    bestScore = s;
                }
            }
            proposal[d] = bestCandidate;
        }
        return proposal;
    }

    /// <summary>Smallest value a qloguniform observation is raised to before its log (hyperopt's EPS guard against log 0).</summary>
    private const double Epsilon = 1e-12;

    /// <summary>
    /// The internal coordinate of the quantised value a draw stands for (other priors: the draw itself): quniform's
    /// <c>round(x/q)·q</c>; qloguniform's <c>round(eˣ/q)·q</c> as a log (a value of 0 kept as log ε, which
    /// <see cref="SearchDimension.ValueOf"/> quantises back to 0).
    /// </summary>
    private static double Quantised(SearchDimension dimension, double coordinate) => dimension.Prior switch
    {
        QUniformPrior q => SearchDimension.Quantise(coordinate, q.Q),
        QLogUniformPrior q => Math.Log(Math.Max(SearchDimension.Quantise(Math.Exp(coordinate), q.Q), Epsilon)),
        _ => coordinate,
    };

    /// <summary>A quantised observation as hyperopt feeds it to the estimator: qloguniform values below e^low are raised to it.</summary>
    private static double Observed(SearchDimension dimension, double coordinate) =>
        dimension.Prior is QLogUniformPrior ? Math.Max(coordinate, dimension.Low) : coordinate;

    /// <summary>The bin of a quantised value in internal coordinates: [v − q/2, v + q/2] ∩ the bounds, in natural units first for qloguniform.</summary>
    private static (double From, double To) Bin(SearchDimension dimension, double coordinate)
    {
        switch (dimension.Prior)
        {
            case QUniformPrior q:
                return (Math.Max(coordinate - q.Q / 2, dimension.Low), Math.Min(coordinate + q.Q / 2, dimension.High));
            case QLogUniformPrior q:
                var value = SearchDimension.Quantise(Math.Exp(coordinate), q.Q);
                var from = Math.Max(Math.Max(value - q.Q / 2, Math.Exp(dimension.Low)), 0);
                var to = Math.Min(value + q.Q / 2, Math.Exp(dimension.High));
                return (from > 0 ? Math.Log(from) : double.NegativeInfinity, Math.Log(to));
            default:
                throw new InvalidOperationException("not a quantised prior");
        }
    }
}
