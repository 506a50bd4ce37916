using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSprint.Analyzers;

/// <summary>
/// Checks the AiSprint annotations of a compilation (AIS0100–AIS0107).
/// </summary>
/// <remarks>
/// Rules about one method (thresholds, units, probabilities, ONNX paths) are reported from the symbol action, so the
/// IDE shows them live on the open document. Rules that need every component of the compilation (unknown names in
/// paths and successors, duplicates, global vs. local budgets) cannot be decided from one symbol: the symbol action
/// collects each component into a concurrent bag and a compilation-end action reports them. This is the standard
/// pattern: the compiler runs it on every build, while the IDE reports compilation-end diagnostics only under full
/// solution analysis (hence the <see cref="WellKnownDiagnosticTags.CompilationEnd"/> tag on those descriptors). A
/// per-compilation syntax scan would instead re-bind every attribute in the compilation on each request.
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
        AiSprintRules.UndefinedTimeUnit);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var components = new ConcurrentBag<ComponentAnnotation>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is IMethodSymbol method && AnnotationReader.Read(method, symbolContext.CancellationToken) is { } component)
                    {
                        ReportLocal(component, symbolContext.ReportDiagnostic);
                        components.Add(component);
                    }
                },
                SymbolKind.Method);
            start.RegisterCompilationEndAction(end => ReportCrossComponent(components.ToArray(), end.ReportDiagnostic));
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
        if (!AnnotationReader.IsDefinedUnit(unit))
        {
            report(Diagnostic.Create(AiSprintRules.UndefinedTimeUnit, unitLocation, kind, component, unit.ToString(CultureInfo.InvariantCulture)));
        }

        if (!(threshold > 0))
        {
            report(Diagnostic.Create(AiSprintRules.NonPositiveThreshold, location, kind, component, Format(threshold) + UnitSuffix(unit)));
        }
    }

    private static void ReportCrossComponent(ComponentAnnotation[] components, Action<Diagnostic> report)
    {
        // Source order, so "the second declaration" and every report are deterministic whatever the bag's order.
        Array.Sort(components, CompareByLocation);
        var byName = new Dictionary<string, ComponentAnnotation>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            if (byName.TryGetValue(component.Name, out var first))
            {
                report(Diagnostic.Create(AiSprintRules.DuplicateComponent, component.NameLocation, component.Name, Describe(first)));
            }
            else
            {
                byName.Add(component.Name, component);
            }
        }

        var names = byName.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        foreach (var component in components)
        {
            foreach (var path in component.GlobalPaths)
            {
                var allKnown = true;
                foreach (var previous in path.Previous)
                {
                    if (!byName.ContainsKey(previous.Value))
                    {
                        allKnown = false;
                        ReportUnknown(AiSprintRules.UnknownPathComponent, previous, path.Name, names, report);
                    }
                }

                if (allKnown)
                {
                    CheckBudget(component, path, byName, report);
                }
            }

            foreach (var successor in component.Successors)
            {
                if (!byName.ContainsKey(successor.Target.Value))
                {
                    ReportUnknown(AiSprintRules.UnknownSuccessor, successor.Target, component.Name, names, report);
                }
            }
        }
    }

    private static void ReportUnknown(DiagnosticDescriptor rule, Located<string> unknown, string owner, string[] names, Action<Diagnostic> report)
    {
        var suggestion = NameSuggestion.Closest(unknown.Value, names);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(AiSprintRules.SuggestionProperty, suggestion);
        var hint = suggestion is null ? "; the compilation has no components" : "; did you mean '" + suggestion + "'?";
        var args = rule == AiSprintRules.UnknownPathComponent
            ? new object[] { owner, unknown.Value, hint }
            : new object[] { unknown.Value, owner, hint };
        report(Diagnostic.Create(rule, unknown.Location, properties, args));
    }

    private static void CheckBudget(ComponentAnnotation last, GlobalPathAnnotation path, Dictionary<string, ComponentAnnotation> byName, Action<Diagnostic> report)
    {
        if (AnnotationReader.ToMilliseconds(path.Threshold, path.Unit) is not { } global || !(global > 0))
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

    private static string Describe(ComponentAnnotation component)
    {
        var span = component.NameLocation.GetLineSpan();
        return component.Method + " (" + span.Path + ", line " + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + ")";
    }

    private static int CompareByLocation(ComponentAnnotation a, ComponentAnnotation b)
    {
        var byPath = string.CompareOrdinal(a.NameLocation.SourceTree?.FilePath, b.NameLocation.SourceTree?.FilePath);
        return byPath != 0 ? byPath : a.NameLocation.SourceSpan.Start.CompareTo(b.NameLocation.SourceSpan.Start);
    }

    private static string UnitSuffix(int unit) => unit switch
    {
        AnnotationNames.Milliseconds => " ms",
        AnnotationNames.Seconds => " s",
        _ => string.Empty,
    };

    /// <summary>Invariant, grouped, at most three decimals: 2,500 / 0.8 / 1.25.</summary>
    internal static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
