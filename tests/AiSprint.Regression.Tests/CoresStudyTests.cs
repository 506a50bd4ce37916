using System.Globalization;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Studies;

namespace AiSprint.Regression.Tests;

public class CoresStudyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Generated_data_follow_the_documented_model_with_three_percent_noise()
    {
        var csv = CoresStudy.Csv(0);
        Assert.Equal(csv, CoresStudy.Csv(0));
        Assert.NotEqual(csv, CoresStudy.Csv(1));
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(CoresStudy.Cores.Length * CoresStudy.DataSizes.Length * CoresStudy.Repetitions, rows.Count);
        var relative = rows.Select(r => r[2] / CoresStudy.Time(r[0], r[1]) - 1).ToList();
        var sd = Math.Sqrt(relative.Average(e => e * e));
        Assert.InRange(sd, 0.02, 0.04);
        Assert.InRange(Math.Abs(relative.Average()), 0, 0.01);
    }

    [Fact]
    public void With_inverse_cores_features_linear_techniques_extrapolate_and_trees_do_not()
    {
        var results = CoresStudy.Run(quick: true, featureSets: [CoresFeatures.InverseCores]);
        foreach (var r in results) output.WriteLine($"{r.Split} {r.Features} {r.Technique}: validation MAPE {r.ValidationMape:F4} (hp {r.HpSelectionMape:F4})");
        // Every technique trained in both studies.
        Assert.Equal(2 * Enum.GetValues<AmlTechnique>().Length, results.Count);
        double Mape(CoresSplit split, AmlTechnique technique) => results.Single(r => r.Split == split && r.Technique == technique).ValidationMape;
        // The noise alone gives a MAPE of about 0.024 (3 % Gaussian): a model of the right form stays near it at 384 and 768 cores.
        Assert.True(Mape(CoresSplit.Extrapolation, AmlTechnique.NNLS) < 0.05);
        Assert.True(Mape(CoresSplit.Extrapolation, AmlTechnique.Stepwise) < 0.05);
        Assert.True(Mape(CoresSplit.Extrapolation, AmlTechnique.LRRidge) < 0.1);
        Assert.True(Mape(CoresSplit.Interpolation, AmlTechnique.NNLS) < 0.05);
        // A tree predicts 288 cores' times for 384 and 768: far off.
        Assert.True(Mape(CoresSplit.Extrapolation, AmlTechnique.DecisionTree) > 0.1);
    }
}
