using System.Diagnostics;
using AiSprint.Cli;
using AiSprint.Integration.Tests.Prometheus;
using AiSprint.Supervision.Execution;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// The native <c>aisprint-supervise</c>, packed and installed as a user gets it, is the supervisor <c>aisprint supervise</c>
/// is: the same options, and the same re-plan of a load step on the live set-up (the annotated app under a Poisson load,
/// a real Prometheus). Its footprint is measured by the supervision benchmark (docs/benchmarks.md), not here.
/// </summary>
public sealed class NativeSupervisorTests
{
    [PrometheusFact]
    public async Task The_native_aisprint_supervise_installed_from_its_package_replans_a_load_step_within_three_polls_and_stops_on_Ctrl_C()
    {
        var executable = await NativeSupervisorTool.ExecutableAsync();
        // The tool store holds the RID package's native executable, not a framework-dependent dll.
        var target = new FileInfo(executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? executable;
        Assert.EndsWith(Path.Combine(System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "aisprint-supervise"), target);
        var magic = new byte[4];
        using (var file = File.OpenRead(target)) file.ReadExactly(magic);
        Assert.Equal("\u007fELF"u8.ToArray(), magic);
        await SameOptionsAsTheToolsCommand(executable);

        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30));
        // Arrivals missed while the test process stalls are dropped, not sent in a burst: a burst read 84.7 req/s for a
        // step to 60 once, on a loaded machine, past the bound below.
        await using var load = new LoadGenerator(app.RequestUri, LiveSettings.PlannedRate, seed: 13, catchUp: false);
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort]);
        var build = DeployedBuild.Copy();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The tool's arguments without its subcommand: the host's root command is `supervise`.
        foreach (var argument in LiveSettings.Arguments(build, prometheus.Address).Skip(1)) start.ArgumentList.Add(argument);
        using var supervise = Process.Start(start)!;
        var errors = supervise.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        try
        {
            Assert.StartsWith("supervising v0001", await supervise.StandardOutput.ReadLineAsync());
            // Steady at the planned rate until two polls in a row had data; then the step, as LoadStepTests does in process.
            var deadline = Stopwatch.StartNew();
            var withData = 0;
            while (withData < 2 && deadline.Elapsed < TimeSpan.FromSeconds(40) && await supervise.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
                withData = line.Contains("[watching]", StringComparison.Ordinal) ? withData + 1 : 0;
            }
            Assert.True(withData == 2, string.Join("\n", lines) + await Partial(errors, supervise));
            Assert.DoesNotContain(lines, l => l.Contains("replan", StringComparison.Ordinal));

            load.Rate = LiveSettings.SteppedRate;
            // Lines printed since are still in the pipe: the poll under way at the step, then at most three more.
            var after = new List<string>();
            while (after.Count < 4 && await supervise.StandardOutput.ReadLineAsync() is { } line)
            {
                after.Add(line);
                if (line.Contains("replan", StringComparison.Ordinal)) break;
            }
            var log = string.Join("\n", lines.Concat(after));
            var decided = Assert.Single(after, l => l.Contains("replan", StringComparison.Ordinal));
            Assert.Contains("arrival rate", decided);

            var output = Path.Combine(Path.GetDirectoryName(build)!, "supervision");
            Assert.Equal("v0002\n", File.ReadAllText(Path.Combine(output, DeploymentVersions.CurrentFile)));
            var version = Path.Combine(output, "v0002");
            var written = BuildFolder.Load(Path.Combine(version, BuildFolder.SystemFile), Path.Combine(version, BuildFolder.SolutionFile), null, 2, []);
            Assert.True(written.Value is { } placed && placed.Evaluation.IsFeasible, log);
            Assert.InRange(written.Value!.Lambda, 40, 80);
            Assert.True(File.Exists(Path.Combine(version, "production_deployment.yaml")), log);
            Assert.Contains("the arrival rate is", File.ReadAllText(Path.Combine(version, "diff.txt")));

            await CtrlC.StopsCleanlyAsync(supervise, errors);
        }
        finally
        {
            if (!supervise.HasExited) supervise.Kill(entireProcessTree: true);
        }
    }

    /// <summary>One command, two hosts: every option of <c>aisprint supervise</c> is in the native host's help, and a bad build folder is refused alike.</summary>
    private static async Task SameOptionsAsTheToolsCommand(string executable)
    {
        var tool = AisprintApp.CreateRootCommand(TextWriter.Null, TextWriter.Null).Subcommands.Single(c => c.Name == "supervise");
        var help = await RunAsync(executable, "--help");
        Assert.Equal(0, help.Code);
        foreach (var option in tool.Options) Assert.Contains(option.Name, help.Output);

        var folder = Directory.CreateTempSubdirectory("aisprint-native-not-a-build-").FullName;
        var refused = await RunAsync(executable, "--build-dir", folder, "--prometheus", "http://127.0.0.1:9090", "-o", Path.Combine(folder, "out"));
        Assert.Equal(ExitCodes.InvalidInput, refused.Code);
        Assert.Contains(Path.Combine(folder, "design", "system_description.json") + ": error AIS", refused.Error);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(bounded.Token);
        return (process.ExitCode, await output, await error);
    }

    private static async Task<string> Partial(Task<string> errors, Process process) => process.HasExited ? "\n" + await errors : "";
}
