using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using AiSprint.Integration.Tests.Prometheus;
using AiSprint.Supervision.Execution;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>Where the build put the aisprint tool.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class AisprintToolPathAttribute(string path) : Attribute
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static string Current => typeof(AisprintToolPathAttribute).Assembly.GetCustomAttribute<AisprintToolPathAttribute>()!.Path;
}

/// <summary>
/// <c>aisprint supervise</c> as the long-lived process it is, next to the app under a steady but noisy load, both scraped
/// by a real Prometheus that also evaluates the supervisor's rule set: no re-plan, every dashboard panel's query runs,
/// and Ctrl-C stops it cleanly.
/// </summary>
public sealed class SuperviseProcessTests
{
    /// <summary>Panels that show data only after an event this run does not have (a violation).</summary>
    private static readonly string[] EventPanels = ["Constraint violations"];

    [PrometheusFact]
    public async Task A_steady_noisy_load_is_never_replanned_every_dashboard_query_runs_and_Ctrl_C_stops_the_command()
    {
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        // Poisson arrivals, and each second the rate itself is off by up to ±15 %.
        await using var load = new LoadGenerator(app.RequestUri, LiveSettings.PlannedRate, seed: 11, jitter: 0.15);
        var build = DeployedBuild.Copy();
        var rules = Path.Combine(Path.GetDirectoryName(build)!, MonitoringAssets.RulesFile);
        File.WriteAllText(rules, MonitoringAssets.Rules);
        Assert.Equal(0, PromTool.CheckRules(rules).ExitCode);
        var metricsPort = SupervisedApp.FreePort();
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort, metricsPort], [rules]);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AisprintToolPathAttribute.Current);
        foreach (var argument in LiveSettings.Arguments(build, prometheus.Address)) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--metrics-port");
        start.ArgumentList.Add(metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var supervise = Process.Start(start)!;
        var lines = new List<string>();
        var errors = supervise.StandardError.ReadToEndAsync();
        try
        {
            // As long as the step test runs: polls with data until at least eight of them, or 40 s. After the third, the
            // app's confidence shifts and its drift detector reports it: notified once, no re-plan.
            var deadline = Stopwatch.StartNew();
            var drifted = false;
            int Watching() => lines.Count(l => l.Contains("[watching]", StringComparison.Ordinal));
            while (Watching() < 8 && deadline.Elapsed < TimeSpan.FromSeconds(40) && await supervise.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
                if (!drifted && Watching() == 3)
                {
                    await app.ShiftConfidenceAsync();
                    drifted = true;
                }
            }
            Assert.True(Watching() >= 8, string.Join("\n", lines) + await Partial(errors, supervise));
            var log = string.Join("\n", lines);
            Assert.False(lines.Any(l => l.Contains("replan", StringComparison.Ordinal) || l.Contains("fallback", StringComparison.Ordinal)), log);
            var notified = lines.Where(l => l.Contains("notify", StringComparison.Ordinal)).ToList();
            Assert.True(notified.Count == 1, log);
            Assert.Contains("the drift detector of component classify reports that metric confidence drifted from its reference", notified[0]);
            var output = Path.Combine(Path.GetDirectoryName(build)!, "supervision");
            Assert.True(Directory.Exists(Path.Combine(output, "v0001")));
            Assert.False(Directory.Exists(Path.Combine(output, "v0002")));

            await EveryPanelQueryRuns(prometheus);

            await CtrlC.StopsCleanlyAsync(supervise, errors);
        }
        finally
        {
            if (!supervise.HasExited) supervise.Kill(entireProcessTree: true);
        }
    }

    private static async Task EveryPanelQueryRuns(LivePrometheus prometheus)
    {
        using var dashboard = JsonDocument.Parse(MonitoringAssets.Dashboard);
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        // Recording rules need a minute's range to have two samples: wait (bounded) until the application's series show.
        var deadline = Stopwatch.StartNew();
        while ((await prometheus.QueryAsync("aisprint:component_mean_ms:rate1m")).Series == 0 && deadline.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(500);
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString()!;
            Assert.Equal("${DS_PROMETHEUS}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                var expression = target.GetProperty("expr").GetString()!;
                var (status, series, body) = await prometheus.QueryAsync(expression);
                Assert.True(status == "success", $"{title}: {expression}: {body}");
                if (!EventPanels.Contains(title)) Assert.True(series > 0, $"{title}: {expression} returned no series: {body}");
            }
        }
    }

    private static async Task<string> Partial(Task<string> errors, Process process)
    {
        if (!process.HasExited) return "";
        return "\n" + await errors;
    }
}
