using AiSprint.Contract.Diagnostics;

namespace AiSprint.Model.Diagnostics;

/// <summary>
/// The rules of the shared catalogue (<see cref="RuleCatalog"/>, compiled into the CLI, the MSBuild tasks and the
/// analyzers alike) that the engines report, as Model descriptors: AIS0001–AIS0099, input files, the design model
/// and the build pipeline. Codes are never reused or renumbered; docs/diagnostics.md describes each one.
/// </summary>
public static class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor FileNotReadable = From(RuleCatalog.FileNotReadable);
    public static readonly DiagnosticDescriptor Syntax = From(RuleCatalog.Syntax);
    public static readonly DiagnosticDescriptor WrongType = From(RuleCatalog.WrongType);
    public static readonly DiagnosticDescriptor MissingKey = From(RuleCatalog.MissingKey);
    public static readonly DiagnosticDescriptor UnknownKey = From(RuleCatalog.UnknownKey);
    public static readonly DiagnosticDescriptor UnknownFormat = From(RuleCatalog.UnknownFormat);
    public static readonly DiagnosticDescriptor ModelFileMissing = From(RuleCatalog.ModelFileMissing);
    public static readonly DiagnosticDescriptor DuplicateName = From(RuleCatalog.DuplicateName);
    public static readonly DiagnosticDescriptor UnknownResource = From(RuleCatalog.UnknownResource);
    public static readonly DiagnosticDescriptor DagCycle = From(RuleCatalog.DagCycle);
    public static readonly DiagnosticDescriptor ProbabilitiesExceedOne = From(RuleCatalog.ProbabilitiesExceedOne);
    public static readonly DiagnosticDescriptor ProbabilitiesBelowOne = From(RuleCatalog.ProbabilitiesBelowOne);
    public static readonly DiagnosticDescriptor PathNotConsecutive = From(RuleCatalog.PathNotConsecutive);
    public static readonly DiagnosticDescriptor NoCompatibleResource = From(RuleCatalog.NoCompatibleResource);
    public static readonly DiagnosticDescriptor MissingDemand = From(RuleCatalog.MissingDemand);
    public static readonly DiagnosticDescriptor InvalidValue = From(RuleCatalog.InvalidValue);
    public static readonly DiagnosticDescriptor MemoryTooLarge = From(RuleCatalog.MemoryTooLarge);
    public static readonly DiagnosticDescriptor UnknownComponent = From(RuleCatalog.UnknownComponent);
    public static readonly DiagnosticDescriptor BrokenPartitionChain = From(RuleCatalog.BrokenPartitionChain);
    public static readonly DiagnosticDescriptor NoPerformanceData = From(RuleCatalog.NoPerformanceData);
    public static readonly DiagnosticDescriptor UnknownLayer = From(RuleCatalog.UnknownLayer);
    public static readonly DiagnosticDescriptor InconsistentReplicas = From(RuleCatalog.InconsistentReplicas);
    public static readonly DiagnosticDescriptor UnknownPartition = From(RuleCatalog.UnknownPartition);
    public static readonly DiagnosticDescriptor NotRepresentable = From(RuleCatalog.NotRepresentable);
    public static readonly DiagnosticDescriptor NoTrustedResource = From(RuleCatalog.NoTrustedResource);
    public static readonly DiagnosticDescriptor UnknownAlternativeTarget = From(RuleCatalog.UnknownAlternativeTarget);
    public static readonly DiagnosticDescriptor AlternativeNameClash = From(RuleCatalog.AlternativeNameClash);
    public static readonly DiagnosticDescriptor UnknownApplicationMetric = From(RuleCatalog.UnknownApplicationMetric);
    public static readonly DiagnosticDescriptor MetricThresholdOutOfRange = From(RuleCatalog.MetricThresholdOutOfRange);
    public static readonly DiagnosticDescriptor MissingDeploymentMetric = From(RuleCatalog.MissingDeploymentMetric);
    public static readonly DiagnosticDescriptor MetricChainUnsupported = From(RuleCatalog.MetricChainUnsupported);
    public static readonly DiagnosticDescriptor AmlUnknownTechnique = From(RuleCatalog.AmlUnknownTechnique);
    public static readonly DiagnosticDescriptor AmlInterpolation = From(RuleCatalog.AmlInterpolation);
    public static readonly DiagnosticDescriptor AmlPriorWithoutHyperopt = From(RuleCatalog.AmlPriorWithoutHyperopt);
    public static readonly DiagnosticDescriptor AmlInlineComment = From(RuleCatalog.AmlInlineComment);
    public static readonly DiagnosticDescriptor AmlIgnoredOption = From(RuleCatalog.AmlIgnoredOption);
    public static readonly DiagnosticDescriptor CsvRowLength = From(RuleCatalog.CsvRowLength);

    public static readonly DiagnosticDescriptor InfeasiblePlacement = From(RuleCatalog.InfeasiblePlacement);
    public static readonly DiagnosticDescriptor ConstraintUnreachable = From(RuleCatalog.ConstraintUnreachable);
    public static readonly DiagnosticDescriptor TrainingFailed = From(RuleCatalog.TrainingFailed);
    public static readonly DiagnosticDescriptor NoDesignDocument = From(RuleCatalog.NoDesignDocument);
    public static readonly DiagnosticDescriptor ToolFailed = From(RuleCatalog.ToolFailed);

    /// <summary>The descriptor of a catalogue rule (one per rule, so descriptors compare by reference too).</summary>
    internal static DiagnosticDescriptor Of(Rule rule) => All.First(d => d.Code == rule.Id);

    private static DiagnosticDescriptor From(Rule rule) =>
        new(rule.Id, rule.IsError ? Severity.Error : Severity.Warning, rule.Title) { HelpLink = rule.HelpLink };

    public static readonly DiagnosticDescriptor ProfilingUnavailable = From(RuleCatalog.CannotProfile);
    public static readonly DiagnosticDescriptor WorkloadThrew = From(RuleCatalog.WorkloadFailed);
    public static readonly DiagnosticDescriptor WorkloadEmpty = From(RuleCatalog.WorkloadEmpty);
    public static readonly DiagnosticDescriptor WorkloadFeaturesInconsistent = From(RuleCatalog.WorkloadInconsistent);
    public static readonly DiagnosticDescriptor WorkloadMeasuredNothing = From(RuleCatalog.WorkloadUntimed);
    public static readonly DiagnosticDescriptor WorkloadMissing = From(RuleCatalog.NoWorkload);
    public static readonly DiagnosticDescriptor ProfilingGridInvalid = From(RuleCatalog.InvalidProfilingGrid);
    public static readonly DiagnosticDescriptor ProfileOutputUnusable = From(RuleCatalog.ProfileOutputUnusable);

    public static readonly DiagnosticDescriptor LayerModelUnreadable = From(RuleCatalog.LayerModelUnreadable);
    public static readonly DiagnosticDescriptor LayerMeasurementFailed = From(RuleCatalog.LayerTimingFailed);
    public static readonly DiagnosticDescriptor LayerOptionInvalid = From(RuleCatalog.InvalidLayersOption);

    // Early exits (issue 15 part 2).
    public static readonly DiagnosticDescriptor MalformedEarlyExits = From(RuleCatalog.MalformedEarlyExits);
    public static readonly DiagnosticDescriptor UnknownExitTensor = From(RuleCatalog.UnknownExitTensor);
    public static readonly DiagnosticDescriptor ExitHeadNotDownstream = From(RuleCatalog.ExitHeadNotDownstream);
    public static readonly DiagnosticDescriptor ExitsOutOfOrder = From(RuleCatalog.ExitsOutOfOrder);
    public static readonly DiagnosticDescriptor ExitDoesNotSeparate = From(RuleCatalog.ExitDoesNotSeparate);
    // The Studio's early_exits_model annotation in an application directory (issue 15 gaps).
    public static readonly DiagnosticDescriptor MalformedEarlyExitsAnnotation = From(RuleCatalog.MalformedEarlyExitsAnnotation);
    public static readonly DiagnosticDescriptor EarlyExitSegmentsNotDeclared = From(RuleCatalog.EarlyExitSegmentsNotDeclared);
    public static readonly DiagnosticDescriptor MeasuredExitsUnusable = From(RuleCatalog.MeasuredExitsUnusable);

    /// <summary>Every descriptor, for documentation and uniqueness tests.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();
}
