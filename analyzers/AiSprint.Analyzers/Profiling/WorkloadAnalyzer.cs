using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using AiSprint.Contract.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSprint.Analyzers.Profiling;

/// <summary>
/// The workloads of <c>aisprint profile</c>: AIS0112 (a workload for an unknown component), AIS0116 (a workload method
/// of the wrong shape), AIS0113/AIS0114 (a feature named twice in a case, or not a column name), AIS0115 (a case whose
/// lambda never calls the workload's component: its inputs reach no component parameter, and nothing would be measured).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkloadAnalyzer : DiagnosticAnalyzer
{
    private const string Workload = AiSprint.Contract.AnnotationContract.Workload;
    private const string WorkloadCase = "WorkloadCase";
    private static readonly Regex ColumnName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AiSprintRules.UnknownWorkloadComponent,
        AiSprintRules.FeatureNamedTwice,
        AiSprintRules.InvalidFeatureName,
        AiSprintRules.CaseMissesComponent,
        AiSprintRules.MalformedWorkload);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var components = new ComponentIndexHolder(start.Compilation.Assembly);
            start.RegisterSymbolAction(symbol => CheckWorkload(symbol, components), SymbolKind.Method);
            start.RegisterOperationAction(operation => CheckInvocation(operation, components), OperationKind.Invocation);
        });
    }

    private static void CheckWorkload(SymbolAnalysisContext context, ComponentIndexHolder components)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var (component, location) in WorkloadComponents(method, context.CancellationToken))
        {
            var index = components.Get(context.CancellationToken);
            if (!index.FirstByName.ContainsKey(component))
            {
                var suggestion = NameSuggestion.Closest(component, index.SortedNames);
                var properties = suggestion is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(AiSprintRules.SuggestionProperty, suggestion);
                var hint = suggestion is null ? "; the compilation has no components" : "; did you mean '" + suggestion + "'?";
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.UnknownWorkloadComponent, location, properties, method.Name, component, hint));
            }
        }

        if (!WorkloadComponents(method, context.CancellationToken).Any())
        {
            return;
        }

        var problem = !method.IsStatic ? "is an instance method"
            : method.Parameters.Length != 0 ? "has parameters"
            : method.IsGenericMethod ? "is generic"
            : !ReturnsCases(method.ReturnType) ? "returns " + method.ReturnType.ToDisplayString()
            : null;
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.MalformedWorkload, method.Locations.FirstOrDefault() ?? Location.None, method.Name, problem));
        }
    }

    private static void CheckInvocation(OperationAnalysisContext context, ComponentIndexHolder components)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsWorkloadCase(invocation.TargetMethod.ContainingType))
        {
            return;
        }

        switch (invocation.TargetMethod.Name)
        {
            // The outermost With of a chain checks the whole chain, once.
            case "With" when !(invocation.Parent is IInvocationOperation { TargetMethod.Name: "With" } outer && outer.Instance == invocation):
                CheckFeatures(context, invocation);
                break;
            case "Run":
                CheckCall(context, invocation, components);
                break;
        }
    }

    private static void CheckFeatures(OperationAnalysisContext context, IInvocationOperation outermost)
    {
        var chain = new List<IInvocationOperation>();
        for (IOperation? at = outermost; at is IInvocationOperation { TargetMethod.Name: "With" } with && IsWorkloadCase(with.TargetMethod.ContainingType); at = with.Instance)
        {
            chain.Add(with);
        }

        chain.Reverse();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var with in chain)
        {
            if (with.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is not { ConstantValue: { HasValue: true, Value: string name } } argument)
            {
                continue; // A computed name is the profiled process's to check.
            }

            if (!ColumnName.IsMatch(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.InvalidFeatureName, argument.Syntax.GetLocation(), name));
            }
            else if (!seen.Add(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.FeatureNamedTwice, argument.Syntax.GetLocation(), name));
            }
        }
    }

    private static void CheckCall(OperationAnalysisContext context, IInvocationOperation run, ComponentIndexHolder components)
    {
        if (context.ContainingSymbol is not IMethodSymbol workload
            || WorkloadComponents(workload, context.CancellationToken).Select(w => w.Component).FirstOrDefault() is not { } component
            || run.Arguments.FirstOrDefault()?.Value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            return; // Outside a workload, or a delegate the analyzer cannot see into: the profiled process reports AIS0064.
        }

        if (!components.Get(context.CancellationToken).FirstByName.ContainsKey(component))
        {
            return; // AIS0112's: no component to call.
        }

        var calls = lambda.Body.Descendants().OfType<IInvocationOperation>();
        if (!calls.Any(call => AnnotationReader.Read(call.TargetMethod.OriginalDefinition, context.CancellationToken)?.Name == component))
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.CaseMissesComponent, lambda.Syntax.GetLocation(), workload.Name, component));
        }
    }

    private static IEnumerable<(string Component, Location Location)> WorkloadComponents(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { MetadataName: Workload, ContainingNamespace: { Name: "Annotations", ContainingNamespace: { Name: "AiSprint", ContainingNamespace.IsGlobalNamespace: true } } }
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string component)
            {
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax;
                var location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression.GetLocation() ?? syntax?.GetLocation() ?? Location.None;
                yield return (component, location);
            }
        }
    }

    private static bool IsWorkloadCase(ITypeSymbol? type) =>
        type is { Name: WorkloadCase, ContainingNamespace: { Name: "Annotations", ContainingNamespace: { Name: "AiSprint", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool ReturnsCases(ITypeSymbol type) =>
        (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length == 1
            && named.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && IsWorkloadCase(named.TypeArguments[0]))
        || type.AllInterfaces.Any(i => i.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && i.TypeArguments.Length == 1 && IsWorkloadCase(i.TypeArguments[0]));
}
