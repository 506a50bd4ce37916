using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.FeatureSelection;

/// <summary>
/// <c>[FeatureSelection] method = "XGBoost"</c> (spec §7.2): a complete nested campaign with techniques = [XGBoost],
/// run_num 1, the same validation / hp_selection settings and the <c>[XGBoost]</c> grid (or the built-in 4-point
/// grid of §2.2). Its final XGBoost model (§6.4: retrained on all rows, validation rows included — the upstream
/// leakage is kept) gives importances = split counts ("weight") normalised to sum 1; features never used are
/// absent. QUIRK kept: features are taken in column order, not by importance, accumulating importance until the
/// running sum reaches <c>XGBoost_tolerance</c>; <c>max_features</c> is ignored.
/// The nested campaign depends only on the configuration (it starts from General.seed like a run_num = 1
/// campaign), so every run and validation split gets the same columns.
/// </summary>
internal static class XGBoostFeatureSelection
{
    /// <summary>The built-in grid used when the configuration has no [XGBoost] section (spec §2.2).</summary>
    public static TechniqueGrid BuiltInGrid { get; } = new(AmlTechnique.XGBoost, true, new Hyperparameter[]
    {
        Parameter("min_child_weight", new IniInteger(1)),
        Parameter("gamma", new IniInteger(0), new IniInteger(1)),
        Parameter("n_estimators", new IniInteger(50)),
        Parameter("learning_rate", new IniFloat(0.01), new IniFloat(0.1)),
        Parameter("max_depth", new IniInteger(3)),
        Parameter("lambda", new IniInteger(1)),
        Parameter("alpha", new IniInteger(0)),
    });

    private static Hyperparameter Parameter(string name, params IniValue[] values) =>
        new(name, values.Select(v => (GridValue)new FixedValue(v)).ToArray());

    /// <summary>The selected feature names, in column order.</summary>
    public static IReadOnlyList<string> Select(AmlConfigurationFile file, double tolerance, RegressionOptions options)
    {
        var configuration = file.Configuration;
        var grid = configuration.Grid(AmlTechnique.XGBoost) is { } own ? own with { IsUsed = true } : BuiltInGrid;
        var nested = configuration with
        {
            General = configuration.General with { Techniques = new[] { AmlTechnique.XGBoost }, RunNum = 1 },
            FeatureSelection = null,
            Grids = configuration.Grids.Where(g => g.Technique != AmlTechnique.XGBoost).Append(grid).ToArray(),
        };
        var result = RegressionCampaign.Run(file with { Configuration = nested }, options with { Progress = null });
        var model = result[AmlTechnique.XGBoost]?.Model ?? throw new RegressionException($"{file.Path}: the nested XGBoost feature-selection campaign trained no XGBoost model");
        var trees = model.Trees ?? throw new RegressionException($"{file.Path}: the nested XGBoost model holds no trees");
        return ByWeight(model.Pipeline.Features, trees, tolerance);
    }

    /// <summary>Split counts per feature, normalised; then the column-order accumulation up to the tolerance.</summary>
    public static IReadOnlyList<string> ByWeight(IReadOnlyList<string> features, TreeEnsemble trees, double tolerance)
    {
        var counts = new double[features.Count];
        foreach (var tree in trees.Trees)
        {
            foreach (var feature in tree.Feature)
            {
                if (feature >= 0) counts[feature]++;
            }
        }
        var total = counts.Sum();
        if (total == 0) throw new RegressionException("the XGBoost feature-selection model made no split, so no feature has an importance");
        var selected = new List<string>();
        var running = 0.0;
        for (var j = 0; j < features.Count && running < tolerance; j++)
        {
            if (counts[j] == 0) continue;
            running += counts[j] / total;
            selected.Add(features[j]);
        }
        return selected;
    }
}
