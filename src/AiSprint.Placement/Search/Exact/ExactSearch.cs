using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search.Exact;

/// <summary>
/// An exact method for small instances (issue 5): a depth-first branch-and-bound over the
/// components in topological order — first a deployment, then a resource for each of its
/// partitions — with admissible bounds on cost and response time, and an exact search over the
/// replica counts (one per edge/VM resource) at each complete assignment, run in passes under a
/// rising cost ceiling (iterative deepening on the bound). It proves optimality, proves
/// infeasibility, or, when a limit stops it, reports a proven lower bound (the gap).
/// <para>
/// Single-threaded and deterministic: the same problem and options give the same nodes, the same
/// result and, unless a time limit or cancellation cuts the search, the same node count. Every
/// solution it returns was accepted by <see cref="PlacementEvaluator.CostIfFeasible"/>, the single
/// source of truth for feasibility and cost; the bounds only decide what need not be looked at.
/// </para>
/// </summary>
internal static class ExactSearch
{
    public static ExactResult Solve(PlacementProblem problem, ExactOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Incumbent is { } incumbent && (incumbent.Deployments.Length != problem.Components.Count
            || incumbent.Resources.Length != problem.Components.Count || incumbent.Replicas.Length != problem.Components.Count))
        {
            throw new ArgumentException($"the incumbent places {incumbent.Deployments.Length} components; the problem has {problem.Components.Count}", nameof(options));
        }
        return new BranchAndBound(problem, options).Run();
    }
}
