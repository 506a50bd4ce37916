using AiSprint.Integration.Tests.Prometheus;
using AiSprint.Supervision.Execution;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// The degraded fallback, live: the app (with its [Alternative] classify-small) deployed by <c>aisprint deploy</c> on
/// scarce resources, so that no placement of the original keeps up with a step to 60 req/s; the supervisor, given the
/// alternatives deploy left in the build folder, writes a version that runs the degraded deployment.
/// </summary>
public sealed class DegradedFallbackTests
{
    [PrometheusFact]
    public async Task A_load_no_placement_of_the_application_sustains_falls_back_to_the_degraded_alternative_deploy_placed()
    {
        var build = DeployedBuild.Copy(DeployedBuild.ScarceResources);
        var alternatives = new BuildFolderAlternatives(build);
        Assert.Equal("average_accuracy", alternatives.MetricName);
        Assert.True(Directory.Exists(Path.Combine(build, BuildFolderAlternatives.AlternativesFolder, "alternative_deployment1", BuildFolder.DesignFolder)));

        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        await using var load = new LoadGenerator(app.RequestUri, LiveSettings.PlannedRate, seed: 19);
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort]);
        var options = LiveSettings.Options(build, prometheus.Address) with { QualityMetric = alternatives.MetricName! };
        using var supervisor = Supervisor.Open(options, alternatives).Value!;

        var steady = 0;
        var before = await LiveSettings.PollUntilAsync(supervisor, r => (steady = r.Observation is null ? 0 : steady + 1) >= 2, limit: 12);
        Assert.True(steady >= 2, "no data before the step: " + string.Join(" | ", before.Select(r => r.Summary)));
        Assert.All(before, r => Assert.Null(r.Decision));

        load.Rate = LiveSettings.SteppedRate;
        await Task.Delay(LiveSettings.Poll);
        var after = await LiveSettings.PollUntilAsync(supervisor, r => r.Decision is not null, limit: 4);
        var decision = Assert.Single(after, r => r.Decision is not null).Decision!;
        Assert.True(decision.Kind == "fallback", decision.Explanation);
        Assert.Equal("alternative_deployment1", decision.Alternative);
        Assert.Contains("arrival_rate", decision.ReasonCodes);
        Assert.Contains("no placement of the application is feasible", decision.Explanation);
        Assert.Contains("original_deployment (infeasible)", decision.Explanation);
        Assert.Equal(2, decision.ToVersion);
        Assert.True(supervisor.InForce.Evaluation.IsFeasible);
        Assert.Contains(supervisor.InForce.System.Components, c => c.Name == "classify-small");

        // The version runs the degraded deployment: its descriptor names classify-small, and reads back feasible.
        var version = Path.Combine(options.OutputDirectory, "v0002");
        Assert.Equal("v0002\n", File.ReadAllText(Path.Combine(options.OutputDirectory, DeploymentVersions.CurrentFile)));
        var written = BuildFolder.Load(Path.Combine(version, BuildFolder.SystemFile), Path.Combine(version, BuildFolder.SolutionFile), null, 2, []);
        Assert.True(written.Value?.Evaluation.IsFeasible, string.Join("\n", written.Diagnostics));
        Assert.Contains("classify-small", File.ReadAllText(Path.Combine(version, "production_deployment.yaml")));
        Assert.Contains("fallback", File.ReadAllText(Path.Combine(version, "diff.txt")));
    }
}
