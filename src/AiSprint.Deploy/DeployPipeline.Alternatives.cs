using System.Globalization;
using AiSprint.Contract;
using AiSprint.Deploy.Inputs;
using AiSprint.Deploy.Output;
using AiSprint.Deploy.Reporting;
using AiSprint.Model;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Operations;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Validation;
using AiSprint.Placement.Alternatives;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Reporting;

namespace AiSprint.Deploy;

/// <summary>
/// <c>aisprint deploy</c> for an application with <c>[Alternative]</c> methods: every deployment (combination of
/// implementations) is compiled from the design document and placed, the objective picks one, and the deployment
/// written is that one's, with report.txt showing every deployment, the choice, the Pareto front and
/// deployment/pareto.svg, and the <c>AISPRINT_DEPLOYMENT</c> value that makes the running application use it.
/// </summary>
public sealed partial class DeployPipeline
{
    private DeployStatus PlaceAlternatives(DesignDocument document, string designJson, DesignBuildInputs inputs, string demandSources,
        IReadOnlyList<PartitionDemandSeries> partitionDemands)
    {
        var request = _request;
        var diagnostics = _diagnostics;
        var designLocation = SourceLocation.WholeFile(request.Design);
        if (request.DeploymentsPerformance is not { } performancePath)
        {
            // At the first [Alternative] in the user's code, not at the intermediate design document.
            var at = document.Alternatives!.Select(a => a.Location).FirstOrDefault(l => l is not null) is { } l ? new SourceLocation(l.File, l.Line, l.Column) : designLocation;
            diagnostics.Add(DiagnosticCatalog.MissingDeploymentMetric, at,
                $"the application declares {document.Alternatives!.Count} [Alternative] methods but no deployments performance file; expected the metric of each deployment in a deployments_performance.yaml (the project's AiSprintDeploymentsPerformance item, or --deployments-performance)");
            return DeployStatus.InvalidInput;
        }
        var performance = DeploymentsPerformanceYaml.ReadFile(performancePath);
        diagnostics.AddRange(performance.Diagnostics);
        if (!performance.Succeeded)
        {
            return DeployStatus.InvalidInput;
        }
        var file = performance.Value!;
        // The code's [ApplicationMetric] is the design's word; the file's metric must agree with it.
        var metric = file.Value.Metric;
        var threshold = file.Value.Threshold;
        if (document.ApplicationMetric is { } declared)
        {
            if (declared.MetricName != metric.Name())
            {
                diagnostics.Add(DiagnosticCatalog.UnknownApplicationMetric, file.Map.Locate(DeploymentsPerformanceYaml.MetricKey),
                    $"the file's metric is {metric.Name()} but [ApplicationMetric] declares {declared.MetricName}; expected the metric the values were measured in");
            }
            threshold = declared.Threshold ?? threshold;
        }
        var deployments = DesignAlternatives.Deployments(document, file, diagnostics);
        var candidates = new List<DeploymentCandidate>();
        var compiled = new Dictionary<string, CompiledDesign>(StringComparer.Ordinal);
        foreach (var deployment in deployments)
        {
            // The demands of the implementations this deployment does not run are not unknown components here.
            var others = deployments.SelectMany(d => d.Components).Except(deployment.Components).ToHashSet(StringComparer.Ordinal);
            var own = inputs with { Demands = new DemandTable(inputs.Demands.Entries.Where(e => !others.Contains(e.Component)).ToValueList()) };
            var built = DesignSystemBuilder.Build(DesignAlternatives.For(document, deployment), own);
            foreach (var d in built.Diagnostics.Where(d => !diagnostics.Items.Contains(d))) diagnostics.Add(d);
            if (built.Value is not { } design) continue;
            diagnostics.AddRange(SystemValidator.Validate(design.System, design.Map)
                .Where(d => d.Descriptor != DiagnosticCatalog.ProbabilitiesBelowOne && !diagnostics.Items.Contains(d)));
            compiled[deployment.Name] = design;
            candidates.Add(new DeploymentCandidate(deployment, design.System, design.Map));
        }
        if (diagnostics.HasErrors || candidates.Count != deployments.Count)
        {
            return DeployStatus.InvalidInput;
        }

        var objective = request.CheapestAlternative ? DeploymentObjective.CheapestAboveThreshold : DeploymentObjective.HighestMetric;
        var lambda = candidates[0].System.Lambda;
        var choice = _progress.Run("placing alternative deployments",
            progress => DeploymentSelector.Choose(candidates, metric, threshold, objective, lambda, request.Search, progress));
        var directory = request.Directory;
        var deploymentDirectory = Path.Combine(directory, BuildFolderLayout.DeploymentFolder);
        var reportTextPath = Path.Combine(deploymentDirectory, BuildFolderLayout.ReportTextFile);
        var report = DeploymentChoiceReport.Format(choice);
        AtomicFile.WriteAllText(Path.Combine(deploymentDirectory, ParetoChart.FileName),
            ParetoChart.RenderSvg(choice, $"{document.Assembly}: {metric.Name()} against minimum cost"));
        DeploymentsPerformanceYaml.WriteFile(Path.Combine(directory, BuildFolderLayout.DesignFolder, DeploymentsPerformanceYaml.FileName), metric, threshold, deployments);
        if (choice.Chosen is not { } chosen)
        {
            DeployOutputs.RemovePlacement(directory);
            // A page from an earlier, feasible build would read as current.
            File.Delete(Path.Combine(directory, BuildFolderLayout.ReportHtmlFile));
            var entry = document.Components.FirstOrDefault()?.Location is { } l ? new SourceLocation(l.File, l.Line, l.Column) : designLocation;
            diagnostics.Add(DiagnosticCatalog.InfeasiblePlacement, entry, $"no deployment of the alternatives at or above the metric threshold has a feasible placement (see {reportTextPath})");
            AtomicFile.WriteAllText(reportTextPath, "No deployment has a feasible placement at or above the threshold.\n" + report + demandSources);
            _messages.Add($"no feasible deployment; wrote {directory} (see {reportTextPath})");
            return DeployStatus.Infeasible;
        }

        var (application, system, _) = compiled[chosen.Deployment.Name];
        DesignFolderWriter.Write(directory, designJson, application, system);
        // Every deployment's own design, for a supervisor that must fall back to another at run time (BuildFolderAlternatives).
        foreach (var (name, other) in compiled)
        {
            DesignFolderWriter.Write(Path.Combine(directory, BuildFolderLayout.AlternativesFolder, name), designJson, other.Application, other.System);
        }
        AtomicFile.WriteAllText(Path.Combine(directory, BuildFolderLayout.MonitoringFolder, PrometheusRules.FileName), PrometheusRules.Write(system));
        var solution = SolutionMapping.ToSolution(chosen.Best!);
        var production = ProductionDeploymentBuilder.Build(solution, system, application);
        diagnostics.AddRange(production.Diagnostics);
        if (production.Value is not { } descriptor)
        {
            return DeployStatus.InvalidInput;
        }
        var identifier = DesignAlternatives.Identifier(chosen.Deployment);
        var run = string.Create(CultureInfo.InvariantCulture, $"\nRun it with {AnnotationContract.DeploymentEnvironmentVariable}={identifier}{(identifier.Length == 0 ? " (empty: the original implementations)" : "")}.\n");
        var summary = SearchSummary.Format(chosen.Search!, request.Search);
        var reportText = $"{report}{run}\nPlacement of {chosen.Deployment.Name}:\n{summary}\n{PlacementReport.Format(chosen.Best!)}{demandSources}";
        WritePlacement(directory, solution, descriptor, system, reportText);
        // The page shows the chosen deployment's placement; report.txt (folded in it) has every deployment and the front.
        var html = Path.Combine(directory, BuildFolderLayout.ReportHtmlFile);
        DeploymentReportHtml.WriteFile(html, new DeploymentReport($"{document.Assembly} ({chosen.Deployment.Name})", chosen.Best!.Problem, chosen.Best, reportText,
            Sweep(system, compiled[chosen.Deployment.Name].Map), MeasuredInputs.Comparisons(request.MeasuredReport), partitionDemands));
        _messages.Add($"chose {chosen.Deployment.Name} ({chosen.Deployment.Label}) of {choice.Outcomes.Count} deployments; {AnnotationContract.DeploymentEnvironmentVariable}={identifier}");
        _messages.Add(PlacementSummary.Format(chosen.Best!));
        _messages.Add($"wrote {directory} (see {reportTextPath} and {html})");
        return DeployStatus.Placed;
    }
}
