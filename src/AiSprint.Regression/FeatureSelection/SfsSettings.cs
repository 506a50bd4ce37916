using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.FeatureSelection;

/// <summary>
/// The <c>[FeatureSelection] method = "SFS"</c> settings (spec §7.1). <see cref="Wrap"/> turns an experiment's
/// trainer into one that selects its columns on the experiment's own training rows, then refits on them.
/// </summary>
internal sealed record SfsSettings(int MinFeatures, int MaxFeatures, int Folds)
{
    /// <summary>Validates the section against the prepared feature columns; aMLLibrary exits with code −10 when max_features exceeds them.</summary>
    public static SfsSettings From(AmlFeatureSelection section, int featureCount, string source)
    {
        var max = section.MaxFeatures ?? throw new RegressionException($"{source}: SFS needs max_features");
        var folds = section.Folds ?? throw new RegressionException($"{source}: SFS needs folds");
        if (max > featureCount) throw new RegressionException($"{source}: max_features = {max} exceeds the {featureCount} feature columns (aMLLibrary exits with code -10)");
        if (section.MinFeatures < 1 || section.MinFeatures > max) throw new RegressionException($"{source}: min_features = {section.MinFeatures} must be in 1..max_features ({max})");
        return new SfsSettings(section.MinFeatures, max, folds);
    }

    public ITrainer Wrap(ITrainer inner) => new SfsTrainer(inner, this);
}

/// <summary>Runs <see cref="SequentialForwardSelector"/> on the rows it is given, then fits the inner trainer on the selected columns.</summary>
internal sealed class SfsTrainer(ITrainer inner, SfsSettings settings) : ITrainer
{
    public IRegressor Fit(double[][] x, double[] y)
    {
        var selection = SequentialForwardSelector.Select(inner, x, y, settings.MinFeatures, settings.MaxFeatures, settings.Folds);
        return new ColumnSubsetTrainer(inner, selection.Columns).Fit(x, y);
    }
}
