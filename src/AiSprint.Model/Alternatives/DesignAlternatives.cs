using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;

namespace AiSprint.Model.Alternatives;

/// <summary>
/// The deployments of an annotated application with <c>[Alternative]</c> methods: the DAG of the design document with
/// its alternatives, matched to the project's deployments_performance.yaml, and per deployment the design document
/// in which each alternative stands in for its component (so the ordinary design builder compiles it).
/// </summary>
public static class DesignAlternatives
{
    /// <summary>The application DAG the design document declares, with its alternatives (for <see cref="DeploymentsPerformanceMatch"/>).</summary>
    public static ApplicationDag Dag(DesignDocument design) =>
        new(design.Assembly ?? "application", design.Components.Select(c => c.Name).Distinct().ToValueList(),
            design.Dag.Select(e => new DagEdge(e.From, e.To, new Probability(e.Probability))).ToValueList())
        {
            Alternatives = (design.Alternatives ?? [])
                .GroupBy(a => a.Component)
                .Select(g => new ComponentAlternatives(g.Key, g.Select(a => a.Name).Distinct().ToValueList()))
                .ToValueList(),
        };

    /// <summary>
    /// The design document of one deployment: each replaced component takes its alternative's name, method and
    /// location (an alternative runs no partitioned model of the original's), its edges and constraints follow the
    /// new name, and the edges take the deployment's probabilities.
    /// </summary>
    public static DesignDocument For(DesignDocument design, AlternativeDeployment deployment)
    {
        var components = design.Components.Select(c =>
        {
            var implementation = deployment.ImplementationOf(c.Name);
            if (implementation == c.Name) return c;
            var alternative = design.Alternatives!.First(a => a.Component == c.Name && a.Name == implementation);
            return c with { Name = implementation, Method = alternative.Method, Location = alternative.Location, Partitionable = null, EntryPoint = null };
        }).ToList();
        var edges = design.Dag.Select(e =>
        {
            var (from, to) = (deployment.ImplementationOf(e.From), deployment.ImplementationOf(e.To));
            var probability = deployment.Dependencies.FirstOrDefault(d => d.From == from && d.To == to)?.Probability.Value ?? e.Probability;
            return e with { From = from, To = to, Probability = probability };
        }).ToList();
        return design with
        {
            Components = components,
            Dag = edges,
            LocalConstraints = design.LocalConstraints.Select(l => l with { Component = deployment.ImplementationOf(l.Component) }).ToList(),
            GlobalConstraints = design.GlobalConstraints.Select(g => g with { Path = g.Path.Select(deployment.ImplementationOf).ToList() }).ToList(),
        };
    }

    /// <summary>The deployment identifier the generated code reads (<c>AISPRINT_DEPLOYMENT</c>): the alternatives it runs, comma-separated.</summary>
    public static string Identifier(AlternativeDeployment deployment) =>
        string.Join(",", deployment.Choices.Where(c => c.Implementation != c.Component).Select(c => c.Implementation));

    /// <summary>The design's alternatives matched to the performance file (AIS0032 for each combination it lacks or cannot be).</summary>
    public static IReadOnlyList<AlternativeDeployment> Deployments(DesignDocument design, Located<DeploymentsPerformance> performance, DiagnosticBag diagnostics) =>
        DeploymentsPerformanceMatch.Apply(Dag(design), performance.Value, performance.Map, diagnostics);
}
