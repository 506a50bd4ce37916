using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiSprint.Benchmarks;

/// <summary>
/// What the SDK adds to `dotnet build` of samples/MaskDetection: the time MSBuild spends in the AiSprint targets
/// (from -clp:PerformanceSummary, so compiler and restore time are not counted), for a build with nothing changed
/// and for a build after a threshold edit. The edit is made in place and always reverted.
/// </summary>
internal static partial class BuildOverheadBenchmark
{
    public static int Run(string[] args)
    {
        var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var project = Path.Combine(RepositoryRoot(), "samples", "MaskDetection");
        var source = Path.Combine(project, "MaskPipeline.cs");
        var original = File.ReadAllText(source);
        Console.WriteLine($"{Environment.ProcessorCount} cores; samples/MaskDetection; best and median of {repetitions} builds; SDK time = sum of the AiSprint targets");
        Build(project); // warm: restore, compile, train, partition, place
        try
        {
            Report("no change", Enumerable.Range(0, repetitions).Select(_ => Build(project)).ToList());
            var edits = new List<(double, double)>();
            for (var i = 0; i < repetitions; i++)
            {
                // Alternate the global threshold between two values so every build sees a real change.
                File.WriteAllText(source, original.Replace("30, TimeUnit.Milliseconds", $"{31 + i % 2}, TimeUnit.Milliseconds", StringComparison.Ordinal));
                edits.Add(Build(project));
            }
            Report("threshold changed", edits);
        }
        finally
        {
            File.WriteAllText(source, original);
            Build(project);
        }
        return 0;
    }

    private static void Report(string name, List<(double Sdk, double Total)> runs)
    {
        var sdk = runs.Select(r => r.Sdk).Order().ToList();
        var total = runs.Select(r => r.Total).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-18} SDK targets: best {sdk[0]:0.000} s, median {sdk[sdk.Count / 2]:0.000} s; whole dotnet build: best {total[0]:0.00} s, median {total[total.Count / 2]:0.00} s"));
    }

    [GeneratedRegex(@"^\s*(?<ms>[\d,.]+) ms\s+(?<target>_?AiSprint\w+)\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex TargetLine();

    private static (double Sdk, double Total) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "build", project, "-nodeReuse:false", "-clp:PerformanceSummary", "-v:m" }) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var total = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet build failed:\n{output}\n{error.Result}");
        // The summary lists each target once (its inclusive time within that project).
        var summary = output[output.LastIndexOf("Target Performance Summary", StringComparison.Ordinal)..];
        var sdk = TargetLine().Matches(summary).Sum(m => double.Parse(m.Groups["ms"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)) / 1000;
        return (sdk, total);
    }

    private static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "AiSprint.Sdk.sln"))) directory = Path.GetDirectoryName(directory) ?? throw new DirectoryNotFoundException("AiSprint.Sdk.sln not found above the benchmark");
        return directory;
    }
}
