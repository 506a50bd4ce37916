using AiSprint.Model;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Supervision.Planning;

/// <summary>
/// The placement the application runs on and the design it was planned for: the system (with the Lambda and the demands
/// it was planned at), its evaluation, and the version folder that holds it (v0001 = the build's).
/// </summary>
public sealed record PlacementInForce(
    int Version,
    SystemDescription System,
    SourceMap Map,
    PlacementProblem Problem,
    PlacementEvaluation Evaluation,
    Solution Solution,
    AiSprintApplication? Application)
{
    /// <summary>The arrival rate the placement was planned for, req/s.</summary>
    public double Lambda => System.Lambda.Value;
    /// <summary>The placement's cost over the design's horizon.</summary>
    public double Cost => Evaluation.TotalCost.Value;
    /// <summary>The resource chosen for every partition.</summary>
    public PlacementDecision Decision => Evaluation.Decision!;

    /// <summary>The entry components: those no DAG edge leads to (each receives Lambda).</summary>
    public IReadOnlyList<string> EntryComponents =>
        [.. System.Components.Select(c => c.Name).Where(name => !System.Dag.Any(e => e.To == name))];

    /// <summary>Where each component runs: "VM1 ×2" or, for several partitions, "h1 on VM1 ×1, h2 on F1".</summary>
    public string Where(int component) => Describe(Problem, Decision, component);

    /// <summary>
    /// The design demand (s) of a component whose chosen deployment is one partition on an edge device or a VM: the only
    /// case where a component's measured time is that partition's time on that resource. Null otherwise.
    /// </summary>
    public (string Resource, double Demand, int Replicas)? SingleNodeDemand(int component)
    {
        var slot = Problem.Components[component].Deployments[Decision.Deployments[component]];
        if (slot.Partitions.Count != 1) return null;
        var resource = Decision.Resources[component][0];
        if (Problem.Resources[resource].IsFaas) return null;
        return slot.Partitions[0].CandidateOn(resource) is { } candidate
            ? (Problem.Resources[resource].Name, candidate.Demand.Value, Decision.Replicas[component][0])
            : null;
    }

    internal static string Describe(PlacementProblem problem, PlacementDecision decision, int component)
    {
        var slot = problem.Components[component].Deployments[decision.Deployments[component]];
        string On(int k)
        {
            var resource = problem.Resources[decision.Resources[component][k]];
            return resource.IsFaas ? resource.Name : $"{resource.Name} ×{decision.Replicas[component][k]}";
        }
        return slot.Partitions.Count == 1
            ? On(0)
            : string.Join(", ", slot.Partitions.Select((p, k) => $"{p.Name} on {On(k)}"));
    }
}
