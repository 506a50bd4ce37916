using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.FeatureSelection;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Tuning;

namespace AiSprint.Regression.Validation;

/// <summary>One technique × grid point × fold (spec §4.1 step 6). <see cref="ConfigIndex"/> is the grid-point index.</summary>
internal sealed record Experiment(DataFold Fold, AmlTechnique Technique, int ConfigIndex, GridPoint Point);

/// <summary>
/// The outcome of an experiment: metrics on its training, hp_selection and validation rows, or the reason it
/// failed (aMLLibrary drops failed experiments, spec §5.3; here the reason is kept and reported).
/// <see cref="SelectedColumns"/> is the feature subset SFS chose on the experiment's training rows (spec §7.1),
/// null without feature selection.
/// </summary>
internal sealed record ExperimentResult(Experiment Experiment, MetricSet? Training, MetricSet? HpSelection, MetricSet? Validation, string? Error, IReadOnlyList<int>? SelectedColumns = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>A trainer fitted on some rows together with the normalisation fitted on the same rows.</summary>
internal sealed record FittedPipeline(Standardizer? Scaler, IRegressor Model)
{
    public double Predict(double[] row) =>
        Scaler is null ? Model.Predict(row) : Scaler.InverseTarget(Model.Predict(Scaler.Transform(row)));

    /// <summary>Fits on the given rows; normalisation statistics come from those rows only (spec §4.2).</summary>
    public static FittedPipeline Fit(ITrainer trainer, PreparedData data, IReadOnlyList<int> rows, bool normalize)
    {
        var scaler = normalize ? Standardizer.Fit(data.X, data.Y, rows) : null;
        var x = rows.Select(i => scaler is null ? data.X[i] : scaler.Transform(data.X[i])).ToArray();
        var y = rows.Select(i => scaler is null ? data.Y[i] : scaler.TransformTarget(data.Y[i])).ToArray();
        return new FittedPipeline(scaler, trainer.Fit(x, y));
    }

    public MetricSet Evaluate(PreparedData data, IReadOnlyList<int> rows) =>
        MetricSet.Compute(rows.Select(i => data.Y[i]).ToArray(), rows.Select(i => Predict(data.X[i])).ToArray());
}

/// <summary>
/// Runs experiments in parallel (and, inside a Hyperopt experiment, its trials and cross-validation folds). Each result
/// is stored at its experiment's index, and every experiment is a pure function of its inputs, so the results are
/// identical whatever the number of threads.
/// </summary>
internal static class ExperimentRunner
{
    /// <param name="featureSelection">When set, wraps every experiment's trainer: SFS on its own training rows (spec §7.1) or the XGBoost-selected columns (§7.2).</param>
    /// <param name="trainerFor">When set, builds the trainer of the experiment at an index (a Hyperopt search, spec §7.3) instead of binding its grid point.</param>
    /// <param name="progress">Receives the fraction of experiments finished after each one completes (in completion order, which varies; the results do not).</param>
    public static ExperimentResult[] Run(IReadOnlyList<Experiment> experiments, PreparedData data, bool normalize, int? maxDegreeOfParallelism, int seed = 0, Func<ITrainer, ITrainer>? featureSelection = null,
        Func<Experiment, int, ITrainer>? trainerFor = null, IProgress<double>? progress = null)
    {
        var results = new ExperimentResult[experiments.Count];
        // A limited scheduler, not just MaxDegreeOfParallelism: the folds and trials a Hyperopt experiment runs in parallel
        // inside (IndexedParallel) schedule on TaskScheduler.Current, so they share the same thread budget.
        var scheduler = maxDegreeOfParallelism is { } limit
            ? new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, limit).ConcurrentScheduler
            : TaskScheduler.Default;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount, TaskScheduler = scheduler };
        var finished = 0;
        Parallel.For(0, experiments.Count, options, i =>
        {
            results[i] = Evaluate(experiments[i], i, data, normalize, seed, featureSelection, trainerFor);
            progress?.Report((double)Interlocked.Increment(ref finished) / experiments.Count);
        });
        return results;
    }

    private static ExperimentResult Evaluate(Experiment experiment, int index, PreparedData data, bool normalize, int seed, Func<ITrainer, ITrainer>? featureSelection, Func<Experiment, int, ITrainer>? trainerFor)
    {
        try
        {
            var trainer = trainerFor?.Invoke(experiment, index) ?? TechniqueCatalog.Bind(experiment.Technique, experiment.Point, seed);
            if (featureSelection is not null) trainer = featureSelection(trainer);
            var fitted = FittedPipeline.Fit(trainer, data, experiment.Fold.Training, normalize);
            var (tuned, columns) = Unwrap(fitted.Model);
            // A Hyperopt experiment is recorded with the hyper-parameters its search chose (spec §7.3).
            if (tuned is not null) experiment = experiment with { Point = tuned };
            return new ExperimentResult(experiment,
                fitted.Evaluate(data, experiment.Fold.Training),
                fitted.Evaluate(data, experiment.Fold.HpSelection),
                fitted.Evaluate(data, experiment.Fold.Validation),
                null,
                columns);
        }
        catch (Exception ex) when (ex is RegressionException or ArithmeticException or ArgumentException or InvalidOperationException)
        {
            return new ExperimentResult(experiment, null, null, null, $"{experiment.Technique} {experiment.Point} on run {experiment.Fold.Run} {experiment.Fold.ValidationToken}/{experiment.Fold.HpToken}: {ex.Message}");
        }
    }

    /// <summary>The tuned hyper-parameters and the selected columns inside a fitted model's wrappers, if any.</summary>
    private static (GridPoint? Tuned, IReadOnlyList<int>? Columns) Unwrap(IRegressor model)
    {
        GridPoint? tuned = null;
        IReadOnlyList<int>? columns = null;
        while (true)
        {
            switch (model)
            {
                case TunedRegressor t: tuned ??= t.Point; model = t.Inner; break;
                case ColumnSubsetRegressor c: columns ??= c.Columns; model = c.Inner; break;
                default: return (tuned, columns);
            }
        }
    }
}
