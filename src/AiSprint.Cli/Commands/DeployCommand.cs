using System.CommandLine;
using System.Globalization;
using AiSprint.Cli.Reporting;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Operations;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Model.Validation;
using AiSprint.Onnx.Extraction;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;
using AiSprint.Profiling.Components;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint deploy</c>: the build's last step. From the compiled design document, the candidate resources,
/// the demands and the partition manifests it writes the design files, the cheapest feasible placement as
/// deployment descriptors, the Prometheus rules and the security policy. When no placement is feasible it
/// says, at the annotations, which constraints cannot be met and what would fix it.
/// </summary>
internal static partial class DeployCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var design = new Argument<string>("design") { Description = "The design document: a compiled assembly (.dll/.exe) or its JSON (aisprint design)." };
        var resources = new Option<string>("--resources") { Description = "The candidate resources (AI-SPRINT candidate_resources.yaml).", Required = true };
        var demands = new Option<string[]>("--demands") { Description = "A demands CSV (component,resource,demand_ms[,cold_ms]); repeatable. Files merge as the analyzers merge them: hand-written ones, then the build's predictions (under aisprint/demands/), then demands measured on this machine (aisprint/measured/), each in path order, a later file's row winning." };
        var partitions = new Option<string[]>("--partition") { Description = "COMPONENT=MANIFEST: the partition manifest (aisprint partition) of a [Partitionable] component; repeatable." };
        var onnx = new Option<string[]>("--onnx") { Description = "COMPONENT=MODEL.onnx: the source model of a partitioned component, for per-layer demands; repeatable." };
        var layerModels = new Option<string[]>("--layer-model") { Description = "RESOURCE=LAYERS.json: a per-layer model (aisprint layers train) measured on a candidate resource; it gives partitions their demand there instead of the FLOP share. Repeatable." };
        var lambda = new Option<double?>("--lambda") { Description = "Arrival rate in req/s (default: [ExpectedThroughput] of the entry component)." };
        var outputDirectory = new Option<string>("--output", "-o") { Description = "The aisprint/ directory to write.", Required = true };
        var measured = new Option<string?>("--measured") { Description = "The measured-vs-predicted summary of a profile (aisprint profile-report -o FILE) to show in report.txt, beside the demands it gave." };
        var sweepPoints = new Option<int>("--sweep-points")
        {
            Description = "How many arrival rates report.html's cost-against-Lambda chart places at (2·Lambda/N, 4·Lambda/N, ... up to 2·Lambda, with a shorter search than the build's); 0 leaves the chart out.",
            DefaultValueFactory = _ => 8,
        };
        var exitCounts = new Option<string[]>("--exit-counts") { Description = "A measured exit-counts CSV (component,exit,requests; EarlyExitCountsRecorder writes it from the aisprint.early_exit.requests counter): its exit probabilities replace the declared ones of early-exit components; repeatable." };
        var explain = new Option<bool>("--no-explain") { Description = "When no placement is feasible, skip the search for the relaxation and the largest Lambda that would be feasible." };
        var performance = new Option<string?>("--deployments-performance")
        {
            Description = "For an application with [Alternative] methods: the metric of each deployment (the AI-SPRINT Studio's deployments_performance.yaml; the project's AiSprintDeploymentsPerformance item).",
        };
        var objective = new Option<string>("--objective")
        {
            Description = "For an application with alternatives: highest-metric (SPACE4AI-R's rule) or cheapest (the cheapest feasible placement whose metric meets the threshold).",
            DefaultValueFactory = _ => "highest-metric",
        };
        objective.AcceptOnlyFromAmong("highest-metric", "cheapest");
        var search = new SearchOptionSet();
        var command = new Command("deploy",
            "Place an annotated application and write its deployment: design/ (system_description.json, AI-SPRINT YAML),\n" +
            "deployment/ (production_deployment.yaml, solution.json, report.txt), monitoring/rules.yml, security/policy.yaml,\n" +
            "and report.html (the DAG, constraints, costs and charts in one self-contained page).\n" +
            "Exit code 0 with a placement, 3 when none is feasible (warnings AIS0050/AIS0051 say why), 1 on invalid input.")
        {
            design, resources, demands, partitions, onnx, layerModels, lambda, outputDirectory, explain, measured, performance, objective, sweepPoints, exitCounts,
        };
        foreach (var option in search.All) command.Options.Add(option);
        command.SetAction((parse, cancellation) =>
        {
            var request = new DeployRequest(
                parse.GetValue(design)!, parse.GetValue(resources)!, parse.GetValue(demands) ?? [], parse.GetValue(partitions) ?? [],
                parse.GetValue(onnx) ?? [], parse.GetValue(layerModels) ?? [],
                parse.GetValue(lambda) is { } l ? new RequestsPerSecond(l) : null, parse.GetValue(outputDirectory)!,
                search.Parse(parse, cancellation), !parse.GetValue(explain), parse.GetValue(measured), parse.GetValue(sweepPoints))
            {
                DeploymentsPerformance = parse.GetValue(performance),
                CheapestAlternative = parse.GetValue(objective) == "cheapest",
                ExitCounts = parse.GetValue(exitCounts) ?? [],
            };
            return Task.FromResult(Run(request, output, error));
        });
        return command;
    }

    /// <summary>The profile's measured-vs-predicted lines, for the report: which demands came from this machine and how well the model fits them.</summary>
    private static string MeasuredSection(string? path)
    {
        if (path is null || !File.Exists(path)) return "";
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return lines.Length == 0 ? "" : "\nMeasured on this machine (aisprint profile) against the performance model's predictions:\n" + string.Concat(lines.Select(l => "  " + l + "\n"));
    }

    private sealed record DeployRequest(string Design, string Resources, string[] Demands, string[] Partitions, string[] Onnx, string[] LayerModels,
        RequestsPerSecond? Lambda, string Directory, SearchOptions Search, bool Explain, string? MeasuredReport = null, int SweepPoints = 8)
    {
        public string? DeploymentsPerformance { get; init; }
        public bool CheapestAlternative { get; init; }
        public string[]? ExitCounts { get; init; }
    }

    private static int Run(DeployRequest request, TextWriter output, TextWriter error)
    {
        var code = Place(request, output, error);
        // A failed deploy must leave nothing that reads as current: an earlier build's descriptor and "feasible" report
        // would describe a design that no longer holds. Removing report.txt also makes the build rerun the step.
        if (code == ExitCodes.InvalidInput) DeployOutputs.Remove(request.Directory);
        return code;
    }

    private static int Place(DeployRequest request, TextWriter output, TextWriter error)
    {
        var diagnostics = new DiagnosticBag();
        var (document, designJson) = LoadDesign(request.Design, diagnostics);
        var resources = CandidateResourcesYaml.ReadFile(request.Resources);
        diagnostics.AddRange(resources.Diagnostics);
        var tables = AiSprint.Contract.Inputs.DemandsMerge.Order(request.Demands, p => Path.GetFullPath(p)).Select(DemandTableCsv.Load).ToList();
        foreach (var table in tables) diagnostics.AddRange(table.Diagnostics);
        var manifests = new Dictionary<string, PartitionManifest>(StringComparer.Ordinal);
        var partitionings = LoadPartitionings(request.Partitions, diagnostics, manifests);
        var partitionDemands = new List<PartitionDemandSeries>();
        var demandSources = LayerDemandInputs.Apply(partitionings, manifests, request.Onnx, request.LayerModels, diagnostics, partitionDemands)
            + MeasuredSection(request.MeasuredReport)
            + EarlyExitInputs.Apply(partitionings, manifests, request.ExitCounts ?? [], diagnostics);
        if (request.SweepPoints < 0)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, SourceLocation.WholeFile("--sweep-points"),
                $"'{request.SweepPoints}': expected how many arrival rates report.html's sweep places at, 0 or more (0 leaves the chart out)");
        }
        if (document is null || !resources.Succeeded || tables.Any(t => !t.Succeeded) || diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.Items, error);
            return ExitCodes.InvalidInput;
        }

        if (document.Alternatives is { Count: > 0 })
        {
            return PlaceAlternatives(request, document, designJson!, new DesignBuildInputs
            {
                Resources = resources.Value!,
                Demands = DemandTable.Merge(tables.Select(t => t.Value!)),
                Partitionings = partitionings,
                Lambda = request.Lambda,
                DesignFile = request.Design,
            }, demandSources, partitionDemands, diagnostics, output, error);
        }

        var built = DesignSystemBuilder.Build(document, new DesignBuildInputs
        {
            Resources = resources.Value!,
            Demands = DemandTable.Merge(tables.Select(t => t.Value!)),
            Partitionings = partitionings,
            Lambda = request.Lambda,
            DesignFile = request.Design,
        });
        diagnostics.AddRange(built.Diagnostics);
        if (!built.Succeeded)
        {
            DiagnosticPrinter.Print(diagnostics.Items, error);
            return ExitCodes.InvalidInput;
        }
        var (application, system, map) = built.Value!;
        // In code, probabilities below 1 are the design (the rest of the requests leave), not a slip in a file: AIS0014 is not reported.
        diagnostics.AddRange(SystemValidator.Validate(system, map).Where(d => d.Descriptor != DiagnosticCatalog.ProbabilitiesBelowOne));
        var problem = PlacementProblemBuilder.Build(system, map, system.Lambda);
        // The problem builder validates the system again: its errors are those just reported.
        var reported = diagnostics.Items.ToHashSet();
        diagnostics.AddRange(problem.Diagnostics.Where(d => !reported.Contains(d)));
        if (diagnostics.HasErrors || !problem.Succeeded)
        {
            DiagnosticPrinter.Print(diagnostics.Items, error);
            return ExitCodes.InvalidInput;
        }

        var directory = request.Directory;
        WriteDesign(directory, designJson!, application, system);
        AtomicFile.WriteAllText(Path.Combine(directory, "monitoring", PrometheusRules.FileName), PrometheusRules.Write(system));

        var result = ProgressDisplay.Run(error, "placing", progress => PlacementSearch.Run(problem.Value!, request.Search with { Progress = progress }));
        var summary = PlaceCommand.Summary(result, request.Search);
        var deployment = Path.Combine(directory, "deployment");
        DeploymentReport Html(PlacementEvaluation? placement, string text) => new(system.Name ?? Path.GetFileNameWithoutExtension(request.Design), problem.Value!, placement, text,
            Sweep(system, map, request, error), MeasuredComparisons(request.MeasuredReport), partitionDemands);
        if (!result.Found)
        {
            var explanation = Explain(system, map, problem.Value!, request, diagnostics);
            // A stale descriptor from an earlier, feasible build would be deployed by mistake: remove it.
            foreach (var stale in new[] { "solution.json", ProductionDeploymentYaml.FileName }.Select(f => Path.Combine(deployment, f)).Where(File.Exists)) File.Delete(stale);
            var infeasibleText = $"No feasible placement found.\n{summary}\n{explanation}{demandSources}";
            AtomicFile.WriteAllText(Path.Combine(deployment, "report.txt"), infeasibleText);
            DeploymentReportHtml.WriteFile(Path.Combine(directory, DeploymentReportHtml.FileName), Html(null, infeasibleText));
            AtomicFile.WriteAllText(Path.Combine(directory, "security", SecurityPolicy.FileName), SecurityPolicy.Write(system, null));
            DiagnosticPrinter.Print(diagnostics.Items, error);
            output.WriteLine($"no feasible placement; wrote {directory} (see {Path.Combine(deployment, "report.txt")} and {Path.Combine(directory, DeploymentReportHtml.FileName)})");
            return ExitCodes.Infeasible;
        }

        var solution = SolutionMapping.ToSolution(result.Best!);
        // The descriptor first: if it cannot be built, nothing of this placement is written.
        var production = ProductionDeploymentBuilder.Build(solution, system, application);
        diagnostics.AddRange(production.Diagnostics);
        if (production.Value is not { } descriptor)
        {
            DiagnosticPrinter.Print(diagnostics.Items, error);
            return ExitCodes.InvalidInput;
        }
        Space4AiSolutionWriter.WriteFile(solution, Path.Combine(deployment, "solution.json"));
        var text = $"{summary}\n{PlacementReport.Format(result.Best!)}{demandSources}";
        AtomicFile.WriteAllText(Path.Combine(deployment, "report.txt"), text);
        AtomicFile.WriteAllText(Path.Combine(deployment, ProductionDeploymentYaml.FileName), ProductionDeploymentYaml.Write(descriptor));
        AtomicFile.WriteAllText(Path.Combine(directory, "security", SecurityPolicy.FileName), SecurityPolicy.Write(system, solution));
        DeploymentReportHtml.WriteFile(Path.Combine(directory, DeploymentReportHtml.FileName), Html(result.Best, text));
        DiagnosticPrinter.Print(diagnostics.Items, error);
        // Two lines the build shows at its default verbosity: the cost, where each component runs and the tightest constraint.
        output.WriteLine(PlacementSummary.Format(result.Best!));
        output.WriteLine($"wrote {directory} (see {Path.Combine(deployment, "report.txt")} and {Path.Combine(directory, DeploymentReportHtml.FileName)})");
        return ExitCodes.Success;
    }

    /// <summary>
    /// report.html's cost-against-Lambda chart: the placement at N rates from 2·Lambda/N up to twice Lambda, searched with the
    /// probe budget the infeasibility analysis uses (a chart, not a deployment), seeded as the build is.
    /// </summary>
    private static IReadOnlyList<SweepPoint> Sweep(SystemDescription system, SourceMap map, DeployRequest request, TextWriter error)
    {
        if (request.SweepPoints <= 0) return [];
        var step = 2 * system.Lambda.Value / request.SweepPoints;
        var lambdas = LambdaSweep.Range(step, 2 * system.Lambda.Value, step);
        var options = InfeasibilityAnalysis.ProbeOptions(request.Search);
        return ProgressDisplay.Run(error, "placing at other arrival rates", progress => LambdaSweep.Run(system, map, lambdas, options, progress));
    }

    private static IReadOnlyList<MeasuredVersusPredicted.Comparison> MeasuredComparisons(string? path) =>
        path is not null && File.Exists(path) ? MeasuredVersusPredicted.FromText(File.ReadAllText(path)) : [];

    /// <summary>The document and its JSON exactly as the generator wrote it (copied, not re-serialised, so it matches aisprint design).</summary>
    private static (DesignDocument? Document, string? Json) LoadDesign(string path, DiagnosticBag diagnostics)
    {
        string? json;
        try
        {
            var isAssembly = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
            json = isAssembly ? DesignMetadataReader.ReadJson(path) : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            diagnostics.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(path), $"cannot read the design document: {ex.Message}");
            return (null, null);
        }
        if (json is null)
        {
            diagnostics.Add(DiagnosticCatalog.NoDesignDocument, SourceLocation.WholeFile(path),
                "the assembly has no AiSprint design document; expected a method with [Component] or [ExecTime] and the AiSprint generator");
            return (null, null);
        }
        var parsed = DesignDocumentJson.Parse(json, path);
        diagnostics.AddRange(parsed.Diagnostics);
        return (parsed.Value, json);
    }

    private static Dictionary<string, IReadOnlyList<ModelPartitioning>> LoadPartitionings(string[] arguments, DiagnosticBag diagnostics, Dictionary<string, PartitionManifest> manifests)
    {
        var result = new Dictionary<string, IReadOnlyList<ModelPartitioning>>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var at = argument.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == argument.Length - 1)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidValue, SourceLocation.WholeFile("--partition"), $"'{argument}': expected COMPONENT=MANIFEST");
                continue;
            }
            var (component, path) = (argument[..at], argument[(at + 1)..]);
            try
            {
                var manifest = SubModelExtractor.ReadManifest(path);
                result[component] = DesignPartitions.Partitionings(manifest);
                manifests[component] = manifest;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
            {
                diagnostics.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(path), $"cannot read the partition manifest of {component}: {ex.Message}");
            }
        }
        return result;
    }

    private static void WriteDesign(string directory, string designJson, AiSprintApplication application, SystemDescription system)
    {
        var design = Path.Combine(directory, "design");
        AtomicFile.WriteAllText(Path.Combine(design, "design.json"), designJson.EndsWith('\n') ? designJson : designJson + "\n");
        Space4AiSystemWriter.WriteFile(system, Path.Combine(design, "system_description.json"));
        AtomicFile.WriteAllText(Path.Combine(design, ApplicationDagYaml.FileName), ApplicationDagYaml.Write(application.Dag));
        AtomicFile.WriteAllText(Path.Combine(design, CandidateDeploymentsYaml.FileName), CandidateDeploymentsYaml.Write(application.Deployments));
        AtomicFile.WriteAllText(Path.Combine(design, CandidateResourcesYaml.FileName), CandidateResourcesYaml.Write(application.Resources));
        if (application.DataSizes is { } sizes) AtomicFile.WriteAllText(Path.Combine(design, ComponentDataSizesYaml.FileName), ComponentDataSizesYaml.Write(sizes));
    }

    /// <summary>
    /// AIS0051 at each constraint that cannot be met at all. Otherwise AIS0050 at each constraint that binds on its
    /// own (with the threshold it would need), else once at the entry; every AIS0050 gives the uniform relaxation and
    /// the largest Lambda that would be feasible.
    /// </summary>
    private static string Explain(SystemDescription system, SourceMap map, PlacementProblem problem, DeployRequest request, DiagnosticBag diagnostics)
    {
        var text = new System.Text.StringBuilder();
        var impossible = InfeasibilityAnalysis.ImpossibleConstraints(problem);
        foreach (var constraint in impossible)
        {
            var kind = constraint.IsGlobal ? "path" : "component";
            var message = $"{kind} {constraint.Name} cannot meet its threshold of {Ms(constraint.Threshold)} ms: even on its fastest compatible resources, without queueing, it takes {Ms(constraint.BestCase)} ms ({constraint.Breakdown}); relax it to at least that";
            diagnostics.Add(DiagnosticCatalog.ConstraintUnreachable, LocationOf(map, constraint.Name, constraint.IsGlobal), message);
            text.AppendLine(message + ".");
        }
        var fixes = new List<string>();
        IReadOnlyList<BindingConstraint> binding = [];
        if (request.Explain)
        {
            var probe = InfeasibilityAnalysis.ProbeOptions(request.Search);
            var report = InfeasibilityAnalysis.Analyse(system, map, system.Lambda, probe);
            if (report.ThresholdScale is { } scale) fixes.Add($"every threshold multiplied by {scale.ToString("0.##", CultureInfo.InvariantCulture)}");
            if (report.LargestLambda is { } largest) fixes.Add($"an arrival rate of at most {largest.Value.ToString("0.######", CultureInfo.InvariantCulture)} req/s");
            if (impossible.Count == 0) binding = InfeasibilityAnalysis.BindingConstraints(system, map, system.Lambda, probe);
        }
        var rate = system.Lambda.Value.ToString("0.######", CultureInfo.InvariantCulture);
        var alternatives = fixes.Count > 0 ? $"; it is feasible with {string.Join(", or with ", fixes)}"
            : request.Explain ? "; neither relaxing the thresholds nor lowering the arrival rate helps: add resources or compatibilities" : "";
        foreach (var constraint in binding)
        {
            var message = $"no placement meets every constraint at {rate} req/s, and {(constraint.IsGlobal ? "path" : "component")} {constraint.Name} binds: raising its threshold alone from {Ms(constraint.Threshold)} ms to {Ms(constraint.Needed)} ms makes a placement feasible{alternatives}";
            diagnostics.Add(DiagnosticCatalog.InfeasiblePlacement, LocationOf(map, constraint.Name, constraint.IsGlobal), message);
            text.AppendLine(message + ".");
        }
        if (binding.Count == 0)
        {
            var entry = system.Components.FirstOrDefault(c => !system.Dag.Any(e => e.To == c.Name))?.Name ?? system.Components[0].Name;
            var message = $"no placement on the candidate resources meets every constraint at {rate} req/s{alternatives}";
            diagnostics.Add(DiagnosticCatalog.InfeasiblePlacement, map.Locate(ModelKeys.Component(entry)), message);
            text.AppendLine(message + ".");
        }
        return text.ToString();
    }

    private static SourceLocation LocationOf(SourceMap map, string constraint, bool isGlobal) =>
        map.Locate(isGlobal ? ModelKeys.GlobalConstraint(constraint) : ModelKeys.LocalConstraint(constraint));

    private static string Ms(Seconds time) => (time.Value * 1000).ToString("#,0.#", CultureInfo.InvariantCulture);
}
