using System.Diagnostics;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Benchmarks;

/// <summary>Per-operation costs of the placement search's inner loop on one instance (ns per call).</summary>
internal static class PlacementMicroBenchmark
{
    public static int Run(string[] args)
    {
        var instance = args.FirstOrDefault() ?? "Light/15-components/Ins1";
        var system = Space4AiSystemReader.Load(SharedData.PathOf("space4ai", "instances", instance, "system_description.json")).GetValueOrThrow();
        var problem = PlacementProblemBuilder.Build(system.Value, system.Map, new RequestsPerSecond(1.8)).GetValueOrThrow();
        var scratch = new DecisionScratch(problem);
        var random = new SearchRandom(1);
        const int n = 200_000;
        Time("draw", n, () => RandomGreedy.Draw(scratch, random));
        Time("lower bound", n, () => scratch.CostLowerBound());
        Time("cost (early exit)", n, () => scratch.Cost());
        var solution = Space4AiSolutionReader.Load(SharedData.PathOf("space4ai", "instances", instance, "best_sol_1.8.json")).GetValueOrThrow();
        scratch.Load(SolutionMapping.ToDecision(problem, solution.Value, solution.Map).GetValueOrThrow());
        Time("cost (feasible, full)", n, () => scratch.Cost());
        Time("shrink", n / 10, () => ClusterShrinker.Shrink(scratch));
        return 0;
    }

    private static void Time(string what, int count, Action action)
    {
        for (var i = 0; i < count / 10; i++) action();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) action();
        Console.WriteLine($"{what,-24} {clock.Elapsed.TotalMilliseconds * 1e6 / count,8:0} ns");
    }

    private static void Time(string what, int count, Func<object> action) => Time(what, count, () => { _ = action(); });
    private static void Time(string what, int count, Func<double> action) => Time(what, count, () => { _ = action(); });
    private static void Time(string what, int count, Func<bool> action) => Time(what, count, () => { _ = action(); });
}
