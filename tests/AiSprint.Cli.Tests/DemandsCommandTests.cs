using System.Globalization;
using AiSprint.Model.Formats.Design;

namespace AiSprint.Cli.Tests;

public class DemandsCommandTests
{
    /// <summary>Trains a linear model time_ms = 500 / cores + 10 · gpu_less on a generated dataset with aisprint regress.</summary>
    private static readonly Lazy<string> Model = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-demands-").FullName;
        var dataset = Path.Combine(directory, "profile.csv");
        var rows = new List<string> { "inverse_cores,time_ms" };
        for (var cores = 1; cores <= 16; cores++) rows.Add(FormattableString.Invariant($"{1.0 / cores},{500.0 / cores + 20}"));
        File.WriteAllLines(dataset, rows);
        var configuration = Path.Combine(directory, "profile.ini");
        File.WriteAllText(configuration, $"[General]\nrun_num = 1\ntechniques = ['LRRidge']\nhp_selection = All\nvalidation = All\ny = \"time_ms\"\n\n[DataPreparation]\ninput_path = \"{dataset}\"\n\n[LRRidge]\nalpha = [0.0]\n");
        var output = Path.Combine(directory, "model");
        var (code, _, error) = ValidateCommandTests.Run("regress", "-c", configuration, "-o", output);
        Assert.True(code == 0, error);
        return Path.Combine(output, "best.model.json");
    });

    private static string Features(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-features-").FullName, "resources.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void One_demand_per_resource_row_is_predicted_and_written_as_a_demands_csv()
    {
        var features = Features("resource,inverse_cores,cold_ms\nVMSmall,0.5,\nVMLarge,0.125,\nLambda512,0.25,900\n");
        var output = Path.Combine(Path.GetDirectoryName(features)!, "mask.demands.csv");
        var (code, text, error) = ValidateCommandTests.Run("demands", "-m", Model.Value, "-i", features, "--component", "mask-detector", "--unit", "ms", "-o", output);
        Assert.True(code == 0, error);
        Assert.Equal("mask-detector on VMSmall: 270 ms\nmask-detector on VMLarge: 82.5 ms\nmask-detector on Lambda512: 145 ms\n", text.ReplaceLineEndings("\n"));

        var table = DemandTableCsv.Load(output);
        Assert.Empty(table.Diagnostics);
        Assert.Equal(
            [("mask-detector", "VMSmall", 0.27, (double?)null), ("mask-detector", "VMLarge", 0.0825, null), ("mask-detector", "Lambda512", 0.145, 0.9)],
            table.Value!.Entries.Select(e => (e.Component, e.Resource, Math.Round(e.Demand.Value, 9), e.ColdStart is { } c ? Math.Round(c.Value, 9) : (double?)null)));
        Assert.Equal("component,resource,demand_ms,cold_ms\nmask-detector,VMSmall,270,\nmask-detector,VMLarge,82.5,\nmask-detector,Lambda512,145,900\n", File.ReadAllText(output));
    }

    [Fact]
    public void A_model_trained_in_seconds_gives_demands_scaled_to_milliseconds()
    {
        var features = Features("resource,inverse_cores\nVM1,1\n");
        var output = Path.Combine(Path.GetDirectoryName(features)!, "out.csv");
        var (code, text, error) = ValidateCommandTests.Run("demands", "-m", Model.Value, "-i", features, "--component", "c", "--unit", "s", "-o", output);
        Assert.True(code == 0, error);
        Assert.Equal("c on VM1: 520000 ms\n", text.ReplaceLineEndings("\n"));
        Assert.Equal(520, DemandTableCsv.Load(output).Value!.Entries.Single().Demand.Value, 6);
    }

    [Fact]
    public void A_feature_file_without_a_resource_column_is_refused_and_nothing_is_written()
    {
        var features = Features("name,inverse_cores\nVM1,1\n");
        var output = Path.Combine(Path.GetDirectoryName(features)!, "out.csv");
        var (code, _, error) = ValidateCommandTests.Run("demands", "-m", Model.Value, "-i", features, "--component", "c", "--unit", "ms", "-o", output);
        Assert.Equal(1, code);
        Assert.Contains($"{features}:1:1: error AIS0004: expected a 'resource' column naming a candidate resource on every row", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_feature_file_missing_a_model_input_is_AIS0052()
    {
        var features = Features("resource,cores\nVM1,1\n");
        var output = Path.Combine(Path.GetDirectoryName(features)!, "out.csv");
        var (code, _, error) = ValidateCommandTests.Run("demands", "-m", Model.Value, "-i", features, "--component", "mask-detector", "--unit", "ms", "-o", output);
        Assert.Equal(1, code);
        Assert.Contains($"{features}: error AIS0052: cannot predict the demands of mask-detector: ", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_non_positive_prediction_is_AIS0052_at_its_row()
    {
        // 500 · (-1) + 20 < 0: the model extrapolates to a negative time.
        var features = Features("resource,inverse_cores\nVM1,1\nVM2,-1\n");
        var output = Path.Combine(Path.GetDirectoryName(features)!, "out.csv");
        var (code, _, error) = ValidateCommandTests.Run("demands", "-m", Model.Value, "-i", features, "--component", "c", "--unit", "ms", "-o", output);
        Assert.Equal(1, code);
        Assert.Contains($"{features}:3:1: error AIS0052: the model predicts ", error);
        Assert.Contains(" for c on VM2; expected a positive time", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_unit_other_than_ms_or_s_is_a_usage_error()
    {
        var (code, _, _) = ValidateCommandTests.Run("demands", "-m", Model.Value, "-i", Features("resource,inverse_cores\nVM1,1\n"), "--component", "c", "--unit", "min", "-o", "out.csv");
        Assert.NotEqual(0, code);
    }

    [Theory]
    [InlineData("resource,inverse_cores\nVM1,1\nVM1,0.5\n", ":3:1: error AIS0010: VM1 has two rows; expected one row per candidate resource")]
    [InlineData("resource,inverse_cores,cold_ms\nVM1,1,\nF1,0.5,fast\n", ":3:1: error AIS0018: cold_ms 'fast' of F1 is not a number")]
    [InlineData("resource,inverse_cores,cold_ms\nVM1,1,\nF1,0.5,-3\n", ":3:1: error AIS0018: cold_ms -3 of F1 is not a positive number of milliseconds")]
    public void Rows_the_demands_csv_would_refuse_are_refused_here_at_their_line(string text, string message)
    {
        var features = Features(text);
        var output = Path.Combine(Path.GetDirectoryName(features)!, "out.csv");
        var (code, _, error) = ValidateCommandTests.Run("demands", "-m", Model.Value, "-i", features, "--component", "c", "--unit", "ms", "-o", output);
        Assert.Equal(1, code);
        Assert.Contains(features + message, error);
        Assert.False(File.Exists(output));
    }
}

