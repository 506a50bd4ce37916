using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using AiSprint.Analyzers.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSprint.Analyzers.Consistency;

/// <summary>
/// AIS0109: compares the DAG declared in code ([Component], [Successor]) with an application_dag.yaml AdditionalFile
/// (and the data sizes with components_data_size.yaml). What has a place in code is reported there, from the method's
/// symbol action (live, suppressible); what exists only in the file (a component or edge the code lacks) is reported at
/// its line in the file, from the additional-file action.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DagFileAnalyzer : DiagnosticAnalyzer
{
    private const double Tolerance = 1e-9;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AiSprintRules.DagFileMismatch);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var inputs = new PerCompilation<ProjectInputs>(ct => ProjectInputs.Read(start.Options, ct));
            if (!start.Options.AdditionalFiles.Any(f => ProjectInputs.FileName(f.Path).Equals(DagFile.FileName, StringComparison.OrdinalIgnoreCase)))
            {
                return; // Nothing to compare with: no cost for projects without the file.
            }

            var index = new ComponentIndexHolder(start.Compilation.Assembly);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is IMethodSymbol method
                        && AnnotationReader.HasComponentAttribute(method)
                        && inputs.Get(symbolContext.CancellationToken) is { UsableDag: { } dag, Dag: { } dagFile } all
                        && index.Get(symbolContext.CancellationToken) is var components
                        && components.Find(method) is { } component
                        && ReferenceEquals(components.FirstByName[component.Name], component))
                    {
                        ReportInCode(component, components, dag, ProjectInputs.FileName(dagFile.Path), all.UsableDataSizes, all.DataSizes?.Path, symbolContext.ReportDiagnostic);
                    }
                },
                SymbolKind.Method);
            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (inputs.Get(fileContext.CancellationToken) is { UsableDag: { } dag, Dag: { } dagFile } && dagFile.Path == fileContext.AdditionalFile.Path)
                {
                    ReportInFile(dag, ProjectInputs.FileName(dagFile.Path), index.Get(fileContext.CancellationToken), fileContext.ReportDiagnostic);
                }
            });
        });
    }

    /// <summary>A DAG kept only in the YAML file is accepted: edges are compared only when the code declares some.</summary>
    private static bool CodeDeclaresEdges(ComponentIndex components) => components.FirstByName.Values.Any(c => c.Successors.Length > 0);

    private static void ReportInCode(ComponentAnnotation component, ComponentIndex components, DagFile dag, string file, ComponentDataSizes? sizes, string? sizesPath, Action<Diagnostic> report)
    {
        if (!dag.Components.ContainsKey(component.Name))
        {
            report(Diagnostic.Create(AiSprintRules.DagFileMismatch, component.NameLocation, file,
                "component '" + component.Name + "' is not in System.components"));
            return; // Its edges would only repeat that.
        }

        foreach (var successor in component.Successors)
        {
            var to = successor.Target.Value;
            if (!components.FirstByName.ContainsKey(to) || !dag.Components.ContainsKey(to))
            {
                continue; // AIS0104 reports an unknown successor; a successor missing from the file is reported on its own method.
            }

            if (dag.Edge(component.Name, to) is not { } edge)
            {
                report(Diagnostic.Create(AiSprintRules.DagFileMismatch, successor.AttributeLocation, file,
                    "the edge " + component.Name + " -> " + to + " is not in System.dependencies"));
                continue;
            }

            if (Math.Abs(edge.Probability - successor.Probability) > Tolerance)
            {
                report(Diagnostic.Create(AiSprintRules.DagFileMismatch, successor.AttributeLocation, file,
                    "the edge " + component.Name + " -> " + to + " has probability " + Format(successor.Probability) + " in code and "
                    + Format(edge.Probability) + " in the file (line " + FileLocation.LineOf(edge.Location) + ")"));
            }

            if (successor.DataSizeMb > 0 && sizes?.Sizes is { } known && sizesPath is not null && known.TryGetValue(component.Name, out var size)
                && Math.Abs(size.Megabytes - successor.DataSizeMb) > Tolerance)
            {
                report(Diagnostic.Create(AiSprintRules.DagFileMismatch, successor.AttributeLocation, ProjectInputs.FileName(sizesPath),
                    "the edge " + component.Name + " -> " + to + " carries " + Format(successor.DataSizeMb) + " MB in code and "
                    + Format(size.Megabytes) + " MB in the file (line " + FileLocation.LineOf(size.Location) + ")"));
            }
        }
    }

    private static void ReportInFile(DagFile dag, string file, ComponentIndex components, Action<Diagnostic> report)
    {
        foreach (var pair in dag.Components.OrderBy(p => p.Value.SourceSpan.Start))
        {
            if (!components.FirstByName.ContainsKey(pair.Key))
            {
                report(Diagnostic.Create(AiSprintRules.DagFileMismatch, pair.Value, file,
                    "component '" + pair.Key + "' is declared by no method of the compilation"));
            }
        }

        if (!CodeDeclaresEdges(components))
        {
            return;
        }

        foreach (var edge in dag.Edges)
        {
            if (components.FirstByName.TryGetValue(edge.From, out var from)
                && components.FirstByName.ContainsKey(edge.To)
                && !from.Successors.Any(s => s.Target.Value == edge.To))
            {
                report(Diagnostic.Create(AiSprintRules.DagFileMismatch, edge.Location, file,
                    "the edge " + edge.From + " -> " + edge.To + " has no [Successor(\"" + edge.To + "\")] on " + from.Method));
            }
        }
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
