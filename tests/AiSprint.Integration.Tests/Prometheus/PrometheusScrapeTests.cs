using AiSprint.Integration.Tests.Prometheus;

namespace AiSprint.Integration.Tests;

/// <summary>
/// End to end: the annotated app (built with the generator by dotnet build) runs its pipeline in its
/// own process and exposes its metrics through the OpenTelemetry Prometheus exporter; a real
/// Prometheus scrapes it; the test reads the durations and violations back through the HTTP API.
/// </summary>
public sealed class PrometheusScrapeTests
{
    private const int Frames = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [PrometheusFact]
    public async Task Prometheus_scrapes_the_component_durations_and_the_local_and_global_violations()
    {
        using var app = await AppProcess.StartAsync(
            Frames,
            new Dictionary<string, string> { ["AISPRINT_DEPLOYMENT"] = "it-deployment", ["AISPRINT_RESOURCE"] = "it-vm" },
            TimeSpan.FromSeconds(30));
        using var prometheus = await PrometheusServer.StartAsync(PrometheusInstallation.Executable!, app.MetricsPort, TimeSpan.FromSeconds(20));

        var durations = await prometheus.QueryUntilAsync(
            "aisprint_component_duration_milliseconds_count", r => r.Count == 3, Patience);
        Assert.Equal(["decode", "detect", "report"], durations.Select(d => d.Labels["component"]).Order(StringComparer.Ordinal));
        Assert.All(durations, d =>
        {
            Assert.Equal(Frames, d.Value);
            Assert.Equal("it-deployment", d.Labels["deployment"]);
            Assert.Equal("it-vm", d.Labels["resource"]);
        });

        // detect sleeps 5 ms: no call fits the 5 ms bucket. (OpenMetrics scrapes write le as "5.0", text ones as "5".)
        var buckets = await prometheus.QueryAsync("""aisprint_component_duration_milliseconds_bucket{component="detect"}""");
        Assert.Equal(0, Assert.Single(buckets, b => b.Labels["le"] is "5" or "5.0").Value);
        Assert.Equal(Frames, Assert.Single(buckets, b => b.Labels["le"] == "+Inf").Value);

        var path = Assert.Single(await prometheus.QueryAsync("""aisprint_path_duration_milliseconds_count{path="frame-path"}"""));
        Assert.Equal(Frames, path.Value);
        Assert.True(Assert.Single(await prometheus.QueryAsync("""aisprint_path_duration_milliseconds_sum{path="frame-path"}""")).Value >= Frames * 7.0);

        var violations = await prometheus.QueryAsync("aisprint_constraint_violations_total");
        Assert.Equal(
            ["detect/local=4", "frame-path/global=4"],
            violations.Select(v => $"{v.Labels["constraint"]}/{v.Labels["scope"]}={v.Value}").Order(StringComparer.Ordinal));
    }
}
