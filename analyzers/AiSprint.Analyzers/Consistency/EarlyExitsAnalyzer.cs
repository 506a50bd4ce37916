using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using AiSprint.Analyzers.Inputs;
using AiSprint.Contract;
using AiSprint.Contract.Inputs;
using AiSprint.Contract.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Consistency;

/// <summary>
/// <c>[EarlyExits]</c>: the condition method (AIS0125, judged as the generator judges it), the transition
/// probabilities (AIS0126 each outside [0, 1]; AIS0127 their count against the exits of <c>early_exits.csv</c>), the
/// model and exits file among the AdditionalFiles (AIS0128, when the package passes them), <c>[Partitionable]</c> on the
/// same method (AIS0129), and the exits file read with the build's reader (AIS0034 at its line).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EarlyExitsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key of the one usable method whose name is closest to a wrong condition name (read by the code fix).</summary>
    public const string ConditionSuggestionProperty = AiSprintRules.SuggestionProperty;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AiSprintRules.EarlyExitConditionSignature, AiSprintRules.ExitProbabilityOutOfRange, AiSprintRules.ExitProbabilityCount,
        AiSprintRules.EarlyExitFileMissing, AiSprintRules.EarlyExitsWithPartitionable, AiSprintRules.MalformedEarlyExits);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var inputs = new PerCompilation<ProjectInputs>(ct => ProjectInputs.Read(start.Options, ct));
            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, inputs.Get(symbolContext.CancellationToken), start.Options), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ProjectInputs inputs, AnalyzerOptions options)
    {
        var method = (IMethodSymbol)context.Symbol;
        var attribute = method.GetAttributes().FirstOrDefault(a => IsAnnotation(a, AnnotationContract.EarlyExits));
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
        {
            return;
        }

        var name = method.GetAttributes().FirstOrDefault(a => IsAnnotation(a, AnnotationContract.Component)) is { } component
            && component.ConstructorArguments.Length > 0 && component.ConstructorArguments[0].Value is string { Length: > 0 } given
            ? given
            : method.Name;
        var positional = syntax.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList() ?? [];
        Location At(int index) => index < positional.Count ? positional[index].Expression.GetLocation() : syntax.GetLocation();

        if (method.GetAttributes().Any(a => IsAnnotation(a, AnnotationContract.Partitionable)))
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.EarlyExitsWithPartitionable, syntax.GetLocation(), name));
        }

        var onnx = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        var condition = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string ?? string.Empty : string.Empty;
        CheckCondition(context, method.ContainingType, condition, name, At(1));

        var probabilities = attribute.ConstructorArguments.Length > 2 && attribute.ConstructorArguments[2].Kind == TypedConstantKind.Array
            ? attribute.ConstructorArguments[2].Values.Select(v => v.Value is double d ? d : double.NaN).ToArray()
            : [];
        var probabilityLocations = ProbabilityLocations(positional, probabilities.Length) ?? Enumerable.Repeat(syntax.GetLocation(), probabilities.Length).ToArray();
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.ExitProbabilityOutOfRange, probabilityLocations[i],
                    probabilities[i].ToString("R", CultureInfo.InvariantCulture), i + 1, name));
            }
        }

        var exitsFile = attribute.NamedArguments.FirstOrDefault(a => a.Key == AnnotationContract.EarlyExitsFileProperty).Value.Value as string
            ?? AnnotationContract.DefaultExitsFileFor(onnx);
        var exitsLocation = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == AnnotationContract.EarlyExitsFileProperty)?.Expression.GetLocation()
            ?? At(0);
        if (inputs.OnnxFilesPassed && !IsAdditionalFile(inputs, onnx))
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.EarlyExitFileMissing, At(0), "model", onnx, name, Resolved(onnx, inputs)));
        }

        var file = Find(options, inputs, exitsFile);
        if (file is null)
        {
            if (inputs.OnnxFilesPassed)
            {
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.EarlyExitFileMissing, exitsLocation, "exits file", exitsFile, name, Resolved(exitsFile, inputs)));
            }

            return;
        }

        if (file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var read = EarlyExitsCsv.Parse(text.ToString());
        foreach (var problem in read.Problems)
        {
            var line = Math.Max(0, Math.Min(problem.Line - 1, text.Lines.Count - 1));
            var span = text.Lines.Count == 0 ? new TextSpan(0, 0) : text.Lines[line].Span;
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.MalformedEarlyExits, FileLocation.Of(file.Path, text, span), problem.Message));
        }

        if (read.Exits is { } exits && exits.Count != probabilities.Length)
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.ExitProbabilityCount, syntax.GetLocation(), name, probabilities.Length, exitsFile, exits.Count));
        }
    }

    private static void CheckCondition(SymbolAnalysisContext context, INamedTypeSymbol type, string condition, string component, Location location)
    {
        if (EarlyExitCondition.Find(type, condition) is not null)
        {
            return;
        }

        var mismatches = EarlyExitCondition.Mismatches(type, condition);
        string problem;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (mismatches.Length > 0)
        {
            problem = "is declared as '" + mismatches[0].ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'"
                + (mismatches[0].DeclaredAccessibility == Accessibility.Private ? " (private: the generated runner cannot call it)" : string.Empty);
        }
        else
        {
            problem = "is no method of " + type.Name;
            var usable = type.GetMembers().OfType<IMethodSymbol>().Where(EarlyExitCondition.IsUsable).Select(m => m.Name).Distinct().ToArray();
            if (NameSuggestion.ClosestUnambiguous(condition, usable) is { } suggestion)
            {
                problem += " (did you mean '" + suggestion + "'?)";
                properties = properties.Add(ConditionSuggestionProperty, suggestion);
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.EarlyExitConditionSignature, location, properties, condition, component, problem));
    }

    private static Location[]? ProbabilityLocations(List<AttributeArgumentSyntax> positional, int count)
    {
        if (positional.Count == 3 && count != 1 && positional[2].Expression is ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax or CollectionExpressionSyntax)
        {
            IEnumerable<ExpressionSyntax>? elements = positional[2].Expression switch
            {
                ImplicitArrayCreationExpressionSyntax a => a.Initializer.Expressions,
                ArrayCreationExpressionSyntax { Initializer: { } i } => i.Expressions,
                CollectionExpressionSyntax c => c.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
                _ => null,
            };
            var list = elements?.Select(e => e.GetLocation()).ToArray();
            return list?.Length == count ? list : null;
        }

        return positional.Count == 2 + count ? positional.Skip(2).Select(a => a.Expression.GetLocation()).ToArray() : null;
    }

    private static bool IsAdditionalFile(ProjectInputs inputs, string path) =>
        inputs.AdditionalFilePaths.Any(f => Matches(f, path, inputs.ProjectDirectory));

    private static AdditionalText? Find(AnalyzerOptions options, ProjectInputs inputs, string path) =>
        options.AdditionalFiles.Where(f => Matches(f.Path, path, inputs.ProjectDirectory)).OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();

    private static bool Matches(string additionalFile, string path, string? projectDirectory)
    {
        var normalized = ProjectPath.Normalize(additionalFile);
        var resolved = ProjectPath.Resolve(path, projectDirectory);
        return resolved is not null
            ? string.Equals(normalized, resolved, StringComparison.OrdinalIgnoreCase)
            : normalized.EndsWith("/" + ProjectPath.Normalize(path), StringComparison.OrdinalIgnoreCase);
    }

    private static string Resolved(string path, ProjectInputs inputs) =>
        ProjectPath.Resolve(path, inputs.ProjectDirectory) is { } resolved ? " (resolved to '" + resolved + "')" : string.Empty;

    private static bool IsAnnotation(AttributeData attribute, string name) =>
        attribute.AttributeClass is { } type && type.MetadataName == name
        && type.ContainingNamespace is { Name: "Annotations", ContainingNamespace: { Name: "AiSprint", ContainingNamespace.IsGlobalNamespace: true } };
}
