using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Validation;

namespace AiSprint.Regression.Tests;

public class SplitTests
{
    private static (AmlConfiguration Configuration, PreparedData Data) Load(string ini, string input = "faas_test.csv")
    {
        var file = InlineConfiguration.From(ini, input);
        return (file.Configuration, PreparationBuilder.Prepare(file.Configuration, Examples.Dataset(input)));
    }

    private const string HoldOutKFold = """
        [General]
        techniques = ['LRRidge']
        y = "ave_response_time"
        validation = HoldOut
        hp_selection = KFold
        hold_out_ratio = 0.2
        folds = 5
        run_num = 2
        seed = 3
        [DataPreparation]
        input_path = "@INPUT@"
        """;

    [Fact]
    public void HoldOut_then_KFold_nests_without_leaking_validation_rows()
    {
        var (general, data) = Load(HoldOutKFold);
        var folds = SplitPlanner.Plan(general, data);
        Assert.Equal(2 * 5, folds.Count);
        foreach (var fold in folds)
        {
            Assert.Equal(10, fold.Validation.Count); // floor(50 × 0.2)
            Assert.Empty(fold.Training.Intersect(fold.Validation));
            Assert.Empty(fold.HpSelection.Intersect(fold.Validation));
            Assert.Empty(fold.Training.Intersect(fold.HpSelection));
            Assert.Equal(40, fold.Training.Count + fold.HpSelection.Count);
        }
        // 40 rows in 5 folds of 8; every non-validation row is held out exactly once per run.
        var run0 = folds.Where(f => f.Run == 0).ToList();
        Assert.All(run0, f => Assert.Equal(8, f.HpSelection.Count));
        Assert.Equal(40, run0.SelectMany(f => f.HpSelection).Distinct().Count());
        // Repetitions draw different rows.
        Assert.NotEqual(folds[0].Validation, folds[5].Validation);
    }

    [Fact]
    public void The_last_fold_takes_the_remainder()
    {
        var (general, data) = Load(HoldOutKFold.Replace("validation = HoldOut", "validation = All").Replace("folds = 5", "folds = 3"));
        var sizes = SplitPlanner.Plan(general, data).Where(f => f.Run == 0).Select(f => f.HpSelection.Count).ToList();
        Assert.Equal([16, 16, 18], sizes);
    }

    [Fact]
    public void Splits_are_reproducible_for_a_seed_and_change_with_it()
    {
        var (general, data) = Load(HoldOutKFold);
        var a = SplitPlanner.Plan(general, data);
        var b = SplitPlanner.Plan(general, data);
        Assert.Equal(a.Select(f => f.Validation), b.Select(f => f.Validation));
        var other = SplitPlanner.Plan(general with { General = general.General with { Seed = 4 } }, data);
        Assert.NotEqual(a[0].Validation, other[0].Validation);
    }

    [Fact]
    public void Extrapolation_validates_on_rows_above_the_threshold()
    {
        var (general, data) = Load("""
            [General]
            techniques = ['LRRidge']
            y = "y"
            validation = Extrapolation
            hp_selection = All
            extrapolation_columns = {"x2": 4}
            [DataPreparation]
            input_path = "@INPUT@"
            """, "simplest.csv");
        var fold = Assert.Single(SplitPlanner.Plan(general, data));
        var x2 = data.Features.ToList().IndexOf("x2");
        Assert.All(fold.Validation, i => Assert.True(data.X[i][x2] > 4));
        Assert.All(fold.Training, i => Assert.True(data.X[i][x2] <= 4));
        Assert.Equal(data.X.Length, fold.Validation.Count + fold.Training.Count);
    }

    [Fact]
    public void Interpolation_validates_on_every_hth_distinct_value()
    {
        var (general, data) = Load("""
            [General]
            techniques = ['LRRidge']
            y = "y"
            validation = Interpolation
            hp_selection = All
            interpolation_columns = {"x1": 2}
            [DataPreparation]
            input_path = "@INPUT@"
            """, "simplest.csv");
        var fold = Assert.Single(SplitPlanner.Plan(general, data));
        var distinct = data.X.Select(r => r[0]).Distinct().Order().ToList();
        var picked = distinct.Where((_, i) => i % 2 == 0).ToHashSet();
        Assert.All(fold.Validation, i => Assert.Contains(data.X[i][0], picked));
        Assert.All(fold.Training, i => Assert.DoesNotContain(data.X[i][0], picked));
    }

    [Fact]
    public void Metrics_follow_the_spec_definitions()
    {
        var m = MetricSet.Compute([1, 2, 4], [1.1, 2, 3]);
        Assert.Equal((0.1 / 1 + 0 + 1.0 / 4) / 3, m.Mape, 12);
        Assert.Equal(Math.Sqrt((0.01 + 0 + 1) / 3), m.Rmse, 12);
        var mean = 7.0 / 3;
        Assert.Equal(1 - 1.01 / ((1 - mean) * (1 - mean) + (2 - mean) * (2 - mean) + (4 - mean) * (4 - mean)), m.R2, 12);
    }
}
