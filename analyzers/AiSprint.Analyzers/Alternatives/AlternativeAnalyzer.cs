using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using AiSprint.Contract;
using AiSprint.Contract.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Analyzers.Alternatives;

/// <summary>
/// [Alternative] and [assembly: ApplicationMetric]: AIS0117 (an alternative of an unknown component, with the closest
/// name), AIS0118 (a signature the component's call cannot take), AIS0122 (a name already taken), AIS0123 (alternatives
/// without a declared metric), AIS0119/AIS0120 (a metric name outside the four, a threshold outside (0, 1]) and AIS0121
/// (a combination the project's deployments_performance.yaml has no metric for).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlternativeAnalyzer : DiagnosticAnalyzer
{
    private const string PerformanceFileName = "deployments_performance.yaml";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AiSprintRules.UnknownAlternativeComponent,
        AiSprintRules.AlternativeSignatureMismatch,
        AiSprintRules.UnknownMetricName,
        AiSprintRules.MetricThresholdOutOfRange,
        AiSprintRules.CombinationWithoutMetric,
        AiSprintRules.AlternativeNameTaken,
        AiSprintRules.AlternativesWithoutMetric,
        AiSprintRules.AlternativeOfItself,
        AiSprintRules.AlternativePartitioningIgnored);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var components = new ComponentIndexHolder(start.Compilation.Assembly);
            var alternatives = new Lazy<IReadOnlyList<AlternativeDeclaration>>(() => AlternativeDeclaration.All(start.Compilation.Assembly, start.CancellationToken));
            var metric = MetricAttribute(start.Compilation.Assembly);
            start.RegisterSymbolAction(symbol => CheckAlternative(symbol, components, alternatives.Value, metric), SymbolKind.Method);
            start.RegisterSyntaxNodeAction(node => CheckMetric(node, components, alternatives.Value), SyntaxKind.Attribute);
        });
    }

    private static AttributeData? MetricAttribute(IAssemblySymbol assembly) =>
        assembly.GetAttributes().FirstOrDefault(a => IsAnnotation(a.AttributeClass, AnnotationContract.ApplicationMetric));

    private static void CheckAlternative(SymbolAnalysisContext context, ComponentIndexHolder holder, IReadOnlyList<AlternativeDeclaration> all, AttributeData? metric)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (all.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Method, method)) is not { } alternative)
        {
            return;
        }

        var index = holder.Get(context.CancellationToken);
        if (NotAnAlternative(method, alternative, all, index.FirstByName.ContainsKey(alternative.Component)) is { } reason)
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.AlternativeOfItself, alternative.ComponentLocation, reason));
            return;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (IsAnnotation(attribute.AttributeClass, AnnotationContract.Partitionable) || IsAnnotation(attribute.AttributeClass, AnnotationContract.EarlyExits))
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? alternative.NameLocation;
                var shortName = attribute.AttributeClass!.Name.Substring(0, attribute.AttributeClass.Name.Length - "Attribute".Length);
                context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.AlternativePartitioningIgnored, location, alternative.Name, shortName));
            }
        }

        if (!index.FirstByName.ContainsKey(alternative.Component))
        {
            var suggestion = NameSuggestion.Closest(alternative.Component, index.SortedNames);
            var properties = suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(AiSprintRules.SuggestionProperty, suggestion);
            var hint = suggestion is null ? "" : "; did you mean '" + suggestion + "'?";
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.UnknownAlternativeComponent, alternative.ComponentLocation, properties, alternative.Name, alternative.Component, hint));
        }
        else if (index.MethodOf(alternative.Component) is { } original && Mismatch(original, method) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.AlternativeSignatureMismatch, method.Locations.FirstOrDefault() ?? Location.None,
                alternative.Name, alternative.Component, original.ContainingType.Name + "." + original.Name, problem));
        }

        if (index.FirstByName.ContainsKey(alternative.Name))
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.AlternativeNameTaken, alternative.NameLocation, alternative.Name, "a component"));
        }
        else if (all.FirstOrDefault(a => a.Name == alternative.Name) is { } first && !ReferenceEquals(first, alternative))
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.AlternativeNameTaken, alternative.NameLocation, alternative.Name, "the alternative " + first.Method.ContainingType.Name + "." + first.Method.Name));
        }

        if (metric is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.AlternativesWithoutMetric, alternative.NameLocation, alternative.Name));
            // Without the assembly attribute there is no place for AIS0121, yet the build still needs every combination's
            // metric (AIS0032): report the missing ones once, at the first alternative in source order.
            if (ReferenceEquals(all[0], alternative))
            {
                CheckCombinations(context.Options, holder, all, alternative.NameLocation, context.ReportDiagnostic, context.CancellationToken);
            }
        }
    }

    /// <summary>
    /// Why <paramref name="alternative"/> is no alternative at all (AIS0137), or null: its method is the component it
    /// names, its method is also another component, or it names an alternative instead of an original component.
    /// </summary>
    private static string? NotAnAlternative(IMethodSymbol method, AlternativeDeclaration alternative, IReadOnlyList<AlternativeDeclaration> all, bool isComponent)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (IsAnnotation(attribute.AttributeClass, AnnotationContract.Component) && attribute.ConstructorArguments.FirstOrDefault().Value is string own)
            {
                return own == alternative.Component
                    ? $"'{alternative.Name}' is marked as an alternative of '{own}', the component its own method is; put [Alternative] on another method that implements '{own}' differently"
                    : $"'{method.Name}' is the component '{own}' and also an alternative '{alternative.Name}' of '{alternative.Component}'; one method is one implementation, so give the alternative a method of its own";
            }
        }

        if (!isComponent && all.FirstOrDefault(a => a.Name == alternative.Component) is { } replaced)
        {
            return replaced.Component == alternative.Name
                ? $"'{alternative.Name}' is marked as an alternative of itself"
                : $"'{alternative.Component}' is itself an alternative (of '{replaced.Component}'); alternatives replace original components only, so name '{replaced.Component}'";
        }

        return null;
    }

    /// <summary>Why the generated call of <paramref name="original"/> cannot call <paramref name="alternative"/> instead, or null.</summary>
    private static string? Mismatch(IMethodSymbol original, IMethodSymbol alternative)
    {
        if (original.IsStatic != alternative.IsStatic)
        {
            return original.IsStatic ? "the component is static and the alternative is not" : "the component is an instance method and the alternative is static";
        }

        if (!original.IsStatic && !SymbolEqualityComparer.Default.Equals(original.ContainingType, alternative.ContainingType))
        {
            return "an instance alternative must be declared on " + original.ContainingType.ToDisplayString();
        }

        if (alternative.IsGenericMethod || alternative.ContainingType.IsGenericType)
        {
            return "the alternative is generic or declared on a generic type";
        }

        if (alternative.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
        {
            return "the generated call cannot reach a private or protected method; make it internal or public";
        }

        if (original.Parameters.Length != alternative.Parameters.Length)
        {
            return $"it takes {alternative.Parameters.Length} parameters, the component {original.Parameters.Length}";
        }

        for (var i = 0; i < original.Parameters.Length; i++)
        {
            var (expected, actual) = (original.Parameters[i], alternative.Parameters[i]);
            if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type) || expected.RefKind != actual.RefKind)
            {
                return $"parameter {i + 1} is {Describe(actual)}, expected {Describe(expected)}";
            }
        }

        return SymbolEqualityComparer.Default.Equals(original.ReturnType, alternative.ReturnType) && original.RefKind == alternative.RefKind
            ? null
            : $"it returns {alternative.ReturnType.ToDisplayString()}, expected {original.ReturnType.ToDisplayString()}";
    }

    private static string Describe(IParameterSymbol parameter) =>
        (parameter.RefKind == RefKind.None ? "" : parameter.RefKind.ToString().ToLowerInvariant() + " ") + parameter.Type.ToDisplayString();

    private static void CheckMetric(SyntaxNodeAnalysisContext context, ComponentIndexHolder holder, IReadOnlyList<AlternativeDeclaration> alternatives)
    {
        var syntax = (AttributeSyntax)context.Node;
        if (syntax.Parent is not AttributeListSyntax { Target.Identifier.ValueText: "assembly" })
        {
            return;
        }

        var attribute = context.Compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => a.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == syntax.SyntaxTree && reference.Span == syntax.Span);
        if (attribute is null || !IsAnnotation(attribute.AttributeClass, AnnotationContract.ApplicationMetric))
        {
            return;
        }

        if (attribute.ConstructorArguments.FirstOrDefault().Value is string name && Array.IndexOf(AnnotationContract.ApplicationMetricNames, name) < 0)
        {
            var suggestion = NameSuggestion.ClosestUnambiguous(name, AnnotationContract.ApplicationMetricNames);
            var properties = suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(AiSprintRules.SuggestionProperty, suggestion);
            var location = syntax.ArgumentList?.Arguments.FirstOrDefault()?.Expression.GetLocation() ?? syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.UnknownMetricName, location, properties, name, suggestion is null ? "" : "; did you mean '" + suggestion + "'?"));
        }

        var threshold = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Threshold");
        if (threshold.Key is not null && threshold.Value.Value is double value && !(value > 0 && value <= 1))
        {
            var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Threshold");
            context.ReportDiagnostic(Diagnostic.Create(AiSprintRules.MetricThresholdOutOfRange, argument?.Expression.GetLocation() ?? syntax.GetLocation(),
                value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (alternatives.Count == 0)
        {
            return;
        }

        CheckCombinations(context.Options, holder, alternatives, syntax.GetLocation(), context.ReportDiagnostic, context.CancellationToken);
    }

    /// <summary>AIS0121 at <paramref name="location"/>: each combination the project's deployments_performance.yaml has no metric for.</summary>
    private static void CheckCombinations(AnalyzerOptions options, ComponentIndexHolder holder, IReadOnlyList<AlternativeDeclaration> alternatives, Location location,
        Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var file = options.AdditionalFiles.FirstOrDefault(f => Path.GetFileName(f.Path).EndsWith(PerformanceFileName, StringComparison.OrdinalIgnoreCase));
        if (file is null)
        {
            report(Diagnostic.Create(AiSprintRules.CombinationWithoutMetric, location,
                $"The application has {alternatives.Count} alternative(s) but the project has no {PerformanceFileName} (the AiSprintDeploymentsPerformance item); expected the metric of each deployment there"));
            return;
        }

        if (Combinations(file, cancellationToken) is not { } listed)
        {
            return; // Unreadable: the build's reader reports it, located.
        }

        var components = holder.Get(cancellationToken).SortedNames;
        foreach (var deployment in Deployments(components, alternatives))
        {
            if (!listed.Any(l => l.SetEquals(deployment)))
            {
                report(Diagnostic.Create(AiSprintRules.CombinationWithoutMetric, location,
                    $"{Path.GetFileName(file.Path)} has no metric value for the deployment running {string.Join(", ", deployment.OrderBy(n => n, StringComparer.Ordinal))}; expected an entry with these components and its metric_value"));
            }
        }
    }

    /// <summary>Every combination: each component with alternatives runs itself or one of them.</summary>
    private static IEnumerable<HashSet<string>> Deployments(IReadOnlyList<string> components, IReadOnlyList<AlternativeDeclaration> alternatives)
    {
        IEnumerable<List<string>> partial = new[] { new List<string>() };
        foreach (var component in components)
        {
            var options = new[] { component }.Concat(alternatives.Where(a => a.Component == component).Select(a => a.Name).Distinct()).ToArray();
            partial = partial.SelectMany(p => options.Select(o => new List<string>(p) { o })).ToList();
        }

        return partial.Select(p => new HashSet<string>(p, StringComparer.Ordinal));
    }

    private static List<HashSet<string>>? Combinations(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.GetText(cancellationToken)?.ToString() ?? ""));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("System"), out var system) || system is not YamlMappingNode systemMap
                || !systemMap.Children.TryGetValue(new YamlScalarNode("sorted_deployments_performance"), out var sorted) || sorted is not YamlSequenceNode entries)
            {
                return null;
            }

            var result = new List<HashSet<string>>();
            foreach (var entry in entries.OfType<YamlMappingNode>())
            {
                foreach (var body in entry.Children.Values.OfType<YamlMappingNode>())
                {
                    if (body.Children.TryGetValue(new YamlScalarNode("components"), out var list) && list is YamlSequenceNode names
                        && body.Children.ContainsKey(new YamlScalarNode("metric_value")))
                    {
                        result.Add(new HashSet<string>(names.OfType<YamlScalarNode>().Select(n => n.Value ?? ""), StringComparer.Ordinal));
                    }
                }
            }

            return result;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    internal static bool IsAnnotation(INamedTypeSymbol? type, string metadataName) =>
        type is { ContainingNamespace: { Name: "Annotations", ContainingNamespace: { Name: "AiSprint", ContainingNamespace.IsGlobalNamespace: true } } }
        && type.MetadataName == metadataName;

    /// <summary>An [Alternative] in the source of the compilation, with where its arguments are written.</summary>
    private sealed class AlternativeDeclaration
    {
        private AlternativeDeclaration(IMethodSymbol method, string component, string name, Location componentLocation, Location nameLocation)
        {
            Method = method;
            Component = component;
            Name = name;
            ComponentLocation = componentLocation;
            NameLocation = nameLocation;
        }

        public IMethodSymbol Method { get; }

        public string Component { get; }

        public string Name { get; }

        public Location ComponentLocation { get; }

        public Location NameLocation { get; }

        /// <summary>In source order (file, then position), so "the second" of two equal names is the same whatever the analysis order.</summary>
        public static IReadOnlyList<AlternativeDeclaration> All(IAssemblySymbol assembly, CancellationToken cancellationToken)
        {
            var found = new List<AlternativeDeclaration>();
            var types = new Stack<INamespaceOrTypeSymbol>();
            types.Push(assembly.GlobalNamespace);
            while (types.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var member in types.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        types.Push(container);
                    }
                    else if (member is IMethodSymbol method && Read(method, cancellationToken) is { } declaration)
                    {
                        found.Add(declaration);
                    }
                }
            }

            return found.OrderBy(a => a.NameLocation.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(a => a.NameLocation.SourceSpan.Start).ToList();
        }

        private static AlternativeDeclaration? Read(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (IsAnnotation(attribute.AttributeClass, AnnotationContract.Alternative)
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string component && attribute.ConstructorArguments[1].Value is string name)
                {
                    var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                    var arguments = syntax?.ArgumentList?.Arguments;
                    var whole = syntax?.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
                    return new AlternativeDeclaration(method, component, name,
                        arguments is { Count: > 0 } a ? a[0].Expression.GetLocation() : whole,
                        arguments is { Count: > 1 } b ? b[1].Expression.GetLocation() : whole);
                }
            }

            return null;
        }
    }
}
