using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Tests;

/// <summary>A campaign that fails on its data points at the configuration option that asked for the step and at the offending cell.</summary>
public sealed class CampaignErrorLocationTests
{
    private static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static RegressionException Fail(string configuration, string csv)
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-located-").FullName;
        Write(directory, "data.csv", csv);
        var ini = Write(directory, "campaign.ini", configuration);
        var file = AmlConfigurationReader.Load(ini, directory).GetValueOrThrow();
        return Assert.Throws<RegressionException>(() => RegressionCampaign.Run(file));
    }

    private const string Data = "cores,time_ms\n1,52\n2,28\n4,16\n8,10\n";

    [Fact]
    public void A_missing_target_column_is_reported_at_the_y_option()
    {
        var error = Fail("[General]\nrun_num = 1\ntechniques = ['LRRidge']\nhp_selection = All\nvalidation = All\ny = \"latency\"\n\n[DataPreparation]\ninput_path = \"data.csv\"\n\n[LRRidge]\nalpha = [0.1]\n", Data);
        Assert.Matches(@"campaign\.ini:6:5: the target column y = 'latency' does not exist in 'data\.csv' \(columns: cores, time_ms\)", error.Message);
    }

    [Fact]
    public void A_text_cell_in_an_inverted_column_is_reported_at_the_option_and_at_the_cell()
    {
        var error = Fail("[General]\nrun_num = 1\ntechniques = ['LRRidge']\nhp_selection = All\nvalidation = All\ny = \"time_ms\"\n\n[DataPreparation]\ninput_path = \"data.csv\"\ninverse = ['cores']\n\n[LRRidge]\nalpha = [0.1]\n",
            "cores,time_ms\n1,52\n\n2,28\nfour,16\n");
        Assert.Matches(@"campaign\.ini:10:11: inverse of column 'cores': the column holds text", error.Message);
        // Line 5, not row 3: the blank line is counted.
        Assert.Matches(@"the first text cell is 'four' at .*data\.csv:5$", error.Message);
    }
}
