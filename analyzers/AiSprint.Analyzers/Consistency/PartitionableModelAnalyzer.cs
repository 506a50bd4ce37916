using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiSprint.Analyzers.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSprint.Analyzers.Consistency;

/// <summary>
/// AIS0110: a [Partitionable] ONNX path that is not among the AdditionalFiles. Active only when the package says it
/// passes the project's .onnx files (<c>build_property.AiSprintOnnxAdditionalFiles = true</c>): without that promise a
/// missing AdditionalFile proves nothing. Relative paths start at the project directory (AiSprintProjectDir, ProjectDir
/// or MSBuildProjectDirectory); without one, a path matches an AdditionalFile whose path ends with it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PartitionableModelAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AiSprintRules.PartitionableModelMissing);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var inputs = new PerCompilation<ProjectInputs>(ct => ProjectInputs.Read(start.Options, ct));
            var files = new PerCompilation<HashSet<string>>(ct => new HashSet<string>(
                inputs.Get(ct).AdditionalFilePaths.Select(ProjectPath.Normalize), StringComparer.OrdinalIgnoreCase));
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is not IMethodSymbol method
                        || !AnnotationReader.HasComponentAttribute(method)
                        || AnnotationReader.Read(method, symbolContext.CancellationToken) is not { PartitionablePath: { } onnx } component
                        || !onnx.Value.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
                    {
                        return; // Not a partitionable component, or AIS0106's (no .onnx file name).
                    }

                    var all = inputs.Get(symbolContext.CancellationToken);
                    if (!all.OnnxFilesPassed)
                    {
                        return;
                    }

                    var known = files.Get(symbolContext.CancellationToken);
                    var resolved = ProjectPath.Resolve(onnx.Value, all.ProjectDirectory);
                    var found = resolved is not null
                        ? known.Contains(resolved)
                        : known.Any(f => f.EndsWith("/" + ProjectPath.Normalize(onnx.Value), StringComparison.OrdinalIgnoreCase));
                    if (!found)
                    {
                        var where = resolved is null ? string.Empty : " (resolved to '" + resolved + "')";
                        symbolContext.ReportDiagnostic(Diagnostic.Create(AiSprintRules.PartitionableModelMissing, onnx.Location, component.Name, onnx.Value, where));
                    }
                },
                SymbolKind.Method);
        });
    }
}

/// <summary>Path arithmetic without System.IO (RS1035): '/' and '\' alike, '.' and '..' resolved.</summary>
internal static class ProjectPath
{
    public static bool IsRooted(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');

    /// <summary>The full path of <paramref name="path"/>; null when it is relative and no project directory is known.</summary>
    public static string? Resolve(string path, string? projectDirectory) =>
        IsRooted(path) ? Normalize(path)
        : projectDirectory is null ? null
        : Normalize(projectDirectory + "/" + path);

    public static string Normalize(string path)
    {
        var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }
}
