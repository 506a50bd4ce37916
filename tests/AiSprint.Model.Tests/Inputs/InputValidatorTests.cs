using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;

namespace AiSprint.Model.Tests.Inputs;

public class InputValidatorTests
{
    [Theory]
    [InlineData("space4ai", 84)]
    [InlineData("aisprint", 5)]
    [InlineData("amllibrary", 17)]
    public void Every_input_of_the_original_tools_is_recognised_and_valid(string folder, int expectedInputs)
    {
        var reports = InputValidator.ValidateTree(SharedData.PathOf(folder));
        Assert.Equal(expectedInputs, reports.Count);
        Assert.All(reports, r =>
        {
            Assert.NotEqual(InputKind.Unknown, r.Kind);
            Assert.True(r.IsValid, $"{r.Path}: {string.Join("\n", r.Diagnostics)}");
        });
    }

    [Fact]
    public void Application_directories_are_validated_as_a_whole_through_their_space4ai_view()
    {
        var reports = InputValidator.ValidateTree(SharedData.PathOf("aisprint"));
        var apps = reports.Where(r => r.Kind == InputKind.AiSprintApplication).ToList();
        Assert.Equal(3, apps.Count);
        Assert.Contains(apps, a => a.Summary.StartsWith("AI-SPRINT application (3 components, 7 partitions in 5 deployments, 6 resources in 4 layers", StringComparison.Ordinal));
        // Demands come from profiling: the examples have none yet, which is a warning only.
        Assert.All(apps, a => Assert.Single(a.Diagnostics, d => d.Code == "AIS0022"));
    }

    [Fact]
    public void The_python_tools_run_settings_are_read_and_their_known_mistakes_flagged()
    {
        var path = SharedData.PathOf("space4ai", "wind-farm", "methods.json");
        var report = InputValidator.Validate(path);
        Assert.Equal(InputKind.Space4AiRunSettings, report.Kind);
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("did you mean 'LocalSearch'"));
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("did you mean 'startingPointNumber'"));

        var settings = Space4AiRunSettingsJson.Load(path).GetValueOrThrow().Value;
        Assert.Equal(2, settings.Seed);
        Assert.Equal(100, settings.IterationNumber);
        Assert.Equal(0.01, settings.LambdaBound!.Start.Value);
        var again = Space4AiRunSettingsJson.Parse(Space4AiRunSettingsJson.Write(settings), "again.json").GetValueOrThrow().Value;
        Assert.Equal(settings, again);
    }
}
