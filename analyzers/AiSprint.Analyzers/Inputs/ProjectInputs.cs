using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiSprint.Contract.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// The AdditionalFiles and build properties the AiSprint analyzers read, gathered once per compilation. Files are
/// recognised by name: application_dag.yaml, components_data_size.yaml, candidate_resources.yaml (the first of each,
/// in ordinal path order, when a project has several), and every demands.csv / *.demands.csv, merged in the order the
/// build merges them (<see cref="DemandsMerge"/>: hand-written tables, then this build's predictions).
/// </summary>
internal sealed class ProjectInputs
{
    /// <summary>Set to true by the package props when they pass the project's .onnx files as AdditionalFiles.</summary>
    public const string OnnxAdditionalFilesProperty = "build_property.AiSprintOnnxAdditionalFiles";

    /// <summary>Where relative [Partitionable] paths start: the package's own property first, then the SDK's.</summary>
    private static readonly string[] ProjectDirectoryProperties =
    {
        "build_property.AiSprintProjectDir",
        "build_property.ProjectDir",
        "build_property.MSBuildProjectDirectory",
    };

    private ProjectInputs(
        ParsedFile<Inputs.DagFile>? dag,
        ParsedFile<ComponentDataSizes>? dataSizes,
        ParsedFile<CandidateResources>? resources,
        ImmutableArray<ParsedFile<DemandMatrix>> demandFiles,
        ImmutableArray<string> additionalFilePaths,
        string? projectDirectory,
        bool onnxFilesPassed)
    {
        Dag = dag;
        DataSizes = dataSizes;
        Resources = resources;
        DemandFiles = demandFiles;
        Demands = demandFiles.Any(f => f.Value is not null)
            ? new DemandMatrix(demandFiles.Where(f => f.Value is not null).Select(f => f.Value!.All))
            : null;
        AdditionalFilePaths = additionalFilePaths;
        ProjectDirectory = projectDirectory;
        OnnxFilesPassed = onnxFilesPassed;
    }

    public ParsedFile<Inputs.DagFile>? Dag { get; }

    public ParsedFile<ComponentDataSizes>? DataSizes { get; }

    public ParsedFile<CandidateResources>? Resources { get; }

    public ImmutableArray<ParsedFile<DemandMatrix>> DemandFiles { get; }

    /// <summary>The rows of every readable demands file; null when the project has none.</summary>
    public DemandMatrix? Demands { get; }

    public ImmutableArray<string> AdditionalFilePaths { get; }

    public string? ProjectDirectory { get; }

    public bool OnnxFilesPassed { get; }

    // A file with problems is left out of the rules until it is fixed (AIS0111/AIS1000 say why): what could not be
    // read would otherwise look like a missing component, edge, resource or demand, and a rule could fire wrongly.

    /// <summary>The DAG file, when it was read without problems.</summary>
    public DagFile? UsableDag => Dag is { Problems.IsEmpty: true } ? Dag.Value : null;

    public ComponentDataSizes? UsableDataSizes => DataSizes is { Problems.IsEmpty: true } ? DataSizes.Value : null;

    public CandidateResources? UsableResources => Resources is { Problems.IsEmpty: true } ? Resources.Value : null;

    /// <summary>
    /// The demands, when every demands file was read without problems and (with usable resources) names only
    /// resources candidate_resources.yaml defines: a dropped or misnamed row would shrink a component's compatible
    /// resources and raise its smallest demand.
    /// </summary>
    public DemandMatrix? UsableDemands =>
        Demands is { } demands
        && DemandFiles.All(f => f.Problems.All(p => p.Rule is { IsError: false }))
        && (UsableResources is not { } resources || demands.All.All(d => resources.Find(d.Resource) is not null))
            ? demands
            : null;

    /// <summary>Every parsed file, for the rule that reports their problems.</summary>
    public IEnumerable<(string Path, ImmutableArray<FileProblem> Problems, bool Design)> ParsedFiles()
    {
        if (Dag is { } dag)
        {
            yield return (dag.Path, dag.Problems, true);
        }

        if (DataSizes is { } sizes)
        {
            yield return (sizes.Path, sizes.Problems, true);
        }

        if (Resources is { } resources)
        {
            yield return (resources.Path, resources.Problems, false);
        }

        foreach (var demands in DemandFiles)
        {
            yield return (demands.Path, demands.Problems, false);
        }
    }

    public static ProjectInputs Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ParsedFile<Inputs.DagFile>? dag = null;
        ParsedFile<ComponentDataSizes>? sizes = null;
        ParsedFile<CandidateResources>? resources = null;
        var demands = ImmutableArray.CreateBuilder<ParsedFile<DemandMatrix>>();
        foreach (var file in DemandsMerge.Order(options.AdditionalFiles, f => f.Path))
        {
            if (DemandsCsv.IsDemandsFile(FileName(file.Path)) && file.GetText(cancellationToken) is { } demandsText)
            {
                demands.Add(ParseCache.Shared.Get("demands", file.Path, demandsText, DemandsReader.Read));
            }
        }

        var files = options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var name = FileName(file.Path);
            var isDag = name.Equals(Inputs.DagFile.FileName, StringComparison.OrdinalIgnoreCase) && dag is null;
            var isSizes = name.Equals(ComponentDataSizes.FileName, StringComparison.OrdinalIgnoreCase) && sizes is null;
            var isResources = name.Equals(CandidateResourcesReader.FileName, StringComparison.OrdinalIgnoreCase) && resources is null;
            if (!(isDag || isSizes || isResources) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            if (isDag)
            {
                dag = ParseCache.Shared.Get("dag", file.Path, text, Inputs.DagFile.Read);
            }
            else if (isSizes)
            {
                sizes = ParseCache.Shared.Get("sizes", file.Path, text, ComponentDataSizes.Read);
            }
            else
            {
                resources = ParseCache.Shared.Get("resources", file.Path, text, CandidateResourcesReader.Read);
            }
        }

        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        string? projectDirectory = null;
        foreach (var property in ProjectDirectoryProperties)
        {
            if (global.TryGetValue(property, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                projectDirectory = value.Trim();
                break;
            }
        }

        var onnx = global.TryGetValue(OnnxAdditionalFilesProperty, out var flag) && string.Equals(flag.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new ProjectInputs(dag, sizes, resources, demands.ToImmutable(), files.Select(f => f.Path).ToImmutableArray(), projectDirectory, onnx);
    }

    /// <summary>The file name of a path with either separator (no System.IO: analyzers do no file IO, RS1035).</summary>
    public static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}

/// <summary>
/// A value computed once per compilation on first use; a cancelled computation is not cached (unlike <c>Lazy&lt;T&gt;</c>
/// with ExecutionAndPublication), so the next request with a live token computes it again.
/// </summary>
internal sealed class PerCompilation<T>
    where T : class
{
    private readonly Func<CancellationToken, T> compute;
    private readonly object gate = new();
    private T? value;

    public PerCompilation(Func<CancellationToken, T> compute) => this.compute = compute;

    public T Get(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref value) is { } computed)
        {
            return computed;
        }

        lock (gate)
        {
            if (value is null)
            {
                Volatile.Write(ref value, compute(cancellationToken));
            }

            return value!;
        }
    }
}
