using AiSprint.Model;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Tests.Search.Exact;

/// <summary>The benchmark instances the exact search is tested on, compiled at Lambda 1.8.</summary>
internal static class ExactInstances
{
    public static readonly RequestsPerSecond Lambda = new(1.8);

    /// <summary>Every 5- and 7-component instance, as paths relative to the shared data root.</summary>
    public static IEnumerable<string> Small() =>
        from size in new[] { "5-components", "7-components" }
        from profile in new[] { "Light", "Strict" }
        from dir in Directory.EnumerateDirectories(SharedData.PathOf("space4ai", "instances", profile, size)).Order(StringComparer.Ordinal)
        select Path.GetRelativePath(SharedData.Root, dir);

    public static SystemDescription System(string instance) =>
        Space4AiSystemReader.Load(Path.Combine(SharedData.Root, instance, "system_description.json")).GetValueOrThrow().Value;

    public static PlacementProblem Problem(string instance) => Build(System(instance), instance);

    public static PlacementProblem Build(SystemDescription system, string instance, RequestsPerSecond? lambda = null)
    {
        var located = Space4AiSystemReader.Load(Path.Combine(SharedData.Root, instance, "system_description.json")).GetValueOrThrow();
        return PlacementProblemBuilder.Build(system, located.Map, lambda ?? Lambda).GetValueOrThrow();
    }

    /// <summary>The recorded best_sol_1.8.json as a decision of <paramref name="problem"/>.</summary>
    public static PlacementDecision Recorded(PlacementProblem problem, string instance)
    {
        var solution = Space4AiSolutionReader.Load(Path.Combine(SharedData.Root, instance, "best_sol_1.8.json")).GetValueOrThrow();
        return SolutionMapping.ToDecision(problem, solution.Value, solution.Map).GetValueOrThrow();
    }
}
