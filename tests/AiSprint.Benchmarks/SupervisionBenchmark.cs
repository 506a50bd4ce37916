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
/// <item>footprint: <c>aisprint supervise</c> as a process at a 5 s poll interval for four minutes (default), its own
/// metrics scraped every second (default): CPU time per 30 s slice and at steady state (after the tier-1 warm-up), as a
/// share of one core, by thread; resident memory (now and peak, anonymous, file-backed and the runtime's double-mapped
/// code, the largest mappings) from /proc.</item>
/// </list>
/// </summary>
public static class SupervisionBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        // --native: measure the native aisprint-supervise (src/AiSprint.Supervise, compiled ahead of time) instead.
        var native = args.Contains("--native");
        args = [.. args.Where(a => a != "--native")];
        var cycles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var footprintSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 240;
        var selfScrape = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1);
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        if (cycles > 0) await Latency(cycles);
        if (footprintSeconds > 0) await Footprint(footprintSeconds, selfScrape, native ? PublishNative() : null);
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

    /// <summary>
    /// What runs once a poll is called 30 times before the runtime re-compiles it optimised (tiered compilation): at a
    /// 5 s poll that takes minutes, and it costs a few seconds of CPU once. Measured: over by about 100 s.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(120);

    /// <summary>Publishes the native host in Release for this machine (as its RID package holds it); returns the executable.</summary>
    private static string PublishNative()
    {
        var project = typeof(SupervisionBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SuperviseProject").Value!;
        var output = Directory.CreateTempSubdirectory("aisprint-supervise-native-").FullName;
        var publish = DotnetCli.Run(output, null, ["publish", project, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "-o", output]);
        if (publish.ExitCode != 0) throw new InvalidOperationException("dotnet publish of the native supervisor failed: " + publish);
        var executable = Path.Combine(output, "aisprint-supervise");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"native aisprint-supervise published in {publish.Elapsed.TotalSeconds:0} s: {new FileInfo(executable).Length / 1e6:0.0} MB"));
        return executable;
    }

    private static async Task Footprint(int seconds, TimeSpan selfScrape, string? native)
    {
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        await using var load = new LoadGenerator(app.RequestUri, 20, seed: 5);
        var metricsPort = SupervisedApp.FreePort();
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort], supervisorPort: metricsPort, supervisorScrape: selfScrape);
        var build = DeployedBuild.Copy();
        var tool = typeof(SupervisionBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AisprintTool").Value!;
        var start = new ProcessStartInfo(native ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The tool runs the supervise subcommand; the native host's root command is that command.
        if (native is null)
        {
            start.ArgumentList.Add(tool);
            start.ArgumentList.Add("supervise");
        }
        foreach (var argument in new[] { "--build-dir", build, "--prometheus", prometheus.Address.ToString(), "--poll-interval", "5s", "--window", "30s",
                     "-o", Path.Combine(Path.GetDirectoryName(build)!, "supervision"), "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var supervise = Process.Start(start)!;
        var polls = 0;
        supervise.OutputDataReceived += (_, e) => { if (e.Data?.Contains(" poll ", StringComparison.Ordinal) == true) Interlocked.Increment(ref polls); };
        supervise.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.WriteLine("  supervise: " + line); };
        supervise.BeginOutputReadLine();
        supervise.BeginErrorReadLine();
        try
        {
            // Start-up (JIT, the first polls) is not the steady footprint. The run is measured in 30 s slices, so that the
            // warm-up still in the first ones (tier-1 re-compilation of what runs once a poll) shows against the later ones.
            var started = ProcessFootprint.Read(supervise.Id);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var first = ProcessFootprint.Read(supervise.Id);
            var wall = Stopwatch.StartNew();
            var slices = new List<string>();
            var previous = (At: 0.0, Footprint: first);
            (double At, ProcessFootprint Footprint)? settled = null;
            while (wall.Elapsed.TotalSeconds < seconds - 0.5)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, seconds - wall.Elapsed.TotalSeconds)));
                var now = (At: wall.Elapsed.TotalSeconds, Footprint: ProcessFootprint.Read(supervise.Id));
                slices.Add(string.Create(CultureInfo.InvariantCulture, $"{(now.Footprint.CpuSeconds - previous.Footprint.CpuSeconds) / (now.At - previous.At) * 100:0.00} %"));
                previous = now;
                if (settled is null && now.At >= WarmUp.TotalSeconds - 0.5) settled = now;
            }
            var last = previous.Footprint;
            var total = previous.At;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(native is null ? "aisprint supervise" : "aisprint-supervise (native)")} at a 5 s poll, its own metrics scraped every {selfScrape.TotalSeconds:0} s, {polls} polls: start-up (first 10 s) {first.CpuSeconds - started.CpuSeconds:0.00} s of CPU; " +
                $"then over {total:0} s CPU {(last.CpuSeconds - first.CpuSeconds) / total * 100:0.00} % of one core (by 30 s slice: {string.Join(", ", slices)}; " +
                $"user {last.UserSeconds - first.UserSeconds:0.00} s, system {last.SystemSeconds - first.SystemSeconds:0.00} s)"));
            if (settled is { } from && total - from.At > 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  steady state (after the first {WarmUp.TotalSeconds:0} s of tier-1 re-compilation): CPU {(last.CpuSeconds - from.Footprint.CpuSeconds) / (total - from.At) * 100:0.00} % of one core over {total - from.At:0} s"));
            }
            Console.WriteLine("  CPU by thread over the measured run, threads still alive at its end (s): " + string.Join(", ", last.CpuSince(first).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Thread} {t.Seconds:0.00}"))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  resident {last.RssKb / 1024.0:0.0} MB (anonymous {last.RssAnonKb / 1024.0:0.0} MB: heaps and JIT'd code; file-backed {last.RssFileKb / 1024.0:0.0} MB: mapped assemblies and libraries; shared {last.RssShmemKb / 1024.0:0.0} MB: the runtime's double-mapped code), peak {last.HwmKb / 1024.0:0.0} MB; {last.Threads} threads"));
            Console.WriteLine("  largest mappings (MB): " + string.Join(", ", ProcessFootprint.ResidentByMapping(supervise.Id).Take(int.TryParse(Environment.GetEnvironmentVariable("AISPRINT_BENCH_MAPPINGS"), out var n) ? n : 12).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Mapping} {m.Kb / 1024.0:0.0}"))));
        }
        finally
        {
            if (!supervise.HasExited) supervise.Kill(entireProcessTree: true);
        }
    }
}
