using System.Linq;
using System.Threading;
using AiSprint.Contract;
using AiSprint.Contract.Roslyn;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Reading;

/// <summary>Projects an annotated method into a <see cref="ComponentModel"/> at the first transform.</summary>
internal static class ComponentReader
{
    /// <summary>Reads a method found through <c>[Component]</c>.</summary>
    public static ComponentModel? ReadComponent(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is IMethodSymbol method ? Read(method, cancellationToken) : null;

    /// <summary>Reads a method found through <c>[ExecTime]</c>, unless <c>[Component]</c> already reports it.</summary>
    public static ComponentModel? ReadExecTimeOnly(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is IMethodSymbol method && AttributeReader.Find(method, AnnotationContract.ComponentFullName) is null
            ? Read(method, cancellationToken)
            : null;

    private static ComponentModel Read(IMethodSymbol method, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ComponentModel(
            AttributeReader.ComponentName(method),
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty) + "." + method.Name,
            method.Name,
            ReadLocation(method),
            AttributeReader.LocalThresholdMilliseconds(method),
            ReadGlobalConstraints(method),
            ReadSecurity(method),
            ReadPartitionable(method),
            AttributeReader.Find(method, AnnotationContract.ExpectedThroughputFullName) is { } throughput ? AttributeReader.Argument<double>(throughput, 0) : null,
            ReadDeviceConstraints(method),
            ReadSuccessors(method),
            ReadEntryPoint(method),
            ReadEarlyExits(method));
    }

    private static EarlyExitsModel? ReadEarlyExits(IMethodSymbol method)
    {
        if (AttributeReader.Find(method, AnnotationContract.EarlyExitsFullName) is not { } attribute)
        {
            return null;
        }

        var onnx = AttributeReader.Argument<string>(attribute, 0) ?? string.Empty;
        var condition = AttributeReader.Argument<string>(attribute, 1) ?? string.Empty;
        var probabilities = attribute.ConstructorArguments.Length > 2 && attribute.ConstructorArguments[2] is { Kind: TypedConstantKind.Array } array
            ? array.Values.Select(v => v.Value is double d ? d : double.NaN)
            : [];
        var exitsFile = AttributeReader.Named(attribute, AnnotationContract.EarlyExitsFileProperty)?.Value as string ?? AnnotationContract.DefaultExitsFileFor(onnx);
        var target = EarlyExitCondition.Find(method.ContainingType, condition);
        return new EarlyExitsModel(onnx, exitsFile, condition,
            target is null ? null : target.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + target.Name,
            target is not null && target.Parameters[0].Type is IArrayTypeSymbol,
            probabilities.ToEquatableArray());
    }

    // Only what a host outside the compilation can call by name with no type arguments to choose.
    private static CalleeModel? ReadEntryPoint(IMethodSymbol method)
    {
        if (!method.IsStatic || method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly || method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        for (ISymbol symbol = method; symbol is IMethodSymbol or INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility != Accessibility.Public || symbol is INamedTypeSymbol { IsGenericType: true })
            {
                return null;
            }
        }

        return CallSiteReader.Describe(method, method, open: false, declaredHere: true);
    }

    private static SourceSpot ReadLocation(IMethodSymbol method)
    {
        var location = method.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is null)
        {
            return new SourceSpot(string.Empty, 0, 0);
        }

        var span = location.GetLineSpan();
        return new SourceSpot(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static EquatableArray<GlobalConstraintModel> ReadGlobalConstraints(IMethodSymbol method) =>
        AttributeReader.FindAll(method, AnnotationContract.GlobalExecTimeFullName)
            .Select(a => (Attribute: a, Milliseconds: AnnotationContract.ToMilliseconds(AttributeReader.Argument<double>(a, 1), AttributeReader.Argument<int>(a, 2))))
            .Where(c => c.Milliseconds is not null)
            .Select(c => new GlobalConstraintModel(
                AttributeReader.Argument<string>(c.Attribute, 0) ?? string.Empty,
                c.Milliseconds!.Value,
                AttributeReader.StringArrayArgument(c.Attribute, 3).ToEquatableArray()))
            .ToEquatableArray();

    private static SecurityModel? ReadSecurity(IMethodSymbol method)
    {
        if (AttributeReader.Find(method, AnnotationContract.SecurityFullName) is not { } security)
        {
            return null;
        }

        var flags = AttributeReader.Argument<int>(security, 0);
        return new SecurityModel(
            (flags & AnnotationContract.TrustedExecution) != 0,
            (flags & AnnotationContract.NetworkShield) != 0,
            (flags & AnnotationContract.FilesystemShield) != 0);
    }

    private static PartitionableModel? ReadPartitionable(IMethodSymbol method) =>
        AttributeReader.Find(method, AnnotationContract.PartitionableFullName) is { } partitionable
            ? new PartitionableModel(AttributeReader.Argument<string>(partitionable, 0) ?? string.Empty, AttributeReader.Argument<int>(partitionable, 1))
            : null;

    private static DeviceConstraintsModel? ReadDeviceConstraints(IMethodSymbol method)
    {
        if (AttributeReader.Find(method, AnnotationContract.DeviceConstraintsFullName) is not { } device)
        {
            return null;
        }

        var gpu = AttributeReader.Named(device, "UseGpuFor") is { Kind: TypedConstantKind.Array } array
            ? array.Values.Select(v => v.Value as string).Where(s => s is not null).Select(s => s!)
            : [];
        return new DeviceConstraintsModel(
            AttributeReader.Named(device, "RamMb")?.Value is double ram ? ram : 0,
            AttributeReader.Named(device, "VramMb")?.Value is double vram ? vram : 0,
            gpu.ToEquatableArray());
    }

    private static EquatableArray<SuccessorModel> ReadSuccessors(IMethodSymbol method) =>
        AttributeReader.FindAll(method, AnnotationContract.SuccessorFullName)
            .Select(s => new SuccessorModel(
                AttributeReader.Argument<string>(s, 0) ?? string.Empty,
                AttributeReader.Named(s, "Probability")?.Value is double probability ? probability : 1.0,
                AttributeReader.Named(s, "DataSizeMb")?.Value is double size ? size : 0.0))
            .ToEquatableArray();
}
