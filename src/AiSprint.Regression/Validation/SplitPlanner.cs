using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Validation.Python;

namespace AiSprint.Regression.Validation;

/// <summary>
/// One innermost data split (spec §4.1): repetition, validation split, hp_selection split. Models are fitted on
/// <see cref="Training"/>, selected on <see cref="HpSelection"/> and reported on <see cref="Validation"/>.
/// </summary>
internal sealed record DataFold(
    int Run,
    int ValidationIndex,
    string ValidationToken,
    string HpToken,
    IReadOnlyList<int> Training,
    IReadOnlyList<int> HpSelection,
    IReadOnlyList<int> Validation);

/// <summary>
/// Builds the nested splits of spec §4 and draws exactly aMLLibrary's rows for a seed: the generator tree is
/// built as aMLLibrary builds it (the factory's generator is seeded with a draw of ModelBuilding's, itself seeded with a draw of <c>random.Random(seed)</c>; one draw for the
/// multi-technique level, one for normalisation when on, one for hp_selection, one for validation, one for the
/// repetition level), runs ≥ 1 are deep copies of run 0's validation level, and every draw uses CPython's
/// generator and set iteration order (<see cref="PythonRandom"/>, <see cref="PythonIntSet"/>).
/// Only grid search without feature selection is modelled: SFS, Hyperopt and XGBoost feature selection add
/// levels (and draws) that this engine does not implement yet.
/// </summary>
internal static class SplitPlanner
{
    public static IReadOnlyList<DataFold> Plan(AmlConfiguration configuration, PreparedData data)
    {
        var general = configuration.General;
        var validation = general.Validation ?? AmlSplit.All;
        var hp = general.HpSelection ?? AmlSplit.All;
        if (hp is AmlSplit.Extrapolation or AmlSplit.Interpolation)
        {
            throw new RegressionException($"hp_selection = {hp} is not allowed: Extrapolation and Interpolation are validation-only splits (spec §4.2)");
        }
        if ((validation == AmlSplit.KFold || hp == AmlSplit.KFold) && general.Folds is null) throw new RegressionException("KFold needs folds in [General]");
        if ((validation == AmlSplit.HoldOut || hp == AmlSplit.HoldOut) && general.HoldOutRatio is null) throw new RegressionException("HoldOut needs hold_out_ratio in [General]");
        var settings = new SplitSettings(general.Folds ?? 0, general.HoldOutRatio ?? 0, data.ExternalValidationRows);

        // SequenceDataProcessing: Random(seed) → ModelBuilding(random()) → GeneratorsFactory(random()).
        var processing = new PythonRandom(new System.Numerics.BigInteger(general.Seed));
        var modelBuilding = new PythonRandom(processing.Random());
        var root = new PythonRandom(modelBuilding.Random());
        root.Random(); // MultiTechniquesExpConfsGenerator
        if (configuration.DataPreparation.Normalization == true) root.Random(); // NormalizationExpConfsGenerator
        var hpLevel = new SplitGenerator(hp, root.Random(), null, settings);
        var validationLevel = new SplitGenerator(validation, root.Random(), hpLevel, settings);
        root.Random(); // RepeatedExpConfsGenerator
        var runs = new List<SplitGenerator> { validationLevel };
        for (var run = 1; run < general.RunNum; run++) runs.Add(validationLevel.DeepCopy());

        var folds = new List<DataFold>();
        for (var run = 0; run < runs.Count; run++)
        {
            var outer = runs[run].Generate(data.TrainingRows.ToList());
            for (var v = 0; v < outer.Count; v++)
            {
                var below = runs[run].Below(v) ?? throw new InvalidOperationException("hp level missing");
                foreach (var inner in below.Generate(outer[v].Kept))
                {
                    folds.Add(new DataFold(run, v, outer[v].Token, inner.Token, inner.Kept, inner.Held, outer[v].Held));
                }
            }
        }
        return folds;
    }
}
