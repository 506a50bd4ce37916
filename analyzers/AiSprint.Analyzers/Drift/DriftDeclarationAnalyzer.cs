using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using AiSprint.Analyzers.Consistency;
using AiSprint.Analyzers.Inputs;
using AiSprint.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSprint.Analyzers.Drift;

/// <summary>
/// Checks <c>[DetectDrift]</c> declarations (AIS0130–AIS0136): values the runtime would refuse at start, a test that
/// does not fit the values the component records under the metric (read from its <c>DriftMetrics.Record</c> calls),
/// and a reference file that is not among the AdditionalFiles.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DriftDeclarationAnalyzer : DiagnosticAnalyzer
{
    private const string DriftMetricsFullName = "AiSprint.Telemetry.Drift.DriftMetrics";
    private const string DriftMonitorFullName = "AiSprint.Telemetry.Drift.DriftMonitor";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AiSprintRules.UnknownDriftTest, AiSprintRules.DriftThresholdOutOfRange, AiSprintRules.DriftWindowTooSmall,
        AiSprintRules.DriftNonPositiveInterval, AiSprintRules.DriftTestDoesNotFitMetric, AiSprintRules.DriftReferenceFileMissing,
        AiSprintRules.DriftMetricDeclaredTwice);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var inputs = new PerCompilation<ProjectInputs>(ct => ProjectInputs.Read(start.Options, ct));
            start.RegisterSymbolAction(symbolContext => AnalyzeDeclarations(symbolContext, inputs), SymbolKind.Method);
            // AIS0134 at symbol end: reported at the declaration (where the fix applies), local to the method.
            start.RegisterSymbolStartAction(symbolStart =>
            {
                if (symbolStart.Symbol is not IMethodSymbol method || !Declarations(method).Any())
                {
                    return;
                }

                var records = new ConcurrentQueue<IInvocationOperation>();
                symbolStart.RegisterOperationAction(op => CollectRecord(op, records), OperationKind.Invocation);
                symbolStart.RegisterSymbolEndAction(end =>
                {
                    foreach (var record in records)
                    {
                        AnalyzeRecord(end, method, record);
                    }
                });
            }, SymbolKind.Method);
        });
    }

    private static void AnalyzeDeclarations(SymbolAnalysisContext context, PerCompilation<ProjectInputs> inputs)
    {
        if (context.Symbol is not IMethodSymbol method)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in Declarations(method))
        {
            var component = ComponentName(method);
            var metric = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            Location At(int position, string? named) => ArgumentLocation(syntax, position, named) ?? syntax?.GetLocation() ?? Location.None;

            if (string.IsNullOrEmpty(metric))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.DriftMetricDeclaredTwice, At(0, null), $"A drift detector of '{component}' has no metric name"));
            }
            else if (!seen.Add(metric!))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.DriftMetricDeclaredTwice, At(0, null), $"'{component}' declares a drift detector on '{metric}' twice"));
            }

            metric ??= string.Empty;
            if (attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int test && !AnnotationContract.IsDefinedDriftTest(test))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.UnknownDriftTest, At(1, null), component, metric, test.ToString(CultureInfo.InvariantCulture)));
            }

            if (Named(attribute, AnnotationContract.DriftPValueThreshold) is double threshold && !(threshold > 0 && threshold < 1))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.DriftThresholdOutOfRange, At(-1, AnnotationContract.DriftPValueThreshold), component, metric, Number(threshold)));
            }

            if (Named(attribute, AnnotationContract.DriftWindowSize) is int window && window < AnnotationContract.MinimumDriftWindowSize)
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.DriftWindowTooSmall, At(-1, AnnotationContract.DriftWindowSize), component, metric,
                    window.ToString(CultureInfo.InvariantCulture), AnnotationContract.MinimumDriftWindowSize.ToString(CultureInfo.InvariantCulture)));
            }

            if (Named(attribute, AnnotationContract.DriftDetectionIntervalSeconds) is double interval && !(interval > 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.DriftNonPositiveInterval, At(-1, AnnotationContract.DriftDetectionIntervalSeconds), component, metric,
                    "detection interval", Number(interval), "it must be greater than 0"));
            }

            if (Named(attribute, AnnotationContract.DriftCollectionPeriodSeconds) is double period && !(period >= 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.DriftNonPositiveInterval, At(-1, AnnotationContract.DriftCollectionPeriodSeconds), component, metric,
                    "collection period", Number(period), "it must be 0 or more"));
            }

            if (Named(attribute, AnnotationContract.DriftReferenceFile) is string reference && reference.Length > 0)
            {
                CheckReferenceFile(context, inputs, reference, component, At(-1, AnnotationContract.DriftReferenceFile));
            }
        }
    }

    private static void CheckReferenceFile(SymbolAnalysisContext context, PerCompilation<ProjectInputs> inputs, string reference, string component, Location location)
    {
        var all = inputs.Get(context.CancellationToken);
        var known = all.AdditionalFilePaths.Select(ProjectPath.Normalize).ToArray();
        var resolved = ProjectPath.Resolve(reference, all.ProjectDirectory);
        var found = resolved is not null
            ? known.Contains(resolved, StringComparer.OrdinalIgnoreCase)
            : known.Any(f => f.EndsWith("/" + ProjectPath.Normalize(reference), StringComparison.OrdinalIgnoreCase));
        if (!found)
        {
            var where = resolved is null ? string.Empty : " (resolved to '" + resolved + "')";
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.DriftReferenceFileMissing, location, reference, component, where));
        }
    }

    private static void CollectRecord(OperationAnalysisContext context, ConcurrentQueue<IInvocationOperation> records)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod;
        if (target.Name == "Record" && target.Parameters.Length == 2 && invocation.Arguments.Length == 2
            && target.ContainingType?.ToDisplayString() is DriftMetricsFullName or DriftMonitorFullName)
        {
            records.Enqueue(invocation);
        }
    }

    /// <summary>AIS0134 for a <c>Record(metric, value)</c> call inside a method that declares a detector on that metric.</summary>
    private static void AnalyzeRecord(SymbolAnalysisContext context, IMethodSymbol method, IInvocationOperation invocation)
    {
        var ordered = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToArray();
        if (ordered[0].Value.ConstantValue is not { HasValue: true, Value: string metric })
        {
            return;
        }

        var declaration = Declarations(method).FirstOrDefault(a => a.ConstructorArguments.Length > 1 && a.ConstructorArguments[0].Value as string == metric);
        if (declaration?.ConstructorArguments[1].Value is not int test || !AnnotationContract.IsDefinedDriftTest(test))
        {
            return;
        }

        var value = ordered[1].Value;
        var recorded = value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand.Type : value.Type;
        var kind = KindOf(recorded);
        if (kind is null || Fits(kind.Value, test))
        {
            return;
        }

        var fitting = FittingTest(kind.Value);
        var properties = ImmutableDictionary<string, string?>.Empty;
        var advice = string.Empty;
        if (fitting is { } fit)
        {
            properties = properties.Add(AiSprintRules.FittingTestProperty, MemberName(fit));
            advice = "; declare DriftTest." + MemberName(fit);
        }
        else if (kind == ValueKind.Continuous)
        {
            advice = "; declare DriftTest.KolmogorovSmirnov or DriftTest.CramerVonMises";
        }

        // Located at the declared test, where the fix applies; the Record call is the evidence.
        var testLocation = (declaration.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax) is { ArgumentList.Arguments.Count: > 1 } syntax
            ? syntax.ArgumentList.Arguments[1].GetLocation()
            : ordered[1].Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(
            AiSprintRules.DriftTestDoesNotFitMetric, testLocation, [ordered[1].Syntax.GetLocation()], properties,
            ComponentName(method), metric, Describe(kind.Value, recorded), AnnotationContract.DriftTestName(test), KindName(TestKind(test)), advice));
    }

    private enum ValueKind
    {
        Continuous,
        Categorical,
        Binary,
        Integral, // counts and codes: continuous or categorical tests both make sense
    }

    private static ValueKind? KindOf(ITypeSymbol? type) => type switch
    {
        null => null,
        { SpecialType: SpecialType.System_Boolean } => ValueKind.Binary,
        { SpecialType: SpecialType.System_String or SpecialType.System_Char } => ValueKind.Categorical,
        { TypeKind: TypeKind.Enum } => ValueKind.Categorical,
        { SpecialType: SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal } => ValueKind.Continuous,
        { SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UInt16 or SpecialType.System_SByte } => ValueKind.Integral,
        _ => null,
    };

    private static ValueKind TestKind(int test) => test switch
    {
        AnnotationContract.ChiSquared => ValueKind.Categorical,
        AnnotationContract.FisherExact => ValueKind.Binary,
        _ => ValueKind.Continuous,
    };

    private static bool Fits(ValueKind kind, int test) => kind switch
    {
        ValueKind.Binary => test is AnnotationContract.FisherExact or AnnotationContract.ChiSquared,
        ValueKind.Categorical => test == AnnotationContract.ChiSquared,
        ValueKind.Continuous => test is AnnotationContract.KolmogorovSmirnov or AnnotationContract.CramerVonMises,
        _ => test != AnnotationContract.FisherExact,
    };

    private static int? FittingTest(ValueKind kind) => kind switch
    {
        ValueKind.Binary => AnnotationContract.FisherExact,
        ValueKind.Categorical => AnnotationContract.ChiSquared,
        _ => null, // continuous: two tests fit, no fix chooses for the user
    };

    private static string MemberName(int test) => test switch
    {
        AnnotationContract.KolmogorovSmirnov => "KolmogorovSmirnov",
        AnnotationContract.CramerVonMises => "CramerVonMises",
        AnnotationContract.ChiSquared => "ChiSquared",
        _ => "FisherExact",
    };

    private static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Binary => "binary",
        ValueKind.Categorical => "categorical",
        _ => "continuous",
    };

    private static string Describe(ValueKind kind, ITypeSymbol? type) => KindName(kind) + " values (" + type?.ToDisplayString() + ")";

    private static IEnumerable<AttributeData> Declarations(IMethodSymbol method) =>
        method.GetAttributes().Where(a => a.AttributeClass is { Name: AnnotationContract.DetectDrift } type
            && type.ContainingNamespace?.ToDisplayString() == AnnotationContract.Namespace);

    private static string ComponentName(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: AnnotationContract.Component } type
                && type.ContainingNamespace?.ToDisplayString() == AnnotationContract.Namespace) is { ConstructorArguments.Length: > 0 } component
            && component.ConstructorArguments[0].Value is string { Length: > 0 } name
            ? name
            : method.Name;

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value.Value;
            }
        }

        return null;
    }

    /// <summary>The argument's expression: the position-th positional one, or the one named <paramref name="named"/>.</summary>
    private static Location? ArgumentLocation(AttributeSyntax? syntax, int position, string? named)
    {
        if (syntax?.ArgumentList is not { } list)
        {
            return null;
        }

        if (named is not null)
        {
            return list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == named)?.Expression.GetLocation();
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToArray();
        return position < positional.Length ? positional[position].Expression.GetLocation() : null;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
