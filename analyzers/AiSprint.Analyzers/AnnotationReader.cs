using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiSprint.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSprint.Analyzers;

/// <summary>A string or number written in an attribute, with where it was written.</summary>
internal readonly struct Located<T>
{
    public Located(T value, Location location)
    {
        Value = value;
        Location = location;
    }

    public T Value { get; }

    public Location Location { get; }
}

internal sealed class GlobalPathAnnotation
{
    public GlobalPathAnnotation(string name, double threshold, int unit, Location thresholdLocation, Location unitLocation, ImmutableArray<Located<string>> previous)
    {
        UnitLocation = unitLocation;
        Name = name;
        Threshold = threshold;
        Unit = unit;
        ThresholdLocation = thresholdLocation;
        Previous = previous;
    }

    public string Name { get; }

    public double Threshold { get; }

    public int Unit { get; }

    public Location ThresholdLocation { get; }

    public Location UnitLocation { get; }

    public ImmutableArray<Located<string>> Previous { get; }
}

internal sealed class SuccessorAnnotation
{
    public SuccessorAnnotation(Located<string> target, double probability, double dataSizeMb, Location attributeLocation)
    {
        Target = target;
        Probability = probability;
        DataSizeMb = dataSizeMb;
        AttributeLocation = attributeLocation;
    }

    public Located<string> Target { get; }

    public double Probability { get; }

    /// <summary>The data sent along the edge (MB); 0 when the attribute does not state it.</summary>
    public double DataSizeMb { get; }

    /// <summary>The whole <c>[Successor(...)]</c>, where edge-level disagreements are reported.</summary>
    public Location AttributeLocation { get; }
}

/// <summary>What a component asks of the resource it runs on: [Security] and [DeviceConstraints].</summary>
internal sealed class ResourceRequirements
{
    public static readonly ResourceRequirements None = new(0, Location.None, null, null);

    public ResourceRequirements(int security, Location securityLocation, Located<double>? ramMb, Located<double>? vramMb)
    {
        Security = security;
        SecurityLocation = securityLocation;
        RamMb = ramMb;
        VramMb = vramMb;
    }

    /// <summary>The <c>SecurityRequirements</c> flags (0 without [Security]).</summary>
    public int Security { get; }

    public Location SecurityLocation { get; }

    public bool NeedsTrustedExecution => (Security & AnnotationContract.TrustedExecution) != 0;

    /// <summary>RamMb of [DeviceConstraints] when set to a positive value.</summary>
    public Located<double>? RamMb { get; }

    public Located<double>? VramMb { get; }
}

/// <summary>What the analyzers need of one component method (a method with [Component] or [ExecTime]).</summary>
internal sealed class ComponentAnnotation
{
    public ComponentAnnotation(
        string name,
        Location nameLocation,
        string method,
        double? localThreshold,
        int? localUnit,
        Location localThresholdLocation,
        Location localUnitLocation,
        ImmutableArray<GlobalPathAnnotation> globalPaths,
        ImmutableArray<SuccessorAnnotation> successors,
        Located<string>? partitionablePath,
        ResourceRequirements requirements)
    {
        Requirements = requirements;
        Name = name;
        NameLocation = nameLocation;
        Method = method;
        LocalThreshold = localThreshold;
        LocalUnit = localUnit;
        LocalThresholdLocation = localThresholdLocation;
        LocalUnitLocation = localUnitLocation;
        GlobalPaths = globalPaths;
        Successors = successors;
        PartitionablePath = partitionablePath;
    }

    public string Name { get; }

    /// <summary>The name argument of [Component], or the method's identifier when the name is the method's.</summary>
    public Location NameLocation { get; }

    public string Method { get; }

    public double? LocalThreshold { get; }

    public int? LocalUnit { get; }

    public Location LocalThresholdLocation { get; }

    public Location LocalUnitLocation { get; }

    public ImmutableArray<GlobalPathAnnotation> GlobalPaths { get; }

    public ImmutableArray<SuccessorAnnotation> Successors { get; }

    public Located<string>? PartitionablePath { get; }

    public ResourceRequirements Requirements { get; }

    /// <summary>The local threshold in milliseconds, or null when there is none or its unit is not a TimeUnit.</summary>
    public double? LocalThresholdMilliseconds => LocalThreshold is { } t && LocalUnit is { } u ? AnnotationContract.ToMilliseconds(t, u) : null;
}

/// <summary>Reads the AiSprint attributes of a method, with source locations of the arguments for precise diagnostics.</summary>
internal static class AnnotationReader
{
    public static ComponentAnnotation? Read(IMethodSymbol method, CancellationToken cancellationToken)
    {
        AttributeData? component = null;
        AttributeData? execTime = null;
        AttributeData? partitionable = null;
        AttributeData? security = null;
        AttributeData? deviceConstraints = null;
        var globals = ImmutableArray.CreateBuilder<GlobalPathAnnotation>();
        var successors = ImmutableArray.CreateBuilder<SuccessorAnnotation>();
        var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;

        foreach (var attribute in method.GetAttributes())
        {
            switch (AnnotationName(attribute))
            {
                case AnnotationContract.Component:
                    component = attribute;
                    break;
                case AnnotationContract.ExecTime:
                    execTime = attribute;
                    break;
                case AnnotationContract.Partitionable:
                    partitionable = attribute;
                    break;
                case AnnotationContract.Security:
                    security = attribute;
                    break;
                case AnnotationContract.DeviceConstraints:
                    deviceConstraints = attribute;
                    break;
                case AnnotationContract.GlobalExecTime:
                    if (ReadGlobal(attribute, methodLocation, cancellationToken) is { } global)
                    {
                        globals.Add(global);
                    }

                    break;
                case AnnotationContract.Successor:
                    var syntax = Syntax(attribute, cancellationToken);
                    successors.Add(new SuccessorAnnotation(
                        new Located<string>(Argument<string>(attribute, 0) ?? string.Empty, ArgumentLocation(syntax, 0, "component", methodLocation)),
                        Named(attribute, "Probability") is double probability ? probability : 1.0,
                        Named(attribute, "DataSizeMb") is double dataSize ? dataSize : 0.0,
                        syntax?.GetLocation() ?? methodLocation));
                    break;
            }
        }

        if (component is null && execTime is null)
        {
            return null;
        }

        var name = method.Name;
        var nameLocation = methodLocation;
        if (component is not null && Argument<string>(component, 0) is { Length: > 0 } componentName)
        {
            name = componentName;
            nameLocation = ArgumentLocation(Syntax(component, cancellationToken), 0, "name", methodLocation);
        }

        double? localThreshold = null;
        int? localUnit = null;
        var localLocation = methodLocation;
        var localUnitLocation = methodLocation;
        if (execTime is { ConstructorArguments.Length: 2 })
        {
            localThreshold = Argument<double>(execTime, 0);
            localUnit = Argument<int>(execTime, 1);
            var execTimeSyntax = Syntax(execTime, cancellationToken);
            localLocation = ArgumentLocation(execTimeSyntax, 0, "threshold", methodLocation);
            localUnitLocation = ArgumentLocation(execTimeSyntax, 1, "unit", methodLocation);
        }

        Located<string>? partitionablePath = partitionable is null
            ? null
            : new Located<string>(Argument<string>(partitionable, 0) ?? string.Empty, ArgumentLocation(Syntax(partitionable, cancellationToken), 0, "onnxPath", methodLocation));

        return new ComponentAnnotation(
            name,
            nameLocation,
            method.ContainingType.Name + "." + method.Name,
            localThreshold,
            localUnit,
            localLocation,
            localUnitLocation,
            globals.ToImmutable(),
            successors.ToImmutable(),
            partitionablePath,
            ReadRequirements(security, deviceConstraints, methodLocation, cancellationToken));
    }

    private static ResourceRequirements ReadRequirements(AttributeData? security, AttributeData? deviceConstraints, Location fallback, CancellationToken cancellationToken)
    {
        if (security is null && deviceConstraints is null)
        {
            return ResourceRequirements.None;
        }

        var flags = security is null ? 0 : Argument<int>(security, 0);
        var securityLocation = security is null ? Location.None : ArgumentLocation(Syntax(security, cancellationToken), 0, "requirements", fallback);
        var constraintsSyntax = deviceConstraints is null ? null : Syntax(deviceConstraints, cancellationToken);
        return new ResourceRequirements(flags, securityLocation, Megabytes("RamMb"), Megabytes("VramMb"));

        Located<double>? Megabytes(string property) =>
            deviceConstraints is not null && Named(deviceConstraints, property) is double value && value > 0
                ? new Located<double>(value, NamedArgumentLocation(constraintsSyntax, property) ?? fallback)
                : null;
    }

    private static Location? NamedArgumentLocation(AttributeSyntax? syntax, string property) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == property)?.GetLocation();

    /// <summary>A cheap filter before the index is built: does the method carry [Component] or [ExecTime]?</summary>
    public static bool HasComponentAttribute(IMethodSymbol method) =>
        method.GetAttributes().Any(a => AnnotationName(a) is AnnotationContract.Component or AnnotationContract.ExecTime);

    private static GlobalPathAnnotation? ReadGlobal(AttributeData attribute, Location fallback, CancellationToken cancellationToken)
    {
        if (attribute.ConstructorArguments.Length != 4)
        {
            return null;
        }

        var syntax = Syntax(attribute, cancellationToken);
        var names = attribute.ConstructorArguments[3] is { Kind: TypedConstantKind.Array } array
            ? array.Values.Select(v => v.Value as string ?? string.Empty).ToArray()
            : Array.Empty<string>();
        var previous = ImmutableArray.CreateBuilder<Located<string>>(names.Length);
        var elementLocations = ParamsLocations(syntax, names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            previous.Add(new Located<string>(names[i], elementLocations?[i] ?? syntax?.GetLocation() ?? fallback));
        }

        return new GlobalPathAnnotation(
            Argument<string>(attribute, 0) ?? string.Empty,
            Argument<double>(attribute, 1),
            Argument<int>(attribute, 2),
            ArgumentLocation(syntax, 1, "threshold", fallback),
            ArgumentLocation(syntax, 2, "unit", fallback),
            previous.MoveToImmutable());
    }

    /// <summary>
    /// The locations of the params array's elements: either the trailing positional arguments, or the elements of an
    /// explicit array (<c>new[] { ... }</c>, a collection expression). Null when the syntax has another shape.
    /// </summary>
    private static Location[]? ParamsLocations(AttributeSyntax? syntax, int count)
    {
        if (syntax?.ArgumentList is not { } list)
        {
            return null;
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        if (positional.Count == 4 && ExplicitArrayElements(positional[3].Expression) is { } elements && elements.Count == count)
        {
            return elements.Select(e => e.GetLocation()).ToArray();
        }

        if (positional.Count == 3 + count)
        {
            return positional.Skip(3).Select(a => a.Expression.GetLocation()).ToArray();
        }

        return null;
    }

    private static IReadOnlyList<ExpressionSyntax>? ExplicitArrayElements(ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => null,
    };

    private static string? AnnotationName(AttributeData attribute) =>
        attribute.AttributeClass is { ContainingNamespace: { Name: "Annotations", ContainingNamespace: { Name: "AiSprint", ContainingNamespace.IsGlobalNamespace: true } } } type
            ? type.MetadataName
            : null;

    private static AttributeSyntax? Syntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    /// <summary>The location of a constructor argument: by parameter name if written <c>name: value</c>, else by position.</summary>
    private static Location ArgumentLocation(AttributeSyntax? syntax, int index, string parameterName, Location fallback)
    {
        if (syntax?.ArgumentList is not { } list)
        {
            return syntax?.GetLocation() ?? fallback;
        }

        foreach (var argument in list.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameterName)
            {
                return argument.Expression.GetLocation();
            }
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return index < positional.Count ? positional[index].Expression.GetLocation() : syntax.GetLocation();
    }

    private static T? Argument<T>(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index] is { Kind: not TypedConstantKind.Array, Value: T value }
            ? value
            : default;

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
}
