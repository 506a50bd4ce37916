using AiSprint.Integration.Tests.Prometheus;
using AiSprint.Supervision.Execution;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>Prometheus killed mid-run and started again: the supervisor keeps polling, says "no data", decides nothing.</summary>
public sealed class PrometheusOutageTests
{
    [PrometheusFact]
    public async Task Killing_and_restarting_Prometheus_leaves_the_supervisor_running_reporting_no_data_and_deciding_nothing()
    {
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        await using var load = new LoadGenerator(app.RequestUri, LiveSettings.PlannedRate, seed: 13);
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort]);
        using var supervisor = Supervisor.Open(LiveSettings.Options(DeployedBuild.Copy(), prometheus.Address)).Value!;

        var before = await LiveSettings.PollUntilAsync(supervisor, r => r.Observation is not null, limit: 10);
        Assert.NotNull(before[^1].Observation);

        prometheus.Kill();
        var during = new List<PollReport>();
        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(LiveSettings.Poll);
            during.Add(await supervisor.PollAsync(CancellationToken.None));
        }
        Assert.All(during, r =>
        {
            Assert.Equal(SupervisorState.NoData, r.State);
            Assert.StartsWith("no data: Prometheus at ", r.Summary);
            Assert.Null(r.Decision);
        });
        Assert.Equal(SupervisorState.NoData, supervisor.Telemetry.State);

        await prometheus.StartAgainAsync();
        var after = await LiveSettings.PollUntilAsync(supervisor, r => r.Observation is not null, limit: 10);
        Assert.NotNull(after[^1].Observation);
        Assert.Equal(SupervisorState.Watching, after[^1].State);
        Assert.All(before.Concat(during).Concat(after), r => Assert.Null(r.Decision));
        Assert.Equal(1, supervisor.InForce.Version);
    }
}
