using AiSprint.Integration.Tests.Prometheus;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// Drift end to end: the app's <c>[DetectDrift]</c> detectors test what its components record (seeded values), their
/// gauges are scraped by a real Prometheus, and the supervisor reads them. A shift in classify's confidence is notified
/// (once, the placement untouched); ingest's input size, drawn from one distribution throughout, is never flagged.
/// </summary>
public sealed class DriftNotificationTests
{
    [PrometheusFact]
    public async Task A_shifted_metric_is_notified_once_without_a_replan_and_an_unshifted_one_is_not_flagged()
    {
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        await using var load = new LoadGenerator(app.RequestUri, LiveSettings.PlannedRate, seed: 13);
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort]);
        using var supervisor = Supervisor.Open(LiveSettings.Options(DeployedBuild.Copy(), prometheus.Address)).Value!;

        // Until both detectors have taken their reference and tested a window against it (a p-value each in Prometheus).
        var before = new List<PollReport>();
        var tested = 0;
        for (var i = 0; i < 15 && tested < 2; i++)
        {
            if (i > 0) await Task.Delay(LiveSettings.Poll);
            before.Add(await supervisor.PollAsync(CancellationToken.None));
            tested = before[^1].Observation is null ? 0 : (await prometheus.QueryAsync(TelemetryNames.PrometheusDriftPValue)).Series;
        }
        Assert.True(tested == 2, "the detectors did not test: " + string.Join(" | ", before.Select(r => r.Summary)));
        Assert.All(before, r => Assert.Null(r.Decision));
        Assert.All(before.Last().Observation!.Drifts, d => Assert.False(d.Drifted));

        await app.ShiftConfidenceAsync();
        var after = await LiveSettings.PollUntilAsync(supervisor, r => r.Decision is not null, limit: 8);
        var decision = Assert.Single(after, r => r.Decision is not null).Decision!;
        Assert.Equal("notify", decision.Kind);
        Assert.Equal(["metric_drift"], decision.ReasonCodes);
        Assert.Equal("the drift detector of component classify reports that metric confidence drifted from its reference", Assert.Single(decision.Reasons));
        Assert.Null(decision.ToVersion);
        Assert.Equal(1, supervisor.InForce.Version);

        // Two more polls: the drift is still reported but not notified again; the unshifted metric stays unflagged.
        var later = await LiveSettings.PollUntilAsync(supervisor, _ => false, limit: 2);
        Assert.All(later, r => Assert.Null(r.Decision));
        var drifts = later.Last(r => r.Observation is not null).Observation!.Drifts;
        Assert.Contains(drifts, d => d is { Component: "classify", Metric: "confidence", Drifted: true });
        Assert.Contains(drifts, d => d is { Component: "ingest", Metric: "input_size", Drifted: false });
        var inputSize = await prometheus.ValueAsync($"{TelemetryNames.PrometheusDriftPValue}{{metric=\"input_size\"}}");
        Assert.True(inputSize >= 1e-4, $"input_size's p-value {inputSize} is below the threshold");
        Assert.True(await prometheus.ValueAsync($"{TelemetryNames.PrometheusDriftPValue}{{metric=\"confidence\"}}") < 1e-4);
    }
}
