using System.Diagnostics;
using System.Globalization;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Benchmarks;

/// <summary>
/// The C++ implementation's scalability benchmark: every instance under
/// ../shared/data/space4ai/instances at Lambda 1.8, at the C++ tool's budget (Random Greedy
/// 10,000 iterations, Local Search 1,666 per elite start), compared with the recorded best cost
/// and the C++ tool's own cost (cpp-baseline.csv). Prints a markdown table for docs/benchmarks.md.
/// </summary>
internal static class PlacementBenchmark
{
    public static int Run(string[] args)
    {
        var threads = Option(args, "--threads") ?? Environment.ProcessorCount;
        var seed = Option(args, "--seed") ?? 1;
        var method = args.Contains("--rg-only") ? SearchMethod.RandomGreedy : args.Contains("--ls") ? SearchMethod.LocalSearch : SearchMethod.Auto;
        var root = SharedData.PathOf("space4ai");
        var baseline = File.ReadAllLines(Path.Combine(root, "cpp-baseline.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (Recorded: double.Parse(f[1], CultureInfo.InvariantCulture), Cpp: double.Parse(f[3], CultureInfo.InvariantCulture), CppWall: double.Parse(f[5], CultureInfo.InvariantCulture), CppCpu: double.Parse(f[6], CultureInfo.InvariantCulture)));
        Console.WriteLine("| instance | recorded best | C++ (reference convention) | ours | ours − best | wall s | CPU s | C++ CPU s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var process = Process.GetCurrentProcess();
        double totalCpu = 0, totalWall = 0;
        int better = 0, equal = 0, worse = 0, count = 0;
        foreach (var directory in Directory.EnumerateDirectories(Path.Combine(root, "instances"), "Ins*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(Path.Combine(root, "instances"), directory);
            var system = Space4AiSystemReader.Load(Path.Combine(directory, "system_description.json")).GetValueOrThrow();
            var problem = PlacementProblemBuilder.Build(system.Value, system.Map, new RequestsPerSecond(1.8)).GetValueOrThrow();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = PlacementSearch.Run(problem, new SearchOptions { Method = method, Seed = seed, Threads = threads });
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            totalCpu += cpu;
            totalWall += wall;
            count++;
            var cost = result.Best?.TotalCost.Value ?? double.PositiveInfinity;
            var reference = baseline.TryGetValue(name, out var b) ? b : (Recorded: double.NaN, Cpp: double.NaN, CppWall: double.NaN, CppCpu: double.NaN);
            var delta = cost - reference.Recorded;
            if (args.Contains("--verbose")) Console.Error.WriteLine($"{name}: RG {result.Statistics.RandomGreedyIterations} iterations, {result.Statistics.RandomGreedyFeasible} feasible; LS {result.Statistics.LocalSearchIterations} iterations, {result.Statistics.LocalSearchImprovements} improvements");
            if (delta < -1e-6) better++; else if (delta > 1e-6) worse++; else equal++;
            Console.WriteLine(FormattableString.Invariant($"| {name} | {reference.Recorded:0.######} | {reference.Cpp:0.######} | {cost:0.######} | {delta:+0.######;-0.######;0} | {wall:0.000} | {cpu:0.000} | {reference.CppCpu:0.000} |"));
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"{count} instances, {threads} thread(s), seed {seed}: cheaper than the recorded best on {better}, equal on {equal}, dearer on {worse}; total wall {totalWall:0.00} s, total CPU {totalCpu:0.00} s"));
        return 0;
    }

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }
}
