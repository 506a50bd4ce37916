using System.Diagnostics;
using System.Globalization;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression;

namespace AiSprint.Benchmarks;

/// <summary>
/// Every aMLLibrary example configuration under ../shared/data/amllibrary, run unchanged: wall time,
/// peak working set, and the validation MAPE of each technique's hp-selected configuration per run
/// (the figures the spec's baseline table gives for aMLLibrary). Configurations that need a capability
/// not implemented yet are listed with the reason instead of a number.
/// </summary>
internal static class RegressionBenchmark
{
    public static int Run(string[] args)
    {
        // CPU seconds (all threads) next to wall time: on a shared machine the wall time grows with other agents' load, the CPU time much less.
        Console.WriteLine($"{Environment.ProcessorCount} cores; load average at start: {LoadAverage()}");
        Console.WriteLine("| configuration | wall s | cpu s | peak working set MB | validation MAPE per technique (per run) |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        var total = 0.0;
        var totalCpu = 0.0;
        foreach (var path in Directory.EnumerateFiles(SharedData.PathOf("amllibrary", "example_configurations"), "*.ini").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var loaded = AmlConfigurationReader.Load(path);
            if (!loaded.Succeeded)
            {
                Console.WriteLine($"| {name} | | | | invalid: {loaded.Diagnostics.First(d => d.IsError).Message} |");
                continue;
            }
            if (loaded.Value!.Configuration.General.IsPredictionOnly)
            {
                Console.WriteLine($"| {name} | | | | prediction configuration (no campaign) |");
                continue;
            }
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            try
            {
                var result = RegressionCampaign.Run(loaded.Value, new RegressionOptions());
                var wall = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                total += wall;
                totalCpu += cpuSeconds;
                var mapes = string.Join("<br>", result.Runs.Select(run =>
                    $"run{run.Run}: " + string.Join(", ", run.Techniques.Select(t => $"{t.Technique} {t.Validation.Mape.ToString("0.000000", CultureInfo.InvariantCulture)}"))));
                Console.WriteLine(FormattableString.Invariant($"| {name} | {wall:0.000} | {cpuSeconds:0.000} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} | {mapes} |"));
            }
            catch (RegressionException ex)
            {
                Console.WriteLine($"| {name} | | | | not run: {ex.Message.Split(':')[0]} — {ex.GetType().Name} |");
            }
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"total wall of the campaigns that ran: {total:0.00} s; CPU {totalCpu:0.00} s; load average at end: {LoadAverage()}"));
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
