using System.Linq;
using System.Threading;
using AiSprint.Contract;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Reading;

/// <summary>Projects the <c>[DetectDrift]</c> declarations of a method at the first transform.</summary>
internal static class DriftReader
{
    public static EquatableArray<DriftDeclarationModel> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (context.TargetSymbol is not IMethodSymbol method)
        {
            return EquatableArray<DriftDeclarationModel>.Empty;
        }

        var component = AttributeReader.ComponentName(method);
        return context.Attributes
            .Select(a => new DriftDeclarationModel(
                component,
                AttributeReader.Argument<string>(a, 0) ?? string.Empty,
                AttributeReader.Argument<int>(a, 1),
                Named(a, AnnotationContract.DriftPValueThreshold, AnnotationContract.DefaultDriftPValueThreshold),
                Named(a, AnnotationContract.DriftWindowSize, AnnotationContract.DefaultDriftWindowSize),
                Named(a, AnnotationContract.DriftDetectionIntervalSeconds, AnnotationContract.DefaultDriftDetectionIntervalSeconds),
                Named(a, AnnotationContract.DriftCollectionPeriodSeconds, AnnotationContract.DefaultDriftCollectionPeriodSeconds),
                AttributeReader.Named(a, AnnotationContract.DriftReferenceFile)?.Value as string))
            .ToEquatableArray();
    }

    /// <summary>
    /// Whether the runtime accepts the declaration (DriftDeclaration.Validate). The analyzers report the others
    /// (AIS0130–AIS0133); emitting them would only make the application throw at start.
    /// </summary>
    public static bool IsRunnable(DriftDeclarationModel model) =>
        model.Metric.Length > 0
        && AnnotationContract.IsDefinedDriftTest(model.Test)
        && model.PValueThreshold > 0 && model.PValueThreshold < 1
        && model.WindowSize >= AnnotationContract.MinimumDriftWindowSize
        && model.DetectionIntervalSeconds > 0
        && model.CollectionPeriodSeconds >= 0;

    private static T Named<T>(AttributeData attribute, string name, T fallback) =>
        AttributeReader.Named(attribute, name) is { Value: T value } ? value : fallback;
}
