using AiSprint.Regression.Preparation;
using AiSprint.Regression.Validation;

namespace AiSprint.Regression.Tests;

public class PythonSplitProbe
{
    [Theory]
    [InlineData(0, "HoldOut", "KFold", 5, 0.2, 1)]
    [InlineData(0, "KFold", "KFold", 4, 0.2, 2)]
    [InlineData(7, "HoldOut", "HoldOut", 5, 0.2, 3)]
    [InlineData(3, "KFold", "HoldOut", 3, 0.3, 2)]
    [InlineData(1, "All", "KFold", 5, 0.2, 2)]
    [InlineData(5, "KFold", "HoldOut", 7, 0.25, 2, "faas_predict.csv")]
    public void Dump(int seed, string validation, string hp, int folds, double ratio, int runs, string input = "faas_test.csv")
    {
        var file = InlineConfiguration.From($"""
            [General]
            techniques = ['LRRidge']
            y = "ave_response_time"
            validation = {validation}
            hp_selection = {hp}
            hold_out_ratio = {ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}
            folds = {folds}
            run_num = {runs}
            seed = {seed}
            [DataPreparation]
            input_path = "@INPUT@"
            """, input);
        var data = PreparationBuilder.Prepare(file.Configuration, Examples.Dataset(input));
        var lines = SplitPlanner.Plan(file.Configuration, data).Select(f =>
            $"run_{f.Run}/{f.ValidationToken}/{f.HpToken} train [{string.Join(", ", f.Training)}] hp [{string.Join(", ", f.HpSelection.Order())}] val [{string.Join(", ", f.Validation.Order())}]");
        File.WriteAllLines($"/tmp/amlref/cs_{seed}_{validation}_{hp}_{folds}_{runs}.txt", lines);
    }
}
