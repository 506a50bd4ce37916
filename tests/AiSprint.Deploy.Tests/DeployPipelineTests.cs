using AiSprint.Contract;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Placement.Search;

namespace AiSprint.Deploy.Tests;

/// <summary>The deploy as a library: the same outputs as <c>aisprint deploy</c> without the command line (the CLI is wiring).</summary>
public class DeployPipelineTests
{
    private static readonly SearchOptions Budget = new() { Method = SearchMethod.LocalSearch, RandomGreedyIterations = 300, LocalSearchIterations = 30 };

    private static string Temp() => Directory.CreateTempSubdirectory("aisprint-pipeline-").FullName;

    private static string DesignFile(string directory)
    {
        var path = Path.Combine(directory, "design.json");
        File.WriteAllText(path, DesignSamples.WindFarmJson);
        return path;
    }

    private sealed class RecordedStages : IStageProgress
    {
        public List<string> Stages { get; } = [];

        public T Run<T>(string stage, Func<IProgress<double>?, T> work)
        {
            Stages.Add(stage);
            return work(null);
        }
    }

    [Fact]
    public void A_design_document_is_placed_and_its_folder_written_through_the_library_entry_point()
    {
        var directory = Temp();
        var output = Path.Combine(directory, "aisprint");
        var stages = new RecordedStages();
        var outcome = DeployPipeline.Run(new DeployRequest(DesignFile(directory), DesignSamples.WindFarmResources, output)
        {
            Demands = [DesignSamples.WindFarmDemands],
            Search = Budget,
            SweepPoints = 2,
        }, stages);

        Assert.True(outcome.Status == DeployStatus.Placed, string.Join("\n", outcome.Diagnostics));
        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain(outcome.Diagnostics, d => d.IsError);
        Assert.Equal(["placing", "placing at other arrival rates"], stages.Stages);
        var solution = Space4AiSolutionReader.Load(Path.Combine(output, BuildFolderLayout.DeploymentFolder, BuildFolderLayout.SolutionFile)).GetValueOrThrow().Value;
        // The summary line states the cost solution.json holds.
        Assert.StartsWith($"placed 5 components at cost {solution.TotalCost!.Value.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} per 1 h", outcome.Messages[0]);
        Assert.StartsWith("wrote " + output, outcome.Messages[^1]);
        foreach (var file in new[] { BuildFolderLayout.ReportHtmlFile, Path.Combine(BuildFolderLayout.DesignFolder, BuildFolderLayout.SystemDescriptionFile),
                     Path.Combine(BuildFolderLayout.DeploymentFolder, BuildFolderLayout.ReportTextFile), Path.Combine(BuildFolderLayout.MonitoringFolder, "rules.yml") })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }
    }

    [Fact]
    public void Invalid_input_leaves_nothing_of_an_earlier_deploy_that_reads_as_current()
    {
        var directory = Temp();
        var output = Path.Combine(directory, "aisprint");
        var request = new DeployRequest(DesignFile(directory), DesignSamples.WindFarmResources, output) { Demands = [DesignSamples.WindFarmDemands], Search = Budget, SweepPoints = 0 };
        Assert.Equal(DeployStatus.Placed, DeployPipeline.Run(request).Status);
        Assert.True(File.Exists(Path.Combine(output, BuildFolderLayout.DeploymentFolder, BuildFolderLayout.ReportTextFile)));

        var manifest = Path.Combine(directory, "manifest.json");
        File.WriteAllText(manifest, "{\n  \"model\": \"m\",\n  \"partitions\": [ 1,\n");
        var outcome = DeployPipeline.Run(request with { Partitions = ["blade-detector=" + manifest] });

        Assert.Equal(DeployStatus.InvalidInput, outcome.Status);
        Assert.Equal(1, outcome.ExitCode);
        // Located in the manifest, not at the command line.
        var error = Assert.Single(outcome.Diagnostics, d => d.IsError);
        Assert.Equal(manifest, error.Location.File);
        Assert.True(error.Location.Line >= 3, error.ToString());
        Assert.Empty(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories));
    }
}
