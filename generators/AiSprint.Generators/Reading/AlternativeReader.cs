using System.Linq;
using System.Threading;
using AiSprint.Contract;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Reading;

/// <summary>Projects <c>[Alternative]</c> methods and the assembly's <c>[ApplicationMetric]</c> into plain models.</summary>
internal static class AlternativeReader
{
    public static AlternativeModel? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.FirstOrDefault() is not { } attribute)
        {
            return null;
        }

        var component = AttributeReader.Argument<string>(attribute, 0) ?? string.Empty;
        var name = AttributeReader.Argument<string>(attribute, 1) ?? string.Empty;
        var type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var location = method.Locations.FirstOrDefault(l => l.IsInSource)?.GetLineSpan();
        var spot = location is { } span ? new SourceSpot(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1) : new SourceSpot(string.Empty, 0, 0);
        var callable = !method.IsGenericMethod && !method.ContainingType.IsGenericType && method.DeclaredAccessibility is not Accessibility.Private and not Accessibility.Protected;
        return new AlternativeModel(component, name, type.Replace("global::", string.Empty) + "." + method.Name, method.Name, spot, type, method.IsStatic, callable);
    }

    public static ApplicationMetricModel? ReadMetric(Compilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: AnnotationContract.ApplicationMetric } type
                && type.ToDisplayString() == AnnotationContract.ApplicationMetricFullName)
            {
                return new ApplicationMetricModel(
                    AttributeReader.Argument<string>(attribute, 0) ?? string.Empty,
                    AttributeReader.Named(attribute, "Threshold")?.Value is double threshold ? threshold : 0);
            }
        }

        return null;
    }
}
