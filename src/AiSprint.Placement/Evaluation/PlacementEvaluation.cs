using AiSprint.Model.Units;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Evaluation;

/// <summary>
/// Everything an evaluation computed: cost (total and per edge/VM resource), every partition,
/// component and path time, utilisation, memory and replicas per resource, and the violations.
/// Times are in seconds; arrays are indexed as in <see cref="PlacementProblem"/>.
/// </summary>
public sealed record PlacementEvaluation(
    PlacementProblem Problem,
    PlacementDecision? Decision,
    Money TotalCost,
    double[] NodeCosts,
    double[][] PartitionTimes,
    double[] ComponentTimes,
    double[] PathTimes,
    double[] Utilisation,
    double[] MemoryUsed,
    int[] Replicas,
    IReadOnlyList<Violation> Violations)
{
    public bool IsFeasible => Violations.Count == 0;
}
