using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.FeatureSelection;
using AiSprint.Regression.Models;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Tuning;
using AiSprint.Regression.Validation;

namespace AiSprint.Regression;

/// <summary>How a campaign runs.</summary>
/// <param name="MaxDegreeOfParallelism">Threads for the whole campaign (experiments, and the trials and CV folds inside a Hyperopt experiment); null = every core. Results do not depend on it.</param>
/// <param name="Progress">
/// Receives the fraction of the campaign's experiments (technique × configuration × fold) finished, from 0 to 1, as
/// they complete on any thread; a nested XGBoost feature-selection campaign reports nothing. Null: no reports.
/// </param>
public sealed record RegressionOptions(int? MaxDegreeOfParallelism = null, IProgress<double>? Progress = null);

/// <summary>
/// A technique's final model (spec §6.4): the single experiment with the lowest validation MAPE over all runs and
/// folds, retrained on every non-skipped row with normalisation refitted there; <see cref="FullData"/> is that
/// retrained model's in-sample fit, as aMLLibrary's "Validation metrics on full dataset".
/// </summary>
/// <param name="Technique">The technique.</param>
/// <param name="Hyperparameters">The grid point of the selected experiment.</param>
/// <param name="SelectedValidationMape">That experiment's validation MAPE, as a fraction.</param>
/// <param name="FullData">The retrained model's metrics on every non-skipped row.</param>
/// <param name="Model">The retrained model, ready to save as a <c>.model.json</c>.</param>
public sealed record FinalTechnique(AmlTechnique Technique, GridPoint Hyperparameters, double SelectedValidationMape, MetricSet FullData, RegressionModel Model);

/// <summary>The outcome of a campaign: the per-run summaries, the final model of each technique and the best one.</summary>
public sealed record CampaignResult(
    IReadOnlyList<RunSummary> Runs,
    IReadOnlyList<FinalTechnique> Final,
    FinalTechnique Best,
    IReadOnlyList<string> FailedExperiments,
    PreparationPipeline Pipeline)
{
    /// <summary>The final model of <paramref name="technique"/>, or null when the campaign did not train that technique (or every experiment of it failed).</summary>
    public FinalTechnique? this[AmlTechnique technique] => Final.FirstOrDefault(f => f.Technique == technique);
}

/// <summary>
/// The library entry point of a regression campaign on an aMLLibrary configuration: preparation (spec §3),
/// nested splits (§4), every technique × grid point × fold evaluated in parallel (§5), selection (§6).
/// </summary>
public static class RegressionCampaign
{
    private static string Locate(AmlConfigurationFile file, (string Section, string Option)? setting) =>
        setting is var (section, option) && file.Document.Find(section)?.Find(option) is { } found ? found.ValueLocation.ToString() : file.Path;

    private static string FirstTextCell(AmlDataset dataset, string? column, string path)
    {
        if (column is null || dataset[column] is not CategoricalColumn text) return "";
        for (var row = 0; row < text.Values.Count && row < dataset.RowLines.Count; row++)
        {
            if (text.Values[row] is { } cell && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return $"; the first text cell is '{cell}' at {path}:{dataset.RowLines[row]}";
            }
        }
        return "";
    }

    /// <summary>Runs the whole campaign the configuration describes and returns every run's summary and every technique's final model.</summary>
    /// <exception cref="RegressionException">The configuration is a prediction-only one, its dataset is missing or unusable, or no experiment succeeded.</exception>
    public static CampaignResult Run(AmlConfigurationFile file, RegressionOptions? options = null)
    {
        options ??= new RegressionOptions();
        var configuration = file.Configuration;
        var general = configuration.General;
        if (general.IsPredictionOnly) throw new RegressionException($"{file.Path}: techniques is empty; this is a prediction configuration, not a training campaign");
        var techniques = general.Techniques;

        var inputPath = file.InputPath ?? throw new RegressionException($"{file.Path}: input_path '{configuration.DataPreparation.InputPath}' was not found");
        var dataset = AmlDatasetReader.Load(inputPath).GetValueOrThrow();
        PreparedData data;
        try
        {
            data = PreparationBuilder.Prepare(configuration, dataset);
        }
        catch (RegressionException ex)
        {
            // Name both files, at the option that asked for the step and at the data it failed on.
            throw new RegressionException($"{Locate(file, ex.Setting)}: {ex.Message} (data: {inputPath}){FirstTextCell(dataset, ex.TextColumn, inputPath)}");
        }
        var normalize = configuration.DataPreparation.Normalization == true;
        var hyperopt = general.UsesHyperopt ? HyperoptCampaign.From(file, data) : null;
        // With Hyperopt, SFS is aMLLibrary's own greedy search inside each experiment's trainer (spec §7.4), not an mlxtend wrapper.
        var featureSelection = hyperopt is { Sfs: not null } ? null : FeatureSelectionFor(file, data, options);

        var folds = SplitPlanner.Plan(configuration, data);
        // Experiment order = techniques order, then grid order, then folds: ties go to the first (spec §5.1).
        // With Hyperopt each technique is one configuration whose search runs inside every experiment (spec §7.3).
        var experiments = techniques
            .SelectMany(t => (hyperopt is null ? GridPoint.Expand(configuration.Grid(t)) : [hyperopt.Space(t).Describe()]).Select((point, c) => (t, c, point)))
            .SelectMany(e => folds.Select(f => new Experiment(f, e.t, e.c, e.point)))
            .ToList();
        var results = ExperimentRunner.Run(experiments, data, normalize, options.MaxDegreeOfParallelism, general.Seed, featureSelection,
            hyperopt is null ? null : (experiment, index) => hyperopt.TrainerFor(experiment.Technique, general.Seed, index), options.Progress);

        var hpFolds = general.HpSelection == AmlSplit.KFold ? general.Folds!.Value : 1;
        var runs = Enumerable.Range(0, general.RunNum).Select(r => Selection.Summarise(r, techniques, results, hpFolds)).ToList();

        var final = new List<FinalTechnique>();
        foreach (var technique in techniques)
        {
            ExperimentResult? chosen = null;
            foreach (var r in results.Where(r => r.Succeeded && r.Experiment.Technique == technique))
            {
                if (chosen is null || r.Validation!.Mape < chosen.Validation!.Mape) chosen = r;
            }
            if (chosen is null) continue;
            var point = chosen.Experiment.Point;
            var trainer = TechniqueCatalog.Bind(technique, point, general.Seed);
            // With feature selection the chosen experiment's own column subset is kept and the model refitted on it over all rows.
            // (aMLLibrary instead refits on the experiment's original training rows, spec §6.4 QUIRK; docs/regression.md.)
            if (chosen.SelectedColumns is { } columns) trainer = new ColumnSubsetTrainer(trainer, columns);
            var fitted = FittedPipeline.Fit(trainer, data, data.AllRows, normalize);
            final.Add(new FinalTechnique(technique, point, chosen.Validation!.Mape, fitted.Evaluate(data, data.AllRows),
                RegressionModel.From(technique, point, data.Pipeline, fitted)));
        }
        var failures = results.Where(r => !r.Succeeded).Select(r => r.Error!).ToList();
        if (final.Count == 0) throw new RegressionException($"{file.Path}: no experiment succeeded: {string.Join("; ", failures.Take(5))}");
        var best = final.Aggregate((a, b) => b.SelectedValidationMape < a.SelectedValidationMape ? b : a);
        return new CampaignResult(runs, final, best, failures, data.Pipeline);
    }

    /// <summary>The trainer wrapper of a [FeatureSelection] section: SFS inside every experiment (spec §7.1), or the columns of the XGBoost selection (§7.2).</summary>
    private static Func<ITrainer, ITrainer>? FeatureSelectionFor(AmlConfigurationFile file, PreparedData data, RegressionOptions options)
    {
        switch (file.Configuration.FeatureSelection)
        {
            case null:
                return null;
            case { Method: AmlFeatureSelectionMethod.SFS } section:
                // Validated once against the prepared columns, then run inside every experiment on its own training rows.
                return SfsSettings.From(section, data.Features.Count, file.Path).Wrap;
            case { Method: AmlFeatureSelectionMethod.XGBoost } section:
                var tolerance = section.XGBoostTolerance ?? throw new RegressionException($"{file.Path}: XGBoost tolerance not set");
                var names = XGBoostFeatureSelection.Select(file, tolerance, options);
                var columns = names.Select(name => data.Features.ToList().IndexOf(name)).ToArray();
                if (columns.Any(c => c < 0)) throw new RegressionException($"{file.Path}: the XGBoost feature selection named columns the campaign does not have");
                return trainer => new ColumnSubsetTrainer(trainer, columns);
            case var other:
                throw new NotImplementedCapabilityException($"Feature selection ({other.Method})", $"{file.Path} asks for [FeatureSelection] method = {other.Method}");
        }
    }
}
