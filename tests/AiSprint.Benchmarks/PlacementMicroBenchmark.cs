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

    /// <summary>The "50 components and 100 candidate resources" target: time to a feasible placement.</summary>
    public static int Large(string[] args)
    {
        var system = LargeInstanceGenerator.Generate(50, 100, seed: 1);
        var problem = PlacementProblemBuilder.Build(system, new AiSprint.Model.Formats.SourceMap("synthetic"));
        foreach (var d in problem.Diagnostics) Console.Error.WriteLine(d);
        var clock = Stopwatch.StartNew();
        var result = PlacementSearch.Run(problem.GetValueOrThrow(), new SearchOptions());
        Console.WriteLine($"50 components, 100 resources: {(result.Found ? $"feasible, cost {result.Best!.TotalCost}" : "no feasible placement")} in {clock.Elapsed.TotalSeconds:0.00} s " +
                          $"({result.Statistics.RandomGreedyFeasible} of {result.Statistics.RandomGreedyIterations} Random Greedy draws feasible)");
        return result.Found ? 0 : 1;
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
