using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.FeatureSelection;
using AiSprint.Regression.Parallelism;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Validation;

namespace AiSprint.Regression.Tuning;

/// <summary>A model fitted with hyper-parameters found by a Hyperopt search; <see cref="Point"/> is what the final retrain uses (spec §6.4).</summary>
internal sealed class TunedRegressor(GridPoint point, IRegressor inner) : IRegressor
{
    public GridPoint Point { get; } = point;

    public IRegressor Inner { get; } = inner;

    public double Predict(IReadOnlyList<double> x) => Inner.Predict(x);
}

/// <summary>
/// One Hyperopt optimisation per experiment (spec §7.3): TPE over the technique's <see cref="SearchSpace"/> with
/// <c>hyperopt_max_evals</c> trials, loss = −(mean 5-fold unshuffled CV R²) on the rows it is given (the experiment's
/// training rows, normalised if configured); the hp_selection rows are not used.
/// DEVIATION (spec §7.3 QUIRK, a bug upstream): aMLLibrary evaluates each experiment with the model of the LAST trial
/// and only records the best parameters; here the experiment's model is fitted with the BEST trial's parameters,
/// which the final retrain uses in both engines.
/// </summary>
internal sealed class HyperoptTrainer(SearchSpace space, int maxEvals, int seed, int stream) : ITrainer
{
    /// <summary>cross_val_score(cv=5) as aMLLibrary calls it: fixed, unshuffled.</summary>
    public const int CvFolds = 5;

    public SearchResult Search(double[][] x, double[] y)
    {
        var folds = CvFoldsOf(x, y);
        return TpeOptimizer.Minimize(space, point => -MeanCvR2(TechniqueCatalog.Bind(space.Technique, point, seed), folds), maxEvals, seed, stream);
    }

    public IRegressor Fit(double[][] x, double[] y)
    {
        var best = Search(x, y).Best.Point;
        return new TunedRegressor(best, TechniqueCatalog.Bind(space.Technique, best, seed).Fit(x, y));
    }

    /// <summary>
    /// Mean R² over unshuffled KFold blocks, each held out once with the trainer fitted on the other rows in row order.
    /// The folds are fitted in parallel; their R² are summed in fold order, so the mean does not depend on the threads.
    /// </summary>
    public static double MeanCvR2(ITrainer trainer, double[][] x, double[] y) => MeanCvR2(trainer, CvFoldsOf(x, y));

    /// <summary>The CV folds of a search's rows, built once so that every trial fits the same matrices (whose quantisation XGBoost caches).</summary>
    internal static CvFold[] CvFoldsOf(double[][] x, double[] y) =>
        UnshuffledKFold.Blocks(x.Length, CvFolds).Select(b => new CvFold(
            x.Take(b.Start).Concat(x.Skip(b.Start + b.Length)).ToArray(),
            y.Take(b.Start).Concat(y.Skip(b.Start + b.Length)).ToArray(),
            x.Skip(b.Start).Take(b.Length).ToArray(),
            y.Skip(b.Start).Take(b.Length).ToArray())).ToArray();

    internal static double MeanCvR2(ITrainer trainer, CvFold[] folds)
    {
        var r2 = new double[folds.Length];
        IndexedParallel.For(folds.Length, k =>
        {
            var fold = folds[k];
            var model = trainer.Fit(fold.TrainX, fold.TrainY);
            r2[k] = MetricSet.Compute(fold.TestY, fold.TestX.Select(model.Predict).ToArray()).R2;
        });
        var sum = 0.0;
        foreach (var v in r2) sum += v;
        return sum / folds.Length;
    }
}

/// <summary>One cross-validation fold of a Hyperopt search: the rows fitted and the rows held out.</summary>
internal sealed record CvFold(double[][] TrainX, double[] TrainY, double[][] TestX, double[] TestY);

/// <summary>
/// Hyperopt + SFS (spec §7.4): aMLLibrary's own greedy forward search, not mlxtend. For each size from min_features to
/// max_features one Hyperopt search runs (on ALL feature columns, as upstream) and, with its parameters, each remaining
/// feature is scored by the in-sample R² on the training rows of selected + [feature]; the best is kept. A mean predictor
/// (R² 0) stands for the empty subset; the size with the highest in-sample R² wins (ties → the smaller).
/// DEVIATION as in <see cref="HyperoptTrainer"/>: the returned model uses the winning size's best parameters, not the last trial's.
/// </summary>
internal sealed class HyperoptSfsTrainer(SearchSpace space, int maxEvals, int seed, int stream, SfsSettings sfs) : ITrainer
{
    public IRegressor Fit(double[][] x, double[] y)
    {
        var p = x.Length == 0 ? 0 : x[0].Length;
        if (sfs.MaxFeatures > p) throw new ArgumentException($"SFS max_features {sfs.MaxFeatures} exceeds the {p} feature columns");
        var selected = new List<int>();
        IRegressor bestModel = new ColumnSubsetRegressor([], new MeanRegressor(y.Average()));
        GridPoint? bestPoint = null;
        GridPoint? firstPoint = null;
        var bestR2 = 0.0;
        for (var size = 1; size <= sfs.MaxFeatures; size++)
        {
            // A distinct stream per size: each size's search is its own Hyperopt run, as upstream.
            var point = new HyperoptTrainer(space, maxEvals, seed, stream * 1000 + size).Search(x, y).Best.Point;
            firstPoint ??= point;
            var trainer = TechniqueCatalog.Bind(space.Technique, point, seed);
            var feature = -1;
            var r2 = double.NegativeInfinity;
            IRegressor? model = null;
            for (var candidate = 0; candidate < p; candidate++)
            {
                if (selected.Contains(candidate)) continue;
                var columns = selected.Append(candidate).ToArray();
                var fitted = new ColumnSubsetTrainer(trainer, columns).Fit(x, y);
                var score = MetricSet.Compute(y, x.Select(fitted.Predict).ToArray()).R2;
                if (feature < 0 || score > r2)
                {
                    (feature, r2, model) = (candidate, score, fitted);
                }
            }
            selected.Add(feature);
            if (size >= sfs.MinFeatures && r2 > bestR2)
            {
                (bestR2, bestModel, bestPoint) = (r2, model!, point);
            }
        }
        // When the empty subset wins, the model is the mean predictor and the first search's parameters are recorded.
        return new TunedRegressor(bestPoint ?? firstPoint!, bestModel);
    }
}

/// <summary>The empty-subset competitor of <see cref="HyperoptSfsTrainer"/>: predicts the training mean.</summary>
internal sealed class MeanRegressor(double mean) : IRegressor
{
    public double Predict(IReadOnlyList<double> x) => mean;
}
