using AiSprint.Integration.Tests.Prometheus;
using AiSprint.Supervision.Execution;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// The real loop: the annotated app in its own process under a Poisson load on loopback, a real Prometheus scraping it,
/// the supervisor reading Prometheus' HTTP API. A step from 20 to 60 req/s must be re-planned within three polls.
/// </summary>
public sealed class LoadStepTests
{
    [PrometheusFact]
    public async Task A_step_up_in_the_arrival_rate_is_replanned_within_three_polls_with_the_new_Lambda_and_a_feasible_placement()
    {
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        // Arrivals missed while the test process stalls are dropped, not sent in a burst: a burst read 84.7 req/s for a
        // step to 60 once, on a loaded machine, past the bound below.
        await using var load = new LoadGenerator(app.RequestUri, LiveSettings.PlannedRate, seed: 7, catchUp: false);
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort]);
        var build = DeployedBuild.Copy();
        var options = LiveSettings.Options(build, prometheus.Address);
        using var supervisor = Supervisor.Open(options).Value!;
        Assert.Equal(LiveSettings.PlannedRate, supervisor.InForce.Lambda);
        // A dry run beside it, polled right after it: it must decide the same and write nothing.
        var dryOutput = Path.Combine(Path.GetDirectoryName(build)!, "dry-run");
        using var dryRun = Supervisor.Open(options with { DryRun = true, OutputDirectory = dryOutput }).Value!;
        var dryReports = new List<PollReport>();

        // Steady at the planned rate until two polls in a row had data: nothing to decide.
        var steady = 0;
        var before = await LiveSettings.PollUntilAsync(supervisor, r => (steady = r.Observation is null ? 0 : steady + 1) >= 2, limit: 12, dryRun, dryReports);
        Assert.True(steady >= 2, "no data before the step: " + string.Join(" | ", before.Select(r => r.Summary)));
        Assert.All(before, r => Assert.Null(r.Decision));

        load.Rate = LiveSettings.SteppedRate;
        await Task.Delay(LiveSettings.Poll);
        var after = await LiveSettings.PollUntilAsync(supervisor, r => r.Decision is not null, limit: 3, dryRun, dryReports);
        var decided = Assert.Single(after, r => r.Decision is not null);
        var decision = decided.Decision!;
        Assert.True(after.Count <= 3, string.Join(" | ", after.Select(r => r.Summary)));

        Assert.Equal("replan", decision.Kind);
        Assert.Contains("arrival_rate", decision.ReasonCodes);
        Assert.InRange(decision.ObservedLambda, 40, 80);
        Assert.Equal(2, decision.ToVersion);
        Assert.Equal(decision.ObservedLambda, supervisor.InForce.Lambda);
        Assert.True(supervisor.InForce.Evaluation.IsFeasible);

        // What was written reads back as a feasible placement at the new Lambda.
        var version = Path.Combine(options.OutputDirectory, "v0002");
        Assert.Equal("v0002\n", File.ReadAllText(Path.Combine(options.OutputDirectory, DeploymentVersions.CurrentFile)));
        var written = BuildFolder.Load(Path.Combine(version, BuildFolder.SystemFile), Path.Combine(version, BuildFolder.SolutionFile), null, 2, []);
        Assert.NotNull(written.Value);
        Assert.True(written.Value.Evaluation.IsFeasible);
        Assert.Equal(decision.ObservedLambda, written.Value.Lambda, 9);
        Assert.True(File.Exists(Path.Combine(version, "production_deployment.yaml")));
        var diff = File.ReadAllText(Path.Combine(version, "diff.txt"));
        Assert.Contains("the arrival rate is", diff);
        Assert.Contains("--- v0001/production_deployment.yaml", diff);

        var dryDecision = Assert.Single(dryReports, r => r.Decision is not null).Decision!;
        Assert.True(dryDecision.DryRun);
        Assert.Equal("replan", dryDecision.Kind);
        Assert.Null(dryDecision.Written);
        Assert.False(Directory.Exists(dryOutput));
    }
}
