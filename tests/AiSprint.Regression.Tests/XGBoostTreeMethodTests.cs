using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tests;

/// <summary>XGBoost's tree_method: hist (features quantised into max_bin bins) against exact (every distinct value a candidate).</summary>
public class XGBoostTreeMethodTests
{
    /// <summary>Rows of two features: one with <paramref name="distinct"/> values, one with 7; a smooth target with a kink.</summary>
    private static (double[][] X, double[] Y) Data(int rows, int distinct)
    {
        var x = Enumerable.Range(0, rows).Select(i => new double[] { (i * 7919 % distinct) / (double)distinct, i % 7 }).ToArray();
        var y = x.Select(r => Math.Sin(6 * r[0]) + 0.3 * r[1] + (r[0] > 0.5 ? 1 : 0)).ToArray();
        return (x, y);
    }

    private static XGBoostTrainer Trainer(TreeMethod method, int maxBin = 256) => new(1, 0, 20, 0.3, 8, 0, 1, Method: method, MaxBin: maxBin);

    [Fact]
    public void Hist_grows_the_same_trees_as_exact_when_no_feature_has_more_values_than_max_bin()
    {
        var (x, y) = Data(600, 200);
        var hist = Trainer(TreeMethod.Hist).Fit(x, y);
        var exact = Trainer(TreeMethod.Exact).Fit(x, y);
        Assert.Equal(exact.Trees.Count, hist.Trees.Count);
        foreach (var (h, e) in hist.Trees.Zip(exact.Trees))
        {
            Assert.Equal(e.Feature, h.Feature);
            Assert.Equal(e.Threshold, h.Threshold);
            Assert.Equal(e.Value, h.Value);
        }
    }

    [Fact]
    public void Hist_splits_only_at_max_bin_quantiles_of_a_feature_with_more_values()
    {
        var (x, y) = Data(2000, 1000);
        var hist = Trainer(TreeMethod.Hist, maxBin: 16).Fit(x, y);
        var exact = Trainer(TreeMethod.Exact).Fit(x, y);
        static HashSet<double> Thresholds(TreeEnsemble model) =>
            model.Trees.SelectMany(t => t.Feature.Select((f, i) => (f, i)).Where(p => p.f == 0).Select(p => t.Threshold[p.i])).ToHashSet();
        var histCuts = Thresholds(hist);
        Assert.InRange(histCuts.Count, 2, 15); // at most the 15 inner cut points of 16 bins
        Assert.True(Thresholds(exact).Count > 16);
        // Training rows are routed by bin during growth and by threshold in prediction: both must agree, so the fit is still good.
        var mae = x.Zip(y).Average(p => Math.Abs(hist.Predict(p.First) - p.Second));
        Assert.True(mae < 0.2, $"mean absolute error {mae}");
    }

    [Fact]
    public void A_fit_does_not_depend_on_the_rows_having_been_quantised_before()
    {
        var (x, y) = Data(500, 400);
        var first = Trainer(TreeMethod.Hist, maxBin: 32).Fit(x, y);
        var again = Trainer(TreeMethod.Hist, maxBin: 32).Fit(x, y); // the cached quantisation of x
        var copy = Trainer(TreeMethod.Hist, maxBin: 32).Fit(x.Select(r => r.ToArray()).ToArray(), y); // quantised afresh
        var exact = Trainer(TreeMethod.Exact).Fit(x, y); // another bin limit on the same matrix: its own quantisation
        Assert.Equal(x.Select(first.Predict), x.Select(again.Predict));
        Assert.Equal(x.Select(first.Predict), x.Select(copy.Predict));
        Assert.NotEqual(x.Select(first.Predict), x.Select(exact.Predict));
    }

    [Theory]
    [InlineData(null, nameof(TreeMethod.Hist))]
    [InlineData("hist", nameof(TreeMethod.Hist))]
    [InlineData("exact", nameof(TreeMethod.Exact))]
    public void Tree_method_is_read_from_the_configuration(string? value, string expectedName)
    {
        var expected = Enum.Parse<TreeMethod>(expectedName);
        IReadOnlyList<HyperparameterSetting> settings = value is null ? [] : [new HyperparameterSetting("tree_method", new IniString(value))];
        var trainer = Assert.IsType<XGBoostTrainer>(TechniqueCatalog.Bind(AmlTechnique.XGBoost, new GridPoint(settings)));
        Assert.Equal(expected, trainer.Method);
        Assert.Equal(256, trainer.MaxBin);
    }

    [Fact]
    public void An_unknown_tree_method_or_a_max_bin_below_two_is_rejected()
    {
        var error = Assert.Throws<RegressionException>(() => TechniqueCatalog.Bind(AmlTechnique.XGBoost, new GridPoint([new HyperparameterSetting("tree_method", new IniString("approx"))])));
        Assert.Contains("'hist' or 'exact'", error.Message);
        var trainer = TechniqueCatalog.Bind(AmlTechnique.XGBoost, new GridPoint([new HyperparameterSetting("max_bin", new IniInteger(1))]));
        Assert.Contains("max_bin", Assert.Throws<RegressionException>(() => trainer.Fit([[1.0], [2.0]], [1.0, 2.0])).Message);
    }
}
