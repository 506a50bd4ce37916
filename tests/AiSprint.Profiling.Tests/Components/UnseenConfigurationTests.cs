using System.Globalization;
using AiSprint.Profiling.Components;
using AiSprint.Regression;
using AiSprint.Regression.Configuration;
using AiSprint.Regression.Models;

namespace AiSprint.Profiling.Tests.Components;

/// <summary>
/// The OSCAR-P "unseen configuration": profiles of two resources (one per core count, profiled apart) merge into
/// one dataset, and the model trained on it without one configuration predicts that configuration from its
/// features and cores within the paper's 30 % MAPE.
/// </summary>
public sealed class UnseenConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-unseen-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_model_trained_on_merged_profiles_predicts_a_configuration_it_never_saw_within_30_percent()
    {
        var folder = Path.Combine(_directory, "profiles");
        Directory.CreateDirectory(folder);
        var dataset = Path.Combine(folder, "divided-work.csv");
        string? csv = null;
        foreach (var (cores, resource) in new[] { (1, new ResourceDescriptor("Small", 1024, "Xeon", 1)), (2, new ResourceDescriptor("Medium", 2048, "Xeon", 2)) })
        {
            var result = ComponentProfiler.Run(new ProfileRequest(ProfiledAppAttribute.Current, [cores], 5, 1, ["divided-work"]), _directory);
            Assert.Empty(result.Errors);
            csv = ProfileDataset.From(result, resource).Single().ToCsv(csv);
        }

        var lines = csv!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains(",Small,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",Medium,", StringComparison.Ordinal));
        // Held out: the largest work on two cores, never seen in training.
        static bool Unseen(string line) => line.StartsWith("120,2,", StringComparison.Ordinal);
        File.WriteAllText(dataset, string.Join('\n', lines.Where(l => !Unseen(l))) + "\n");
        var heldOut = Path.Combine(_directory, "unseen.csv");
        File.WriteAllText(heldOut, lines[0] + "\n" + string.Join('\n', lines.Where(Unseen)) + "\n");
        File.WriteAllText(Path.Combine(folder, "divided-work.ini"), CampaignConfigurationWriter.Write("profiles", "divided-work.csv", lines.Length));

        var loaded = CampaignConfiguration.Load(Path.Combine(folder, "divided-work.ini"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        RegressionModel model = RegressionCampaign.Run(loaded.Value!, new RegressionOptions(1, null)).Best.Model;
        var predictions = model.PredictCsv(heldOut);
        var measured = lines.Where(Unseen).Select(l => double.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture)).ToArray();

        Assert.NotEmpty(measured);
        var mape = predictions.Zip(measured, (p, m) => Math.Abs(p - m) / m).Average();
        Assert.True(mape < 0.30, $"MAPE {mape:P1}: predicted {predictions.Average():0.0} ms, measured {measured.Average():0.0} ms");
    }
}
