using AiSprint.Deploy.Explanation;
using AiSprint.Deploy.Inputs;
using AiSprint.Deploy.Output;
using AiSprint.Deploy.Reporting;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Operations;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Validation;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;

namespace AiSprint.Deploy;

/// <summary>
/// The build's last step: from the compiled design document, the candidate resources, the demands and the partition
/// manifests it writes the aisprint/ folder — the design files, the cheapest feasible placement as deployment
/// descriptors, the Prometheus rules, the security policy and report.html. When no placement is feasible it says, at the
/// annotations, which constraints cannot be met and what would fix it. <c>aisprint deploy</c> is this entry point's wiring.
/// </summary>
public sealed partial class DeployPipeline
{
    private readonly DeployRequest _request;
    private readonly IStageProgress _progress;
    private readonly DiagnosticBag _diagnostics = new();
    private readonly List<string> _messages = [];

    private DeployPipeline(DeployRequest request, IStageProgress? progress)
    {
        _request = request;
        _progress = progress ?? NoProgress.Instance;
    }

    /// <summary>
    /// Runs one deploy. Invalid input leaves nothing this step writes in <see cref="DeployRequest.Directory"/> (an earlier
    /// build's descriptor would describe a design that no longer holds); an infeasible design leaves the explanation and
    /// no descriptor.
    /// </summary>
    public static DeployOutcome Run(DeployRequest request, IStageProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = new DeployPipeline(request, progress);
        var status = pipeline.Place();
        // Removing report.txt also makes the build rerun the step.
        if (status == DeployStatus.InvalidInput) DeployOutputs.Remove(request.Directory);
        return new DeployOutcome(status, pipeline._diagnostics.Items.ToArray(), pipeline._messages);
    }

    private DeployStatus Place()
    {
        var request = _request;
        var (document, designJson) = DesignInput.Load(request.Design, _diagnostics);
        var resources = CandidateResourcesYaml.ReadFile(request.Resources);
        _diagnostics.AddRange(resources.Diagnostics);
        var tables = AiSprint.Contract.Inputs.DemandsMerge.Order(request.Demands, Path.GetFullPath).Select(DemandTableCsv.Load).ToList();
        foreach (var table in tables) _diagnostics.AddRange(table.Diagnostics);
        var (partitionings, manifests) = PartitionInputs.Load(request.Partitions, _diagnostics);
        var partitionDemands = new List<PartitionDemandSeries>();
        var demandSources = LayerDemandInputs.Apply(partitionings, manifests, request.Onnx, request.LayerModels, _diagnostics, partitionDemands)
            + MeasuredInputs.Section(request.MeasuredReport)
            + EarlyExitInputs.Apply(partitionings, manifests, request.ExitCounts, _diagnostics);
        if (request.SweepPoints < 0)
        {
            _diagnostics.Add(DiagnosticCatalog.InvalidValue, SourceLocation.WholeFile("--sweep-points"),
                $"'{request.SweepPoints}': expected how many arrival rates report.html's sweep places at, 0 or more (0 leaves the chart out)");
        }
        if (document is null || !resources.Succeeded || tables.Any(t => !t.Succeeded) || _diagnostics.HasErrors) return DeployStatus.InvalidInput;

        var inputs = new DesignBuildInputs
        {
            Resources = resources.Value!,
            Demands = DemandTable.Merge(tables.Select(t => t.Value!)),
            Partitionings = partitionings,
            Lambda = request.Lambda,
            DesignFile = request.Design,
        };
        if (document.Alternatives is { Count: > 0 }) return PlaceAlternatives(document, designJson!, inputs, demandSources, partitionDemands);

        var built = DesignSystemBuilder.Build(document, inputs);
        _diagnostics.AddRange(built.Diagnostics);
        if (!built.Succeeded) return DeployStatus.InvalidInput;
        var (application, system, map) = built.Value!;
        // In code, probabilities below 1 are the design (the rest of the requests leave), not a slip in a file: AIS0014 is not reported.
        _diagnostics.AddRange(SystemValidator.Validate(system, map).Where(d => d.Descriptor != DiagnosticCatalog.ProbabilitiesBelowOne));
        var problem = PlacementProblemBuilder.Build(system, map, system.Lambda);
        // The problem builder validates the system again: its errors are those just reported.
        var reported = _diagnostics.Items.ToHashSet();
        _diagnostics.AddRange(problem.Diagnostics.Where(d => !reported.Contains(d)));
        if (_diagnostics.HasErrors || !problem.Succeeded) return DeployStatus.InvalidInput;

        var directory = request.Directory;
        DesignFolderWriter.Write(directory, designJson!, application, system);
        AtomicFile.WriteAllText(Path.Combine(directory, BuildFolderLayout.MonitoringFolder, PrometheusRules.FileName), PrometheusRules.Write(system));

        var result = _progress.Run("placing", progress => PlacementSearch.Run(problem.Value!, request.Search with { Progress = progress }));
        var summary = SearchSummary.Format(result, request.Search);
        var deployment = Path.Combine(directory, BuildFolderLayout.DeploymentFolder);
        var reportText = Path.Combine(deployment, BuildFolderLayout.ReportTextFile);
        var reportHtml = Path.Combine(directory, BuildFolderLayout.ReportHtmlFile);
        DeploymentReport Html(PlacementEvaluation? placement, string text) => new(system.Name ?? Path.GetFileNameWithoutExtension(request.Design), problem.Value!, placement, text,
            Sweep(system, map), MeasuredInputs.Comparisons(request.MeasuredReport), partitionDemands);
        if (!result.Found)
        {
            var explanation = InfeasibilityExplanation.Explain(system, map, problem.Value!, request.Search, request.Explain, _diagnostics);
            // A stale descriptor from an earlier, feasible build would be deployed by mistake: remove it.
            DeployOutputs.RemovePlacement(directory);
            var infeasibleText = $"No feasible placement found.\n{summary}\n{explanation}{demandSources}";
            AtomicFile.WriteAllText(reportText, infeasibleText);
            DeploymentReportHtml.WriteFile(reportHtml, Html(null, infeasibleText));
            AtomicFile.WriteAllText(Path.Combine(directory, BuildFolderLayout.SecurityFolder, SecurityPolicy.FileName), SecurityPolicy.Write(system, null));
            _messages.Add($"no feasible placement; wrote {directory} (see {reportText} and {reportHtml})");
            return DeployStatus.Infeasible;
        }

        var solution = SolutionMapping.ToSolution(result.Best!);
        // The descriptor first: if it cannot be built, nothing of this placement is written.
        var production = ProductionDeploymentBuilder.Build(solution, system, application);
        _diagnostics.AddRange(production.Diagnostics);
        if (production.Value is not { } descriptor) return DeployStatus.InvalidInput;
        var text = $"{summary}\n{PlacementReport.Format(result.Best!)}{demandSources}";
        WritePlacement(directory, solution, descriptor, system, text);
        DeploymentReportHtml.WriteFile(reportHtml, Html(result.Best, text));
        // Two lines the build shows at its default verbosity: the cost, where each component runs and the tightest constraint.
        _messages.Add(PlacementSummary.Format(result.Best!));
        _messages.Add($"wrote {directory} (see {reportText} and {reportHtml})");
        return DeployStatus.Placed;
    }

    /// <summary>solution.json, report.txt, production_deployment.yaml and the security policy of a placement found.</summary>
    private static void WritePlacement(string directory, Solution solution, ProductionDeployment descriptor, SystemDescription system, string reportText)
    {
        var deployment = Path.Combine(directory, BuildFolderLayout.DeploymentFolder);
        Space4AiSolutionWriter.WriteFile(solution, Path.Combine(deployment, BuildFolderLayout.SolutionFile));
        AtomicFile.WriteAllText(Path.Combine(deployment, BuildFolderLayout.ReportTextFile), reportText);
        AtomicFile.WriteAllText(Path.Combine(deployment, ProductionDeploymentYaml.FileName), ProductionDeploymentYaml.Write(descriptor));
        AtomicFile.WriteAllText(Path.Combine(directory, BuildFolderLayout.SecurityFolder, SecurityPolicy.FileName), SecurityPolicy.Write(system, solution));
    }

    /// <summary>
    /// report.html's cost-against-Lambda chart: the placement at N rates from 2·Lambda/N up to twice Lambda, searched with the
    /// probe budget the infeasibility analysis uses (a chart, not a deployment), seeded as the build is.
    /// </summary>
    private IReadOnlyList<SweepPoint> Sweep(SystemDescription system, SourceMap map)
    {
        if (_request.SweepPoints <= 0) return [];
        var step = 2 * system.Lambda.Value / _request.SweepPoints;
        var lambdas = LambdaSweep.Range(step, 2 * system.Lambda.Value, step);
        var options = InfeasibilityAnalysis.ProbeOptions(_request.Search);
        return _progress.Run("placing at other arrival rates", progress => LambdaSweep.Run(system, map, lambdas, options, progress));
    }

    private sealed class NoProgress : IStageProgress
    {
        public static readonly NoProgress Instance = new();

        public T Run<T>(string stage, Func<IProgress<double>?, T> work) => work(null);
    }
}
