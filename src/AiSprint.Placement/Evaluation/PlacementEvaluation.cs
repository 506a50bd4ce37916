using AiSprint.Model.Units;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Evaluation;

/// <summary>
/// Everything an evaluation computed: cost (total and per edge/VM resource), every partition,
/// component and path time, utilisation, memory and replicas per resource, and the violations.
/// Lists are indexed as in <see cref="PlacementProblem"/>; every quantity carries its unit.
/// </summary>
/// <param name="Decision">The placement evaluated; null when it does not assign every partition (then the times are empty).</param>
/// <param name="TotalCost">The cost over the problem's horizon; +∞ when the decision is not a complete assignment.</param>
/// <param name="NodeCosts">Per resource, the cost of its replicas over the horizon (0 for FaaS and unused resources).</param>
/// <param name="PartitionTimes">Per component, per partition in its deployment, the response time (queueing, cold start and early exits included).</param>
/// <param name="ComponentTimes">Per component, the response time, with the transfers between its partitions.</param>
/// <param name="PathTimes">Per global constraint's path, the response time along it.</param>
/// <param name="Utilisation">Per resource, the utilisation of one replica (a fraction; ≥ 1 is saturated).</param>
/// <param name="MemoryUsed">Per resource, the memory its partitions need.</param>
/// <param name="Replicas">Per resource, how many replicas the placement uses (0 when unused).</param>
/// <param name="Violations">Every constraint the placement breaks; empty when it is feasible.</param>
public sealed record PlacementEvaluation(
    PlacementProblem Problem,
    PlacementDecision? Decision,
    Money TotalCost,
    IReadOnlyList<Money> NodeCosts,
    IReadOnlyList<IReadOnlyList<Seconds>> PartitionTimes,
    IReadOnlyList<Seconds> ComponentTimes,
    IReadOnlyList<Seconds> PathTimes,
    IReadOnlyList<double> Utilisation,
    IReadOnlyList<Megabytes> MemoryUsed,
    IReadOnlyList<int> Replicas,
    IReadOnlyList<Violation> Violations)
{
    /// <summary>True when the placement breaks no constraint.</summary>
    public bool IsFeasible => Violations.Count == 0;
}
