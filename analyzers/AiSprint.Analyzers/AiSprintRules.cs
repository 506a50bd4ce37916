using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers;

/// <summary>
/// The one catalogue of analyzer rule IDs (AIS0100–AIS0199: malformed or inconsistent annotations). IDs are
/// stable: never renumbered, never reused; each is described in docs/diagnostics.md and listed in
/// AnalyzerReleases.*.md. Help links are built from the ID by <see cref="HelpLink"/>.
/// </summary>
internal static class AiSprintRules
{
    public const string Category = "AiSprint.Annotations";

    /// <summary>The key of the closest known component name in a diagnostic's properties (read by the code fix).</summary>
    public const string SuggestionProperty = "Suggestion";

    public const string NonPositiveThresholdId = "AIS0100";
    public const string UnknownPathComponentId = "AIS0101";
    public const string DuplicateComponentId = "AIS0102";
    public const string GlobalBelowLocalSumId = "AIS0103";
    public const string UnknownSuccessorId = "AIS0104";
    public const string ProbabilitiesAboveOneId = "AIS0105";
    public const string NotOnnxPathId = "AIS0106";
    public const string UndefinedTimeUnitId = "AIS0107";
    public const string PathNotConsecutiveId = "AIS0108";

    public static readonly DiagnosticDescriptor NonPositiveThreshold = Error(
        NonPositiveThresholdId,
        "Threshold must be positive",
        "The {0} threshold of '{1}' is {2}; a threshold must be greater than 0",
        "A time constraint with a zero or negative threshold can never be met.");

    public static readonly DiagnosticDescriptor UnknownPathComponent = Error(
        UnknownPathComponentId,
        "Global path names an unknown component",
        "Global path '{0}' names '{1}', which is no component of this compilation{2}",
        "Every component of a [GlobalExecTime] path must be a method with [Component] (or [ExecTime], named after the method).");

    public static readonly DiagnosticDescriptor DuplicateComponent = Error(
        DuplicateComponentId,
        "Duplicate component name",
        "Component name '{0}' is already used by {1}",
        "Component names identify DAG nodes and must be unique in a compilation.");

    public static readonly DiagnosticDescriptor GlobalBelowLocalSum = Warning(
        GlobalBelowLocalSumId,
        "Global threshold below the sum of the local thresholds on its path",
        "Global path '{0}' allows {1} ms, but the local thresholds of its components sum to {2} ms ({3})",
        "If every component of a path used its whole local budget, the path would miss its global threshold; raise the global threshold or lower the local ones.");

    public static readonly DiagnosticDescriptor UnknownSuccessor = Error(
        UnknownSuccessorId,
        "Successor names an unknown component",
        "Successor '{0}' of '{1}' is no component of this compilation{2}",
        "A [Successor] is a DAG edge to another component of the application.");

    public static readonly DiagnosticDescriptor ProbabilitiesAboveOne = Error(
        ProbabilitiesAboveOneId,
        "Transition probabilities sum to more than 1",
        "The transition probabilities of the successors of '{0}' sum to {1} ({2}); they must sum to at most 1",
        "A component's outgoing transition probabilities form a distribution; the rest (1 minus the sum) is the share of requests that leave the application.");

    public static readonly DiagnosticDescriptor NotOnnxPath = Warning(
        NotOnnxPathId,
        "Partitionable model is not an ONNX file",
        "The partitionable model of '{0}' is '{1}', which is not an .onnx file name",
        "Partitioning works on ONNX models; whether the file exists is checked by the build, not by the analyzer.");

    public static readonly DiagnosticDescriptor UndefinedTimeUnit = Error(
        UndefinedTimeUnitId,
        "Threshold has no defined time unit",
        "The {0} threshold of '{1}' has unit {2}, which is not a TimeUnit (Milliseconds = 1, Seconds = 2)",
        "A threshold is a number with a unit; a cast integer that names no TimeUnit member leaves the threshold unit-less.");

    public static readonly DiagnosticDescriptor PathNotConsecutive = Error(
        PathNotConsecutiveId,
        "Global path is not consecutive in the DAG",
        "Global path '{0}' goes from '{1}' to '{2}', but the [Successor] edges of '{1}' lead only to {3}",
        "Neighbours in a path must be joined by a DAG edge. Checked where the earlier component declares its edges in code with [Successor]; a DAG kept only in application_dag.yaml is checked by the build.");

    /// <summary>The documentation anchor of a rule: docs/diagnostics.md, one row per code.</summary>
    public static string HelpLink(string id) =>
        "https://github.com/aisprint/AiSprint.Sdk/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        Create(id, title, message, description, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        Create(id, title, message, description, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLink(id));
}
