using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiSprint.Analyzers.Inputs;
using AiSprint.Contract;
using AiSprint.Contract.Inputs;
using AiSprint.Contract.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSprint.Analyzers.Feasibility;

/// <summary>
/// AIS1001–AIS1004: annotations that no candidate resource can satisfy, judged from candidate_resources.yaml and the
/// demands files passed as AdditionalFiles. Every number compared is a lower bound of what the placement would see
/// (demands ignore contention, transfers take the best route), so a warning here means no placement can succeed.
/// Reported from each component method's symbol action: live in the IDE, suppressible with #pragma.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeasibilityAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AiSprintRules.LocalThresholdBelowDemand,
        AiSprintRules.GlobalPathInfeasible,
        AiSprintRules.NoTrustedResource,
        AiSprintRules.MemoryAboveEveryResource);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Options.AdditionalFiles.Any(f => IsInput(ProjectInputs.FileName(f.Path))))
            {
                return; // No resources and no demands: nothing to judge, no cost.
            }

            var inputs = new PerCompilation<ProjectInputs>(ct => ProjectInputs.Read(start.Options, ct));
            var index = new ComponentIndexHolder(start.Compilation.Assembly);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is IMethodSymbol method
                        && AnnotationReader.HasComponentAttribute(method)
                        && index.Get(symbolContext.CancellationToken) is var components
                        && components.Find(method) is { } component)
                    {
                        var all = inputs.Get(symbolContext.CancellationToken);
                        var candidates = new Candidates(all.UsableResources, all.UsableDemands, all.UsableDataSizes);
                        CheckLocal(component, candidates, symbolContext.ReportDiagnostic);
                        CheckGlobal(component, components, candidates, symbolContext.ReportDiagnostic);
                        CheckTrusted(component, candidates, symbolContext.ReportDiagnostic);
                        CheckMemory(component, candidates, symbolContext.ReportDiagnostic);
                    }
                },
                SymbolKind.Method);
        });
    }

    private static bool IsInput(string fileName) =>
        fileName.Equals(CandidateResourcesReader.FileName, StringComparison.OrdinalIgnoreCase) || DemandsCsv.IsDemandsFile(fileName);

    private static void CheckLocal(ComponentAnnotation component, Candidates candidates, Action<Diagnostic> report)
    {
        if (component.LocalThresholdMilliseconds is { } threshold && threshold > 0
            && candidates.Demands?.Fastest(component.Name) is { } fastest
            && fastest.Milliseconds > threshold)
        {
            report(Diagnostic.Create(
                AiSprintRules.LocalThresholdBelowDemand,
                component.LocalThresholdLocation,
                component.Name,
                AnnotationAnalyzer.Format(fastest.Milliseconds),
                fastest.Resource,
                AnnotationAnalyzer.Format(threshold)));
        }
    }

    private static void CheckGlobal(ComponentAnnotation last, ComponentIndex components, Candidates candidates, Action<Diagnostic> report)
    {
        if (candidates.Demands is not { } demands)
        {
            return;
        }

        foreach (var path in last.GlobalPaths)
        {
            if (AnnotationContract.ToMilliseconds(path.Threshold, path.Unit) is not { } threshold || !(threshold > 0)
                || path.Previous.Any(p => !components.FirstByName.ContainsKey(p.Value)))
            {
                continue; // AIS0100, AIS0107 and AIS0101 cover these.
            }

            var members = path.Previous.Select(p => components.FirstByName[p.Value]).Concat(new[] { last }).ToArray();
            var bound = new BestCasePath();
            for (var i = 0; i < members.Length; i++)
            {
                if (i > 0)
                {
                    bound.Transfer(members[i - 1].Name, members[i].Name, candidates.LeastTransferMilliseconds(members[i - 1], members[i]));
                }

                if (demands.Fastest(members[i].Name) is { } fastest)
                {
                    bound.Component(members[i].Name, fastest.Milliseconds, fastest.Resource);
                }
            }

            if (bound.Exceeds(threshold))
            {
                report(Diagnostic.Create(
                    AiSprintRules.GlobalPathInfeasible,
                    path.ThresholdLocation,
                    path.Name,
                    BestCasePath.Format(bound.TotalMilliseconds),
                    bound.Breakdown,
                    BestCasePath.Format(threshold)));
            }
        }
    }

    private static void CheckTrusted(ComponentAnnotation component, Candidates candidates, Action<Diagnostic> report)
    {
        if (component.Requirements.NeedsTrustedExecution
            && candidates.CompatibleResources(component.Name) is { Count: > 0 } compatible
            && !compatible.Any(r => r.CanRunTrusted))
        {
            report(Diagnostic.Create(
                AiSprintRules.NoTrustedResource,
                component.Requirements.SecurityLocation,
                component.Name,
                string.Join(", ", compatible.Select(r => r.Name))));
        }
    }

    private static void CheckMemory(ComponentAnnotation component, Candidates candidates, Action<Diagnostic> report)
    {
        if (component.Requirements.RamMb is { } ram
            && candidates.CompatibleResources(component.Name) is { Count: > 0 } compatible
            && compatible.Max(r => r.MemoryMb) is var largest
            && ram.Value > largest)
        {
            report(Diagnostic.Create(
                AiSprintRules.MemoryAboveEveryResource,
                ram.Location,
                component.Name,
                AnnotationAnalyzer.Format(ram.Value),
                AnnotationAnalyzer.Format(largest),
                string.Join(", ", compatible.Select(r => r.Name + " " + AnnotationAnalyzer.Format(r.MemoryMb) + " MB"))));
        }
    }
}
