using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AiSprint.Supervision;
using AiSprint.Supervision.Tests.Live;

namespace AiSprint.Benchmarks;

/// <summary>
/// The supervisor's aims (issue 16), on the supervision tests' live set-up (the annotated app under a Poisson load on
/// loopback, a real Prometheus scraping it every second):
/// <list type="bullet">
/// <item>decision latency: steps between 20 and 60 req/s, polled every second over a 3 s window with N = 2 and no
/// cool-down; for each re-plan, the deciding poll's own time (queries, analysis, the search, the version written) and
/// the time from the step to the version on disk (which adds the window filling up and the N polls);</item>
/// <item>footprint: <c>aisprint supervise</c> as a process at a 5 s poll interval for a minute (default): resident
/// memory (now and peak, from /proc) and CPU time over the run after start-up, as a share of one core.</item>
/// </list>
/// </summary>
public static class SupervisionBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var cycles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var footprintSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        await Latency(cycles);
        await Footprint(footprintSeconds);
        Console.WriteLine($"load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static async Task Latency(int cycles)
    {
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        await using var load = new LoadGenerator(app.RequestUri, 20, seed: 3);
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort]);
        var build = DeployedBuild.Copy();
        using var supervisor = Supervisor.Open(new SupervisorOptions
        {
            BuildDirectory = build,
            Prometheus = prometheus.Address,
            OutputDirectory = Path.Combine(Path.GetDirectoryName(build)!, "supervision"),
            PollInterval = TimeSpan.FromSeconds(1),
            Window = TimeSpan.FromSeconds(3),
            ConsecutiveWindows = 2,
            LambdaBand = 0.3,
            Cooldown = TimeSpan.Zero,
            PlanningBudget = TimeSpan.FromSeconds(1),
        }).Value!;
        await Until(supervisor, r => r.Observation is not null, 20);
        // Let the 20 req/s window settle before the first step.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var rates = new[] { 60.0, 20.0 };
        for (var i = 0; i < cycles * 2; i++)
        {
            load.Rate = rates[i % 2];
            var step = Stopwatch.StartNew();
            var decided = await Until(supervisor, r => r.Decision is not null, 30);
            if (decided?.Decision is not { } decision)
            {
                Console.WriteLine($"step to {load.Rate} req/s: no decision within 30 polls");
                continue;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step to {load.Rate} req/s: {decision.Kind} v{decision.ToVersion:0000} at {decision.ObservedLambda:0.#} req/s; deciding poll {decided.Elapsed.TotalMilliseconds:0} ms (queries + analysis + search + write); step to written {step.Elapsed.TotalSeconds:0.0} s"));
            // The next step starts from a settled window at the new rate.
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
    }

    private static async Task<PollReport?> Until(Supervisor supervisor, Func<PollReport, bool> done, int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            var report = await supervisor.PollAsync(CancellationToken.None);
            if (done(report)) return report;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return null;
    }

    private static async Task Footprint(int seconds)
    {
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        await using var load = new LoadGenerator(app.RequestUri, 20, seed: 5);
        var metricsPort = SupervisedApp.FreePort();
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort, metricsPort]);
        var build = DeployedBuild.Copy();
        var tool = typeof(SupervisionBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AisprintTool").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { tool, "supervise", "--build-dir", build, "--prometheus", prometheus.Address.ToString(), "--poll-interval", "5s", "--window", "30s",
                     "-o", Path.Combine(Path.GetDirectoryName(build)!, "supervision"), "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var supervise = Process.Start(start)!;
        supervise.BeginOutputReadLine();
        supervise.BeginErrorReadLine();
        try
        {
            // Start-up (JIT, the first polls) is not the steady footprint.
            await Task.Delay(TimeSpan.FromSeconds(10));
            supervise.Refresh();
            var cpu0 = supervise.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            supervise.Refresh();
            var cpu = (supervise.TotalProcessorTime - cpu0).TotalSeconds / wall.Elapsed.TotalSeconds;
            var status = File.ReadAllLines($"/proc/{supervise.Id}/status");
            string Field(string name) => status.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"aisprint supervise at a 5 s poll over {seconds} s: CPU {cpu * 100:0.00} % of one core; resident {Field("VmRSS")} (peak {Field("VmHWM")}); managed heap of the tool not measured here"));
        }
        finally
        {
            if (!supervise.HasExited) supervise.Kill(entireProcessTree: true);
        }
    }
}
