using System.Globalization;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Units;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Alternatives;

/// <summary>
/// Chooses a deployment of an application with alternatives <i>and</i> its placement: each deployment is placed by the
/// ordinary search (same options, same seed, one after the other, so the result is deterministic for a seed), then the
/// objective picks one. This is also the runtime's hook to degrade: given the deployments and the system as it now is
/// (a new Lambda, resources gone), call <see cref="Choose"/> again.
/// </summary>
public static class DeploymentSelector
{
    /// <summary>How many doublings of Lambda the per-deployment bound probes before it calls the placement unbounded.</summary>
    private const int MaxDoublings = 20;
    private const int BisectionSteps = 30;

    /// <summary>Places every candidate deployment at <paramref name="lambda"/> and picks one by <paramref name="objective"/> among those whose metric reaches <paramref name="threshold"/> (all when null), with each one's largest sustainable Lambda. <paramref name="progress"/> receives the fraction done, in [0, 1].</summary>
    public static DeploymentChoice Choose(IReadOnlyList<DeploymentCandidate> candidates, ApplicationMetric metric, double? threshold, DeploymentObjective objective,
        RequestsPerSecond lambda, SearchOptions options, IProgress<double>? progress = null)
    {
        var outcomes = new List<DeploymentOutcome>();
        for (var i = 0; i < candidates.Count; i++)
        {
            outcomes.Add(Place(candidates[i], threshold, lambda, options));
            progress?.Report((i + 1.0) / candidates.Count);
        }
        return new DeploymentChoice(metric, threshold, objective, lambda, outcomes, Pick(outcomes, objective), ParetoFront(outcomes));
    }

    /// <summary>The objective's pick among feasible, eligible outcomes; deterministic ties by name.</summary>
    public static DeploymentOutcome? Pick(IReadOnlyList<DeploymentOutcome> outcomes, DeploymentObjective objective)
    {
        var eligible = outcomes.Where(o => o.Eligible && o.Feasible).ToList();
        return objective switch
        {
            DeploymentObjective.HighestMetric => eligible.OrderByDescending(o => o.Deployment.Metric).ThenBy(o => o.Cost).ThenBy(o => o.Deployment.Name, StringComparer.Ordinal).FirstOrDefault(),
            _ => eligible.OrderBy(o => o.Cost).ThenByDescending(o => o.Deployment.Metric).ThenBy(o => o.Deployment.Name, StringComparer.Ordinal).FirstOrDefault(),
        };
    }

    /// <summary>Feasible deployments that no other beats on both the metric (higher) and the cost (lower), best metric first.</summary>
    public static IReadOnlyList<DeploymentOutcome> ParetoFront(IReadOnlyList<DeploymentOutcome> outcomes)
    {
        var feasible = outcomes.Where(o => o.Feasible && o.Deployment.Metric is not null).ToList();
        return feasible
            .Where(o => !feasible.Any(other => other != o
                && other.Deployment.Metric >= o.Deployment.Metric && other.Cost <= o.Cost
                && (other.Deployment.Metric > o.Deployment.Metric || other.Cost < o.Cost)))
            .OrderByDescending(o => o.Deployment.Metric).ThenBy(o => o.Cost).ThenBy(o => o.Deployment.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static DeploymentOutcome Place(DeploymentCandidate candidate, double? threshold, RequestsPerSecond lambda, SearchOptions options)
    {
        var deployment = candidate.Deployment;
        var eligible = deployment.Metric is { } m && (threshold is not { } t || m >= t);
        var built = PlacementProblemBuilder.Build(candidate.System, candidate.Map, lambda);
        if (!built.Succeeded)
        {
            var error = built.Diagnostics.First(d => d.IsError);
            return new DeploymentOutcome(deployment, null, null, null, false, $"{error.Code}: {error.Message}", eligible);
        }
        var problem = built.Value!;
        var search = PlacementSearch.Run(problem, options with { Progress = null });
        if (!search.Found)
        {
            return new DeploymentOutcome(deployment, search, search.Best, null, false, Explain(candidate, problem, search, lambda, options), eligible);
        }
        var (max, bounded) = MaxLambda(candidate, search.Best!.Decision!, lambda);
        return new DeploymentOutcome(deployment, search, search.Best, max, bounded, null, eligible);
    }

    /// <summary>
    /// The largest Lambda at which this placement, unchanged, stays feasible: SPACE4AI-D's BinarySearch per alternative
    /// (§1.5), found by doubling then bisecting to 2^-30 of the bracket.
    /// </summary>
    public static (RequestsPerSecond Lambda, bool Bounded) MaxLambda(DeploymentCandidate candidate, PlacementDecision decision, RequestsPerSecond lambda)
    {
        bool Holds(double rate) =>
            PlacementProblemBuilder.Build(candidate.System, candidate.Map, new RequestsPerSecond(rate)) is { Succeeded: true } p
            && PlacementEvaluator.Evaluate(p.Value!, decision).IsFeasible;
        var low = lambda.Value;
        var high = Math.Max(low * 2, 1e-3);
        var doublings = 0;
        while (Holds(high))
        {
            low = high;
            high *= 2;
            if (++doublings >= MaxDoublings) return (new RequestsPerSecond(low), false);
        }
        for (var i = 0; i < BisectionSteps; i++)
        {
            var middle = (low + high) / 2;
            if (Holds(middle)) low = middle;
            else high = middle;
        }
        return (new RequestsPerSecond(low), true);
    }

    /// <summary>
    /// The constraint that binds, named: first one no placement can meet even at its best case; else the one whose
    /// relaxation alone makes the deployment feasible; else what the best infeasible placement violated.
    /// </summary>
    private static string Explain(DeploymentCandidate candidate, PlacementProblem problem, SearchResult search, RequestsPerSecond lambda, SearchOptions options)
    {
        if (InfeasibilityAnalysis.ImpossibleConstraints(problem).FirstOrDefault() is { } impossible)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{(impossible.IsGlobal ? "path" : "component")} {impossible.Name} cannot meet its threshold of {impossible.Threshold.Value:0.####} s: its best case is {impossible.BestCase.Value:0.####} s ({impossible.Breakdown})");
        }
        if (InfeasibilityAnalysis.BindingConstraints(candidate.System, candidate.Map, lambda, InfeasibilityAnalysis.ProbeOptions(options)).FirstOrDefault() is { } binding)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{(binding.IsGlobal ? "path" : "component")} {binding.Name} binds: its threshold of {binding.Threshold.Value:0.####} s would need {binding.Needed.Value:0.####} s");
        }
        if (search.Best?.Violations.FirstOrDefault() is { } violation) return $"{violation.Kind}: {violation.Message}";
        return "no placement was found within the search budget";
    }
}
