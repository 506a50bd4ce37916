using AiSprint.Model;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Formats;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Alternatives;

/// <summary>One deployment of an application with alternatives, converted to the system it places.</summary>
public sealed record DeploymentCandidate(AlternativeDeployment Deployment, SystemDescription System, SourceMap Map);

/// <summary>What placing one deployment found.</summary>
/// <param name="Best">The cheapest feasible placement found, or null.</param>
/// <param name="MaxLambda">The largest arrival rate the placement <see cref="Best"/> sustains unchanged (SPACE4AI-D's
/// per-alternative bound): above it the runtime must re-plan or degrade. Null when infeasible.</param>
/// <param name="MaxLambdaIsBound">False when the placement still held at the largest rate probed, so the true bound is higher.</param>
/// <param name="Infeasibility">Why no placement was found: the constraint that binds, or the input error.</param>
/// <param name="Eligible">Whether the metric meets the threshold (a deployment below it is never chosen).</param>
public sealed record DeploymentOutcome(
    AlternativeDeployment Deployment,
    SearchResult? Search,
    PlacementEvaluation? Best,
    RequestsPerSecond? MaxLambda,
    bool MaxLambdaIsBound,
    string? Infeasibility,
    bool Eligible)
{
    /// <summary>True when the search found a placement of this deployment that meets every constraint.</summary>
    public bool Feasible => Best is { IsFeasible: true };
    /// <summary>The cost of that placement over the horizon; null when none is feasible.</summary>
    public double? Cost => Feasible ? Best!.TotalCost.Value : null;
}

/// <summary>The deployments placed, the one chosen by the objective, and the Pareto front of metric against minimum cost.</summary>
public sealed record DeploymentChoice(
    ApplicationMetric Metric,
    double? Threshold,
    DeploymentObjective Objective,
    RequestsPerSecond Lambda,
    IReadOnlyList<DeploymentOutcome> Outcomes,
    DeploymentOutcome? Chosen,
    IReadOnlyList<DeploymentOutcome> ParetoFront);
