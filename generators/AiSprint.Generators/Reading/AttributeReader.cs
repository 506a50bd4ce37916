using System.Collections.Generic;
using System.Linq;
using AiSprint.Contract;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Reading;

/// <summary>Reads attribute arguments without the annotations assembly: by metadata name and position.</summary>
internal static class AttributeReader
{
    public static AttributeData? Find(IMethodSymbol method, string metadataName) =>
        method.GetAttributes().FirstOrDefault(a => Is(a, metadataName));

    public static IEnumerable<AttributeData> FindAll(IMethodSymbol method, string metadataName) =>
        method.GetAttributes().Where(a => Is(a, metadataName));

    /// <summary>Whether the method carries <c>[Component]</c> or <c>[ExecTime]</c>; runs for every call in the compilation, so it compares simple names first.</summary>
    public static bool IsComponent(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "ComponentAttribute" or "ExecTimeAttribute"
                && (Is(attribute, AnnotationContract.ComponentFullName) || Is(attribute, AnnotationContract.ExecTimeFullName)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The component name: <c>[Component(name)]</c>, else the method's name.</summary>
    public static string ComponentName(IMethodSymbol method) =>
        Find(method, AnnotationContract.ComponentFullName) is { } component && Argument<string>(component, 0) is { Length: > 0 } name
            ? name
            : method.Name;

    /// <summary>The local threshold of <c>[ExecTime(threshold, unit)]</c> in milliseconds; null without one or with an unknown unit.</summary>
    public static double? LocalThresholdMilliseconds(IMethodSymbol method) =>
        Find(method, AnnotationContract.ExecTimeFullName) is { ConstructorArguments.Length: 2 } execTime
            ? AnnotationContract.ToMilliseconds(Argument<double>(execTime, 0), Argument<int>(execTime, 1))
            : null;

    public static T? Argument<T>(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index] is { Kind: not TypedConstantKind.Array, Value: T value }
            ? value
            : default;

    public static IEnumerable<string> StringArrayArgument(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index] is { Kind: TypedConstantKind.Array } array
            ? array.Values.Select(v => v.Value as string).Where(s => s is not null).Select(s => s!)
            : [];

    public static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass is { } type
        && metadataName.Length == AnnotationContract.Namespace.Length + 1 + type.MetadataName.Length
        && metadataName.EndsWith(type.MetadataName, System.StringComparison.Ordinal)
        && type.ContainingNamespace is { Name: "Annotations", ContainingNamespace: { Name: "AiSprint", ContainingNamespace.IsGlobalNamespace: true } };
}
