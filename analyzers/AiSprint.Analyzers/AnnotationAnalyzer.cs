using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using AiSprint.Contract;
using AiSprint.Contract.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSprint.Analyzers;

/// <summary>
/// Checks the AiSprint annotations of a compilation (AIS0100–AIS0108); the rules on AdditionalFiles are in the
/// Consistency, Inputs and Feasibility folders.
/// </summary>
/// <remarks>
/// Several rules need every component of the compilation (unknown names in paths and successors, duplicates, global
/// vs. local budgets). The usual pattern — symbol actions filling a concurrent bag, reported in a compilation-end
/// action — makes those diagnostics non-local: the IDE shows them only under full solution analysis and offers no
/// code fix for them (the testing library rejects a fix of a non-local diagnostic for this reason). Instead, each
/// compilation builds one <see cref="ComponentIndex"/> lazily (a walk of the source assembly's methods reading their
/// attributes; <c>GetAttributes</c> is cached on the symbols, so the compiler binds each attribute once) and every
/// rule reports from the method's own symbol action. All diagnostics are then local: live on the open document,
/// fixable (AIS0101/AIS0104), and suppressible with <c>#pragma</c>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AnnotationAnalyzer : DiagnosticAnalyzer
{
    private const double ProbabilityTolerance = 1e-9;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AiSprintRules.NonPositiveThreshold,
        AiSprintRules.UnknownPathComponent,
        AiSprintRules.DuplicateComponent,
        AiSprintRules.GlobalBelowLocalSum,
        AiSprintRules.UnknownSuccessor,
        AiSprintRules.ProbabilitiesAboveOne,
        AiSprintRules.NotOnnxPath,
        AiSprintRules.UndefinedTimeUnit,
        AiSprintRules.PathNotConsecutive,
        AiSprintRules.DagCycle);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var index = new ComponentIndexHolder(start.Compilation.Assembly);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is IMethodSymbol method && AnnotationReader.HasComponentAttribute(method))
                    {
                        var components = index.Get(symbolContext.CancellationToken);
                        if (components.Find(method) is { } component)
                        {
                            ReportLocal(component, symbolContext.ReportDiagnostic);
                            ReportCrossComponent(component, components, symbolContext.ReportDiagnostic);
                        }
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void ReportLocal(ComponentAnnotation component, Action<Diagnostic> report)
    {
        if (component.LocalThreshold is { } local && component.LocalUnit is { } localUnit)
        {
            CheckThreshold("local", component.Name, local, localUnit, component.LocalThresholdLocation, component.LocalUnitLocation, report);
        }

        foreach (var path in component.GlobalPaths)
        {
            CheckThreshold("global path '" + path.Name + "'", component.Name, path.Threshold, path.Unit, path.ThresholdLocation, path.UnitLocation, report);
        }

        var probability = component.Successors.Sum(s => s.Probability);
        if (probability > 1 + ProbabilityTolerance)
        {
            report(Diagnostic.Create(
                AiSprintRules.ProbabilitiesAboveOne,
                component.NameLocation,
                component.Name,
                Format(probability),
                string.Join(", ", component.Successors.Select(s => s.Target.Value + ": " + Format(s.Probability)))));
        }

        if (component.PartitionablePath is { } onnx && !onnx.Value.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            report(Diagnostic.Create(AiSprintRules.NotOnnxPath, onnx.Location, component.Name, onnx.Value));
        }
    }

    private static void CheckThreshold(string kind, string component, double threshold, int unit, Location location, Location unitLocation, Action<Diagnostic> report)
    {
        if (!AnnotationContract.IsDefinedUnit(unit))
        {
            report(Diagnostic.Create(AiSprintRules.UndefinedTimeUnit, unitLocation, kind, component, unit.ToString(CultureInfo.InvariantCulture)));
        }

        if (!(threshold > 0))
        {
            report(Diagnostic.Create(AiSprintRules.NonPositiveThreshold, location, kind, component, Format(threshold) + UnitSuffix(unit)));
        }
    }

    private static void ReportCrossComponent(ComponentAnnotation component, ComponentIndex index, Action<Diagnostic> report)
    {
        var first = index.FirstByName[component.Name];
        if (!ReferenceEquals(first, component))
        {
            report(Diagnostic.Create(AiSprintRules.DuplicateComponent, component.NameLocation, component.Name, Describe(first)));
        }
        else
        {
            foreach (var successor in component.Successors)
            {
                if (index.CycleClosingEdges.TryGetValue(successor, out var cycle))
                {
                    report(Diagnostic.Create(AiSprintRules.DagCycle, successor.Target.Location, successor.Target.Value, component.Name, cycle));
                }
            }
        }

        foreach (var path in component.GlobalPaths)
        {
            var allKnown = true;
            foreach (var previous in path.Previous)
            {
                if (!index.FirstByName.ContainsKey(previous.Value))
                {
                    allKnown = false;
                    ReportUnknown(AiSprintRules.UnknownPathComponent, previous, path.Name, index.SortedNames, report);
                }
            }

            if (allKnown)
            {
                CheckBudget(component, path, index.FirstByName, report);
                CheckConsecutive(component, path, index.FirstByName, report);
            }
        }

        foreach (var successor in component.Successors)
        {
            if (!index.FirstByName.ContainsKey(successor.Target.Value))
            {
                ReportUnknown(AiSprintRules.UnknownSuccessor, successor.Target, component.Name, index.SortedNames, report);
            }
        }
    }

    private static void ReportUnknown(DiagnosticDescriptor rule, Located<string> unknown, string owner, string[] names, Action<Diagnostic> report)
    {
        var suggestion = NameSuggestion.Closest(unknown.Value, names);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(AiSprintRules.SuggestionProperty, suggestion);
        var hint = suggestion is not null ? "; did you mean '" + suggestion + "'?"
            : names.Length == 0 ? "; the compilation has no components"
            : "; expected one of " + string.Join(", ", names);
        var args = rule == AiSprintRules.UnknownPathComponent
            ? new object[] { owner, unknown.Value, hint }
            : new object[] { unknown.Value, owner, hint };
        report(Diagnostic.Create(rule, unknown.Location, properties, args));
    }

    private static void CheckBudget(ComponentAnnotation last, GlobalPathAnnotation path, Dictionary<string, ComponentAnnotation> byName, Action<Diagnostic> report)
    {
        if (AnnotationContract.ToMilliseconds(path.Threshold, path.Unit) is not { } global || !(global > 0))
        {
            return; // AIS0100/AIS0107 already cover it.
        }

        var members = path.Previous.Select(p => byName[p.Value]).Concat(new[] { last }).ToArray();
        var locals = members.Where(m => m.LocalThresholdMilliseconds is not null).Select(m => (m.Name, Milliseconds: m.LocalThresholdMilliseconds!.Value)).ToArray();
        var sum = locals.Sum(l => l.Milliseconds);
        if (sum > global)
        {
            report(Diagnostic.Create(
                AiSprintRules.GlobalBelowLocalSum,
                path.ThresholdLocation,
                path.Name,
                Format(global),
                Format(sum),
                string.Join(" + ", locals.Select(l => l.Name + " " + Format(l.Milliseconds) + " ms"))));
        }
    }

    private static void CheckConsecutive(ComponentAnnotation last, GlobalPathAnnotation path, Dictionary<string, ComponentAnnotation> byName, Action<Diagnostic> report)
    {
        for (var i = 0; i < path.Previous.Length; i++)
        {
            var from = byName[path.Previous[i].Value];
            var to = i + 1 < path.Previous.Length ? path.Previous[i + 1].Value : last.Name;

            // Only components that declare their edges in code are checked: without [Successor] the DAG is elsewhere.
            // Edges naming an unknown component are AIS0104's; checking the path against them would only echo it.
            if (from.Successors.Length > 0
                && from.Successors.All(s => byName.ContainsKey(s.Target.Value))
                && !from.Successors.Any(s => s.Target.Value == to))
            {
                // The fix inserts the component between them when exactly one successor of 'from' leads on to 'to'.
                var between = from.Successors.Select(s => byName[s.Target.Value]).Where(b => b.Successors.Any(s => s.Target.Value == to)).Select(b => b.Name).Distinct().ToArray();
                var properties = between.Length == 1
                    ? ImmutableDictionary<string, string?>.Empty.Add(AiSprintRules.InsertProperty, between[0])
                    : ImmutableDictionary<string, string?>.Empty;
                report(Diagnostic.Create(
                    AiSprintRules.PathNotConsecutive,
                    path.Previous[i].Location,
                    properties,
                    path.Name,
                    from.Name,
                    to,
                    string.Join(", ", from.Successors.Select(s => "'" + s.Target.Value + "'"))));
            }
        }
    }

    private static string Describe(ComponentAnnotation component)
    {
        var span = component.NameLocation.GetLineSpan();
        return component.Method + " (" + span.Path + ", line " + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + ")";
    }

    private static string UnitSuffix(int unit) => unit switch
    {
        AnnotationContract.Milliseconds => " ms",
        AnnotationContract.Seconds => " s",
        _ => string.Empty,
    };

    /// <summary>Invariant, grouped, at most three decimals: 2,500 / 0.8 / 1.25.</summary>
    internal static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
