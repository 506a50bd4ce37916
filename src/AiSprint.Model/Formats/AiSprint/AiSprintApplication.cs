using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// The parsed files of an AI-SPRINT application directory: common_config/ (DAG, candidate
/// deployments, candidate resources), space4ai-d/ (optimiser settings and, once it has run, the
/// production deployment), the optional oscarp/ data sizes and, for an application with alternatives,
/// space4ai-r/deployments_performance.yaml.
/// </summary>
public sealed record AiSprintApplication(string Directory, ApplicationDag Dag, CandidateDeployments Deployments, ResourceSystem Resources)
{
    /// <summary>space4ai-d/SPACE4AI-D.yaml, or null when the directory has none.</summary>
    public OptimizerSettings? Optimizer { get; init; }
    internal ProductionDeployment? Production { get; init; }
    /// <summary>oscarp/components_data_size.yaml, or null when the directory has none.</summary>
    public ComponentDataSizes? DataSizes { get; init; }

    /// <summary>space4ai-r/deployments_performance.yaml, when the application has alternatives and their metrics are known.</summary>
    public DeploymentsPerformance? Performance { get; init; }

    /// <summary>The early_exits_model annotations of common_config/annotations.yaml, with their early_exits.csv.</summary>
    internal IReadOnlyList<StudioEarlyExits> EarlyExits { get; init; } = [];
}

/// <summary>Loads an AI-SPRINT application directory, reporting the problems of every file in one pass.</summary>
public static class AiSprintApplicationLoader
{
    internal const string CommonConfig = "common_config";
    internal const string Space4AiD = "space4ai-d";
    internal const string OscarP = "oscarp";

    /// <summary>Reads every file of the application <paramref name="directory"/>; the value keeps the source map, so later checks can point at lines.</summary>
    public static LoadResult<Located<AiSprintApplication>> Load(string directory)
    {
        var diagnostics = new List<Diagnostic>();
        var dagPath = Path.Combine(directory, CommonConfig, ApplicationDagYaml.FileName);
        var map = new SourceMap(dagPath);
        if (!System.IO.Directory.Exists(directory))
        {
            diagnostics.Add(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(directory), "the application directory does not exist"));
            return new LoadResult<Located<AiSprintApplication>>(null, diagnostics);
        }

        T? Required<T>(string path, Func<string, LoadResult<Located<T>>> read) where T : class
        {
            if (!File.Exists(path))
            {
                diagnostics.Add(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path),
                    $"the file is missing; an AI-SPRINT application directory needs {CommonConfig}/{Path.GetFileName(path)}"));
                return null;
            }
            return Optional(path, read);
        }

        T? Optional<T>(string path, Func<string, LoadResult<Located<T>>> read) where T : class
        {
            if (!File.Exists(path)) return null;
            var result = read(path);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Value is null) return null;
            map.Merge(result.Value.Map);
            return result.Value.Value;
        }

        var dag = Required(dagPath, ApplicationDagYaml.ReadFile);
        var deployments = Required(Path.Combine(directory, CommonConfig, CandidateDeploymentsYaml.FileName), CandidateDeploymentsYaml.ReadFile);
        var resources = Required(Path.Combine(directory, CommonConfig, CandidateResourcesYaml.FileName), CandidateResourcesYaml.ReadFile);
        var optimizer = Optional(Path.Combine(directory, Space4AiD, OptimizerSettingsYaml.FileName), OptimizerSettingsYaml.ReadFile);
        var production = Optional(Path.Combine(directory, Space4AiD, ProductionDeploymentYaml.FileName), ProductionDeploymentYaml.ReadFile);
        var dataSizes = Optional(Path.Combine(directory, OscarP, ComponentDataSizesYaml.FileName), ComponentDataSizesYaml.ReadFile);
        var performance = Optional(Path.Combine(directory, DeploymentsPerformanceYaml.Directory, DeploymentsPerformanceYaml.FileName), DeploymentsPerformanceYaml.ReadFile);
        var annotationsPath = Path.Combine(directory, CommonConfig, StudioAnnotationsYaml.FileName);
        var annotationProblems = new DiagnosticBag();
        var earlyExits = File.Exists(annotationsPath) ? StudioAnnotationsYaml.Load(directory, annotationsPath, annotationProblems) : [];
        diagnostics.AddRange(annotationProblems.Items);
        if (dag is null || deployments is null || resources is null) return new LoadResult<Located<AiSprintApplication>>(null, diagnostics);
        var app = new AiSprintApplication(directory, dag, deployments, resources)
        {
            Optimizer = optimizer,
            Production = production,
            DataSizes = dataSizes,
            Performance = performance,
            EarlyExits = earlyExits,
        };
        return new LoadResult<Located<AiSprintApplication>>(new Located<AiSprintApplication>(app, map), diagnostics);
    }
}
