using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;

namespace AiSprint.Model.Alternatives;

/// <summary>
/// Ties the entries of deployments_performance.yaml to the deployments the DAG's alternatives make. The Studio does
/// not record which <c>aisprint/deployments/deployment&lt;n&gt;</c> an entry is, so an entry is matched by its set of
/// implementations; its dependencies (whose probabilities are the filter's forwarding fraction, §1.4) replace the DAG's.
/// </summary>
public static class DeploymentsPerformanceMatch
{
    /// <summary>
    /// An application's deployments: with deployments_performance.yaml, matched to its entries (metrics and
    /// probabilities from the file); without it, the DAG's combinations with no metric yet.
    /// </summary>
    public static IReadOnlyList<AlternativeDeployment> ForApplication(Located<AiSprintApplication> application, DiagnosticBag diagnostics) =>
        application.Value.Performance is { } performance
            ? Apply(application.Value.Dag, performance, application.Map, diagnostics)
            : application.Value.Dag.Deployments();

    /// <summary>The DAG's deployments matched to the entries of deployments_performance.yaml; an entry that matches no deployment, or a deployment without an entry, is reported into <paramref name="diagnostics"/> at its line through <paramref name="map"/>.</summary>
    public static IReadOnlyList<AlternativeDeployment> Apply(ApplicationDag dag, DeploymentsPerformance performance, SourceMap map, DiagnosticBag diagnostics)
    {
        var deployments = dag.Deployments();
        var matched = new AlternativeDeployment?[deployments.Count];
        foreach (var entry in performance.Deployments)
        {
            var index = -1;
            for (var i = 0; i < deployments.Count && index < 0; i++)
            {
                if (deployments[i].Components.Order(StringComparer.Ordinal).SequenceEqual(entry.Components.Order(StringComparer.Ordinal))) index = i;
            }
            var location = map.Locate(DeploymentsPerformanceYaml.EntryKey(entry.Name));
            if (index < 0)
            {
                diagnostics.Add(DiagnosticCatalog.MissingDeploymentMetric, location,
                    $"deployment '{entry.Name}' runs {string.Join(", ", entry.Components)}, which is no combination of application_dag.yaml's components and alternatives; " +
                    $"expected one of: {string.Join("; ", deployments.Select(d => d.Label))}");
                continue;
            }
            if (matched[index] is { } earlier)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName, location, $"deployment '{entry.Name}' is the same combination as '{earlier.Name}'; expected each combination once");
                continue;
            }
            // The file's edges, where it gives them, carry the deployment's own probabilities.
            var edges = entry.Dependencies.Count > 0 ? entry.Dependencies : deployments[index].Dependencies;
            matched[index] = deployments[index] with { Name = entry.Name, Dependencies = edges, Metric = entry.MetricValue };
        }
        for (var i = 0; i < deployments.Count; i++)
        {
            if (matched[i] is not null) continue;
            diagnostics.Add(DiagnosticCatalog.MissingDeploymentMetric, map.Locate(DeploymentsPerformanceYaml.MetricKey),
                $"no metric value for the deployment running {deployments[i].Label}; expected an entry with these components and its metric_value in sorted_deployments_performance");
            matched[i] = deployments[i];
        }
        return matched.Select(m => m!).ToList();
    }
}
