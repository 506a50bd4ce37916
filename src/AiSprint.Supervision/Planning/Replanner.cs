using System.Globalization;
using AiSprint.Model;
using AiSprint.Model.Formats;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Supervision.Planning;

/// <summary>What a plan decided.</summary>
public enum DecisionKind
{
    /// <summary>A new placement of the same application.</summary>
    Replan,
    /// <summary>No placement of the application is feasible at the observed load: a degraded alternative is.</summary>
    Fallback,
    /// <summary>Nothing is feasible, not even an alternative: the placement in force stays, and the decision says so.</summary>
    Infeasible,
    /// <summary>Nothing to re-plan (a metric drift): reported only.</summary>
    Notify,
}

/// <summary>
/// A plan: the chosen placement (evaluated on <paramref name="System"/>, the design at the observed Lambda with the
/// re-estimated demands), how many components it moves and the objective it won with.
/// </summary>
internal sealed record Plan(DecisionKind Kind, SystemDescription System, SourceMap Map, PlacementEvaluation? Chosen, int Moved, string? Alternative, string Explanation)
{
    public AlternativeDeployment? FallbackTo { get; init; }
}

/// <summary>
/// Plan: re-runs the placement engine (the same <see cref="PlacementSearch"/> the build uses, within a wall-time
/// budget) on the design at the observed Lambda with the re-estimated demands, and chooses among the engine's best,
/// the placement in force with its replica counts refitted, and every mix of the two (a component keeps its place or
/// takes the engine's) the one that minimises cost + migration penalty × cost in force × components moved. When none
/// is feasible it falls back to the best feasible degraded alternative.
/// </summary>
internal sealed class Replanner(SupervisorOptions options, IAlternativeDeploymentSource alternatives)
{
    /// <summary>Mixes are enumerated when the engine's best moves at most this many components (2^n evaluations).</summary>
    private const int MaxMixedComponents = 12;

    public Plan Plan(PlacementInForce inForce, double observedLambda, IReadOnlyDictionary<string, double> demandRatios, CancellationToken cancellation)
    {
        var system = Redesign(inForce.System, observedLambda, demandRatios);
        var built = PlacementProblemBuilder.Build(system, inForce.Map, system.Lambda);
        if (built.Value is not { } problem)
        {
            return new Plan(DecisionKind.Infeasible, system, inForce.Map, null, 0, null,
                "the design at the observed load is not a valid placement problem: " + string.Join("; ", built.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        }

        var candidates = new List<PlacementEvaluation>();
        var kept = SolutionMapping.ToDecision(problem, inForce.Solution, inForce.Map).Value;
        if (kept is not null) candidates.Add(ReplicaFitter.Fit(problem, kept));
        var search = PlacementSearch.Run(problem, SearchOptions(options.PlanningBudget, cancellation));
        if (search.Best is { Decision: { } best } && kept is not null)
        {
            var differing = Enumerable.Range(0, problem.Components.Count).Where(c => Moves(kept, best, c)).ToList();
            if (differing.Count <= MaxMixedComponents)
            {
                for (var mask = 1; mask < 1 << differing.Count; mask++)
                {
                    var mix = kept.Clone();
                    for (var i = 0; i < differing.Count; i++)
                    {
                        if ((mask & (1 << i)) == 0) continue;
                        var c = differing[i];
                        mix.Deployments[c] = best.Deployments[c];
                        mix.Resources[c] = [.. best.Resources[c]];
                        mix.Replicas[c] = [.. best.Replicas[c]];
                    }
                    candidates.Add(ReplicaFitter.Fit(problem, mix));
                }
            }
            else
            {
                candidates.Add(ReplicaFitter.Fit(problem, best));
            }
        }
        else if (search.Best is { Decision: not null } only)
        {
            candidates.Add(only);
        }

        var penalty = options.MigrationPenalty * inForce.Cost;
        var chosen = candidates.Where(e => e.IsFeasible && e.Decision is not null)
            .Select(e => (Evaluation: e, Moved: kept is null ? problem.Components.Count : MovedCount(kept, e.Decision!)))
            .OrderBy(x => x.Evaluation.TotalCost.Value + penalty * x.Moved).ThenBy(x => x.Moved)
            .FirstOrDefault();
        if (chosen.Evaluation is not null)
        {
            var objective = chosen.Evaluation.TotalCost.Value + penalty * chosen.Moved;
            var engine = search.Best is { IsFeasible: true } e ? e.TotalCost.Value : double.NaN;
            return new Plan(DecisionKind.Replan, system, inForce.Map, chosen.Evaluation, chosen.Moved, null,
                $"placed at {F(observedLambda)} req/s by {search.Method} in {search.Elapsed.TotalSeconds:0.##} s; chose cost {F(chosen.Evaluation.TotalCost.Value)} moving {chosen.Moved} component(s) " +
                $"(objective cost + {F(options.MigrationPenalty)} × {F(inForce.Cost)} per move = {F(objective)}; the engine's cheapest costs {F(engine)})");
        }
        return Fallback(system, inForce, observedLambda, cancellation);
    }

    private Plan Fallback(SystemDescription system, PlacementInForce inForce, double observedLambda, CancellationToken cancellation)
    {
        var all = alternatives.Read();
        var tried = new List<string>();
        foreach (var alternative in DegradedFallback.Order(all, options.QualityMetric))
        {
            var design = alternative.System with { Lambda = new RequestsPerSecond(observedLambda) };
            var map = new SourceMap(alternative.Name);
            var built = PlacementProblemBuilder.Build(design, map, design.Lambda);
            if (built.Value is null)
            {
                tried.Add($"{alternative.Name} (not a valid design)");
                continue;
            }
            var result = PlacementSearch.Run(built.Value, SearchOptions(options.PlanningBudget / Math.Max(1, all.Count), cancellation));
            if (result.Best is { IsFeasible: true } best)
            {
                var metric = alternative.Metrics.TryGetValue(options.QualityMetric, out var value) ? $"{options.QualityMetric} {F(value)}" : $"no {options.QualityMetric}";
                return new Plan(DecisionKind.Fallback, design, map, best, inForce.Problem.Components.Count, alternative.Name,
                    $"no placement of the application is feasible at {F(observedLambda)} req/s; fell back to the alternative {alternative.Name} ({metric}), cost {F(best.TotalCost.Value)}" +
                    (tried.Count > 0 ? $", after {string.Join(", ", tried)} (infeasible)" : ""))
                { FallbackTo = alternative };
            }
            tried.Add(alternative.Name);
        }
        return new Plan(DecisionKind.Infeasible, system, inForce.Map, null, 0, null,
            $"no placement is feasible at {F(observedLambda)} req/s" + (all.Count == 0 ? " and no alternative deployment is known" : $", nor for any alternative ({string.Join(", ", tried)})") +
            "; the placement in force stays");
    }

    /// <summary>The design at the observed Lambda; a component whose demand was off design has every demand scaled by the measured ratio.</summary>
    internal static SystemDescription Redesign(SystemDescription system, double lambda, IReadOnlyDictionary<string, double> ratios) => system with
    {
        Lambda = new RequestsPerSecond(lambda),
        Components = system.Components.Select(c => ratios.TryGetValue(c.Name, out var ratio) ? Scale(c, ratio) : c).ToValueList(),
    };

    // The ratio measured on the resource in use is the best evidence there is about the others: a component that does more
    // work per call than designed does so everywhere. Scaling only the resource in use would bias the search away from it.
    private static Component Scale(Component component, double ratio) => component with
    {
        Deployments = component.Deployments.Select(d => d with
        {
            Partitions = d.Partitions.Select(p => p with
            {
                Candidates = p.Candidates.Select(c => c with
                {
                    Performance = c.Performance switch
                    {
                        QueueingDemand q => q with { Demand = ratio * q.Demand },
                        FaasDemand f => f with { Warm = ratio * f.Warm, Cold = ratio * f.Cold },
                        var other => other,
                    },
                }).ToValueList(),
            }).ToValueList(),
        }).ToValueList(),
    };

    private SearchOptions SearchOptions(TimeSpan budget, CancellationToken cancellation) => new()
    {
        Seed = options.Seed,
        TimeLimit = budget,
        Cancellation = cancellation,
    };

    internal static int MovedCount(PlacementDecision from, PlacementDecision to) =>
        Enumerable.Range(0, from.Deployments.Length).Count(c => Moves(from, to, c));

    /// <summary>A component moves when its deployment or any partition's resource changes; a new replica count is no move.</summary>
    private static bool Moves(PlacementDecision from, PlacementDecision to, int c) =>
        from.Deployments[c] != to.Deployments[c] || !from.Resources[c].AsSpan().SequenceEqual(to.Resources[c]);

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
