using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Aml;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Validation;

namespace AiSprint.Model.Inputs;

/// <summary>
/// Tells what a file or directory is and validates it completely: parse errors, then the design
/// rules of <see cref="SystemValidator"/> where the input describes a system. The one entry point
/// behind <c>aisprint validate</c> and the build's input checks.
/// </summary>
public static class InputValidator
{
    /// <param name="path">A file or an AI-SPRINT application directory.</param>
    /// <param name="systemPath">For a solution: the system it places. By default the
    /// <c>system_description.json</c> beside the solution, if there is one.</param>
    public static InputReport Validate(string path, string? systemPath = null)
    {
        if (Directory.Exists(path)) return ValidateApplication(path);
        if (!File.Exists(path))
        {
            return new InputReport(path, InputKind.Unknown, "not found",
                [DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path), "no such file or directory")]);
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => ValidateJson(path, systemPath),
            ".yaml" or ".yml" => ValidateYaml(path),
            ".ini" => ValidateAmlConfiguration(path),
            ".csv" => IsDemandTable(path) ? ValidateDemands(path) : ValidateAmlDataset(path),
            _ => Unsupported(path),
        };
    }

    /// <summary>The extensions of the inputs a directory walk picks up; anything else (README.md, *.onnx, *.npy) is not a design input.</summary>
    private static readonly string[] InputExtensions = [".json", ".yaml", ".yml", ".ini", ".csv"];

    /// <summary>
    /// Validates a file, an AI-SPRINT application directory, or every input under any other
    /// directory (application directories as a whole, other files one by one), in path order.
    /// </summary>
    public static IReadOnlyList<InputReport> ValidateTree(string path, string? systemPath = null)
    {
        if (!Directory.Exists(path) || IsApplicationDirectory(path)) return [Validate(path, systemPath)];
        var reports = new List<InputReport>();
        foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
        {
            if (InputExtensions.Contains(Path.GetExtension(file).ToLowerInvariant())) reports.Add(Validate(file, systemPath));
        }
        foreach (var directory in Directory.EnumerateDirectories(path).Order(StringComparer.Ordinal))
        {
            reports.AddRange(ValidateTree(directory, systemPath));
        }
        return reports;
    }

    /// <summary>True when <paramref name="path"/> is a directory with a common_config/ folder.</summary>
    public static bool IsApplicationDirectory(string path) => Directory.Exists(Path.Combine(path, AiSprintApplicationLoader.CommonConfig));

    /// <summary>An AI-SPRINT application directory: every file, then the SPACE4AI-D view of the whole.</summary>
    private static InputReport ValidateApplication(string directory)
    {
        if (!IsApplicationDirectory(directory)) return Unsupported(directory);
        var loaded = AiSprintApplicationLoader.Load(directory);
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        const string kind = "AI-SPRINT application";
        if (loaded.Value is null) return new InputReport(directory, InputKind.AiSprintApplication, kind, diagnostics);
        var converted = AiSprintConverter.ToSystemDescription(loaded.Value, new AiSprintConversionOptions());
        diagnostics.AddRange(converted.Diagnostics);
        if (converted.Value is not { } system) return new InputReport(directory, InputKind.AiSprintApplication, kind, diagnostics);
        diagnostics.AddRange(SystemValidator.Validate(system.Value, system.Map));
        var summary = Summarize(system.Value, kind);
        if (loaded.Value.Value.Dag.Alternatives.Count > 0)
        {
            // Every deployment the alternatives make must convert too: an alternative without its candidate entry cannot be placed.
            var bag = new DiagnosticBag();
            var deployments = DeploymentsPerformanceMatch.ForApplication(loaded.Value, bag);
            diagnostics.AddRange(bag.Items);
            var seen = diagnostics.ToHashSet();
            foreach (var deployment in deployments.Where(d => !d.IsOriginal))
            {
                var alternative = AiSprintConverter.ToSystemDescription(loaded.Value, new AiSprintConversionOptions(), deployment);
                var found = alternative.Diagnostics.AsEnumerable();
                if (alternative.Value is { } a) found = found.Concat(SystemValidator.Validate(a.Value, a.Map));
                diagnostics.AddRange(found.Where(seen.Add));
            }
            var metrics = loaded.Value.Value.Performance is { } p ? $"{p.Metric.Name()}{(p.Threshold is { } t ? $" ≥ {t}" : "")}" : "no deployments_performance.yaml";
            summary += $"; {deployments.Count} deployments from alternative components ({metrics})";
        }
        return new InputReport(directory, InputKind.AiSprintApplication, summary, diagnostics);
    }

    private static InputReport ValidateJson(string path, string? systemPath)
    {
        var diagnostics = new DiagnosticBag();
        var root = DocumentFile.LoadJson(path, diagnostics);
        if (root is null) return new InputReport(path, InputKind.Unknown, "unreadable JSON", diagnostics.Items);
        if (root.IsMapping && root.Member("schema")?.Value is { IsScalar: true } schema && schema.Text == DesignDocument.SchemaName)
        {
            var design = DesignDocumentJson.Load(path);
            var summary = design.Value is { } d
                ? $"design document of {d.Assembly} ({d.Components.Count} components, {d.Dag.Count} DAG edges, {d.LocalConstraints.Count} local and {d.GlobalConstraints.Count} global constraints)"
                : "design document";
            return new InputReport(path, InputKind.DesignDocument, summary, design.Diagnostics);
        }
        if (root.IsMapping && root.Member("partitionCount") is not null && root.Member("partitions") is not null)
        {
            return new InputReport(path, InputKind.BuildOutput, "ONNX partition manifest (written by aisprint partition)", diagnostics.Items);
        }
        if (root.IsMapping && root.Member("formatVersion") is not null && root.Member("technique") is not null)
        {
            return new InputReport(path, InputKind.BuildOutput, "regression model (written by aisprint regress; aisprint predict reads it)", diagnostics.Items);
        }
        if (root.IsMapping && root.Member("components") is not null)
        {
            var solution = Space4AiSolutionReader.Read(root, path, diagnostics);
            var against = systemPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "system_description.json");
            if (solution.Value is { } placed && (systemPath is not null || File.Exists(against)))
            {
                var system = Space4AiSystemReader.Load(against);
                diagnostics.AddRange(system.Diagnostics.Where(d => d.IsError));
                if (system.Succeeded) diagnostics.AddRange(SolutionValidator.Validate(placed.Value, placed.Map, system.Value!.Value));
            }
            var s = solution.Value?.Value;
            var summary = s is null ? "SPACE4AI-D solution" :
                $"SPACE4AI-D solution ({s.Components.Count} components, {s.Components.Sum(c => c.Partitions.Count)} partitions placed{(s.TotalCost is { } cost ? $", cost {cost}" : "")})";
            return new InputReport(path, InputKind.Space4AiSolution, summary, diagnostics.Items);
        }
        if (Space4AiRunSettingsJson.LooksLikeRunSettings(root))
        {
            var settings = Space4AiRunSettingsJson.Read(root, path, diagnostics);
            var summary = settings.Value is { Value: var v } ? $"SPACE4AI-D run settings ({v.Methods.Count} methods)" : "SPACE4AI-D run settings";
            return new InputReport(path, InputKind.Space4AiRunSettings, summary, diagnostics.Items);
        }
        if (root.IsMapping && Space4AiSystemReader.KnownKeys.Any(k => root.Member(k) is not null))
        {
            var result = Space4AiSystemReader.Read(root, path, diagnostics);
            if (result.Value is { } located) diagnostics.AddRange(SystemValidator.Validate(located.Value, located.Map));
            return new InputReport(path, InputKind.Space4AiSystem, result.Value is { } l ? Summarize(l.Value, "SPACE4AI-D system description") : "SPACE4AI-D system description", diagnostics.Items);
        }
        return Unsupported(path);
    }

    private static InputReport ValidateYaml(string path)
    {
        var kind = YamlKind(path);
        return kind switch
        {
            InputKind.BuildOutput => ValidateBuildOutputYaml(path),
            InputKind.AiSprintApplicationDag => Report(path, kind, ApplicationDagYaml.ReadFile(path),
                d => $"AI-SPRINT application DAG ({d.Components.Count} components, {d.Dependencies.Count} dependencies)"),
            InputKind.AiSprintCandidateDeployments => Report(path, kind, CandidateDeploymentsYaml.ReadFile(path),
                d => $"AI-SPRINT candidate deployments ({d.Entries.Count} components and partitions)"),
            InputKind.AiSprintCandidateResources => Report(path, kind, CandidateResourcesYaml.ReadFile(path),
                r => $"AI-SPRINT candidate resources ({r.Domains.Count} network domains, {r.Domains.Sum(d => d.Layers.Count)} layers, {r.Domains.Sum(d => d.Layers.Sum(l => l.Resources.Count))} resources)"),
            InputKind.AiSprintOptimizerSettings => Report(path, kind, OptimizerSettingsYaml.ReadFile(path),
                o => $"SPACE4AI-D settings ({o.Methods.Count} methods, Time {o.Time})"),
            InputKind.AiSprintProductionDeployment => Report(path, kind, ProductionDeploymentYaml.ReadFile(path),
                p => $"AI-SPRINT production deployment ({p.Components.Count} components and partitions placed)"),
            InputKind.AiSprintComponentDataSizes => Report(path, kind, ComponentDataSizesYaml.ReadFile(path),
                s => "AI-SPRINT component data sizes"),
            InputKind.AiSprintSystemYaml => Report(path, kind, DesignSystemYaml.ReadFile(path),
                s => $"AI-SPRINT System YAML ({s.Containers.Count} containers, {s.Resources.Domains.Count} network domains)"),
            InputKind.AiSprintPhysicalNodes => ValidatePhysicalNodes(path),
            InputKind.AiSprintDeploymentsPerformance => Report(path, kind, DeploymentsPerformanceYaml.ReadFile(path),
                p => $"AI-SPRINT deployments performance ({p.Deployments.Count} deployments, {p.Metric.Name()}{(p.Threshold is { } t ? $" ≥ {t}" : "")})"),
            _ => Unsupported(path),
        };
    }

    /// <summary>
    /// common_config/physical_nodes.yaml lists already-provisioned machines for the deployment
    /// tools; SPACE4AI-D does not read it. It must parse; its content is not interpreted.
    /// </summary>
    private static InputReport ValidatePhysicalNodes(string path)
    {
        var bag = new DiagnosticBag();
        var root = DocumentFile.LoadYaml(path, bag);
        var summary = root is { IsNull: true } ? "AI-SPRINT physical nodes (none listed)" : "AI-SPRINT physical nodes (not used by design-time tools)";
        return new InputReport(path, InputKind.AiSprintPhysicalNodes, summary, bag.Items);
    }

    /// <summary>The AI-SPRINT file names first; a renamed file is recognised by its top-level keys.</summary>
    private static InputKind YamlKind(string path)
    {
        switch (Path.GetFileName(path))
        {
            case ApplicationDagYaml.FileName: return InputKind.AiSprintApplicationDag;
            case CandidateDeploymentsYaml.FileName: return InputKind.AiSprintCandidateDeployments;
            case CandidateResourcesYaml.FileName: return InputKind.AiSprintCandidateResources;
            case OptimizerSettingsYaml.FileName: return InputKind.AiSprintOptimizerSettings;
            case ProductionDeploymentYaml.FileName: return InputKind.AiSprintProductionDeployment;
            case ComponentDataSizesYaml.FileName: return InputKind.AiSprintComponentDataSizes;
            case DeploymentsPerformanceYaml.FileName: return InputKind.AiSprintDeploymentsPerformance;
            case "physical_nodes.yaml": return InputKind.AiSprintPhysicalNodes;
        }
        var root = DocumentFile.LoadYaml(path, new DiagnosticBag());
        if (root is null || !root.IsMapping) return InputKind.Unknown;
        if (NodeReader.Optional(root, "System") is { IsMapping: true } system)
        {
            if (system.Member("Containers") is not null) return InputKind.AiSprintSystemYaml;
            if (system.Member("Components") is not null) return InputKind.AiSprintProductionDeployment;
            if (system.Member("NetworkDomains") is not null) return InputKind.AiSprintCandidateResources;
            if (system.Member("dependencies") is not null) return InputKind.AiSprintApplicationDag;
        }
        if (root.Member("Components") is not null) return InputKind.AiSprintCandidateDeployments;
        if (root.Member("groups") is not null || root.Member("components")?.Value is { IsSequence: true }) return InputKind.BuildOutput;
        if (root.Member("Methods") is not null) return InputKind.AiSprintOptimizerSettings;
        return InputKind.Unknown;
    }

    private static InputReport Report<T>(string path, InputKind kind, LoadResult<Located<T>> result, Func<T, string> summary) where T : class =>
        new(path, kind, result.Value is { } v ? summary(v.Value) : kind.ToString(), result.Diagnostics);

    private static InputReport ValidateAmlConfiguration(string path)
    {
        var result = AmlConfigurationReader.Load(path);
        var summary = result.Value is { Configuration: var c }
            ? c.General.IsPredictionOnly ? "aMLLibrary prediction configuration" : $"aMLLibrary experiment configuration ({c.General.Techniques.Count} techniques)"
            : "aMLLibrary configuration";
        return new InputReport(path, InputKind.AmlConfiguration, summary, result.Diagnostics);
    }

    /// <summary>monitoring/rules.yml and security/policy.yaml: they must parse; promtool checks the rules themselves.</summary>
    private static InputReport ValidateBuildOutputYaml(string path)
    {
        var bag = new DiagnosticBag();
        var root = DocumentFile.LoadYaml(path, bag);
        var summary = root?.Member("groups") is not null ? "Prometheus alerting rules (written by the build; check them with promtool check rules)" : "security policy (written by the build)";
        return new InputReport(path, InputKind.BuildOutput, summary, bag.Items);
    }

    /// <summary>demands.csv, *.demands.csv, or any CSV whose header names component, resource and demand_ms.</summary>
    private static bool IsDemandTable(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Equals("demands.csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".demands.csv", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            var header = File.ReadLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
            var columns = header?.Split(',').Select(c => c.Trim()).ToArray() ?? [];
            return columns.Contains("component") && columns.Contains("resource") && columns.Contains("demand_ms");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static InputReport ValidateDemands(string path)
    {
        var result = DemandTableCsv.Load(path);
        var summary = result.Value is { } t
            ? $"demands ({t.Entries.Count} rows for {t.Entries.Select(e => e.Component).Distinct().Count()} components on {t.Entries.Select(e => e.Resource).Distinct().Count()} resources)"
            : "demands";
        return new InputReport(path, InputKind.Demands, summary, result.Diagnostics);
    }

    private static InputReport ValidateAmlDataset(string path)
    {
        var result = AmlDatasetReader.Load(path);
        var summary = result.Value is { } d ? $"dataset ({d.RowCount} rows, {d.Columns.Count} columns)" : "dataset";
        return new InputReport(path, InputKind.AmlDataset, summary, result.Diagnostics);
    }

    /// <summary>"5 components, 12 partitions in 9 deployments, 13 resources in 4 layers, 3 local and 3 global constraints".</summary>
    public static string Summarize(SystemDescription system, string kind)
    {
        var deployments = system.Components.Sum(c => c.Deployments.Count);
        var partitions = system.Components.Sum(c => c.AllPartitions.Count());
        var resources = system.Layers.Sum(l => l.Resources.Count);
        return $"{kind} ({system.Components.Count} components, {partitions} partitions in {deployments} deployments, " +
               $"{resources} resources in {system.Layers.Count} layers, {system.LocalConstraints.Count} local and {system.GlobalConstraints.Count} global constraints)";
    }

    private static InputReport Unsupported(string path) => new(path, InputKind.Unknown, "unsupported input",
        [DiagnosticCatalog.UnknownFormat.At(SourceLocation.WholeFile(path),
            "not a supported input; expected a SPACE4AI-D system or solution (.json), an AI-SPRINT YAML file or application directory (with common_config/), an aMLLibrary configuration (.ini) or dataset (.csv)")]);
}
