using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers;

/// <summary>
/// The one catalogue of analyzer rule IDs (AIS0100–AIS0199: malformed or inconsistent annotations; AIS1000–AIS1999:
/// annotations infeasible on the candidate resources). IDs are
/// stable: never renumbered, never reused; each is described in docs/diagnostics.md and listed in
/// AnalyzerReleases.*.md. Help links are built from the ID by <see cref="HelpLink"/>.
/// </summary>
internal static class AiSprintRules
{
    public const string Category = "AiSprint.Annotations";

    /// <summary>AIS1000–AIS1999: annotations that no candidate resource can satisfy, from AdditionalFiles.</summary>
    public const string FeasibilityCategory = "AiSprint.Feasibility";

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
    public const string DagFileMismatchId = "AIS0109";
    public const string PartitionableModelMissingId = "AIS0110";
    public const string InvalidDesignFileId = "AIS0111";
    public const string UnknownWorkloadComponentId = "AIS0112";
    public const string FeatureNamedTwiceId = "AIS0113";
    public const string InvalidFeatureNameId = "AIS0114";
    public const string CaseMissesComponentId = "AIS0115";
    public const string MalformedWorkloadId = "AIS0116";
    public const string InvalidFeasibilityFileId = "AIS1000";
    public const string LocalThresholdBelowDemandId = "AIS1001";
    public const string GlobalPathInfeasibleId = "AIS1002";
    public const string NoTrustedResourceId = "AIS1003";
    public const string MemoryAboveEveryResourceId = "AIS1004";

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
        "Partitioning works on ONNX models. Whether the file is among the project's AdditionalFiles is AIS0110's; whether its content is ONNX is checked by the build.");

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

    public static readonly DiagnosticDescriptor DagFileMismatch = Warning(
        DagFileMismatchId,
        "The DAG in code and application_dag.yaml disagree",
        "The DAG in code and {0} disagree: {1}",
        "When a project declares its DAG with [Successor] and also passes application_dag.yaml as an AdditionalFile, both must name the same components, edges and transition probabilities; data sizes are compared with components_data_size.yaml when that file is passed too. Edges are compared only when some component declares [Successor]: a DAG kept only in the YAML file is accepted.");

    public static readonly DiagnosticDescriptor PartitionableModelMissing = Warning(
        PartitionableModelMissingId,
        "Partitionable model is not among the AdditionalFiles",
        "The partitionable model '{1}' of '{0}' is not among the project's AdditionalFiles{2}",
        "The AiSprint package passes the project's .onnx files as AdditionalFiles (AiSprintOnnxAdditionalFiles=true); a [Partitionable] path that is not one of them names no file of the project. Checked only when the package declares that it passes them. Whether the file's content is ONNX is checked by the build's partitioning step, which reads the model anyway: an analyzer could only read it as decoded text, the whole model at every compilation.");

    public static readonly DiagnosticDescriptor InvalidDesignFile = Warning(
        InvalidDesignFileId,
        "Invalid application_dag.yaml or components_data_size.yaml",
        "{0}: {1}",
        "The file is compared with the DAG in code (AIS0109); while it has a problem, that comparison is off, so a half-read file never reports a component or edge as missing.");

    public static readonly DiagnosticDescriptor InvalidFeasibilityFile = FeasibilityWarning(
        InvalidFeasibilityFileId,
        "Invalid candidate resources or demands file",
        "{0}: {1}",
        "candidate_resources.yaml (AI-SPRINT format) and demands files (CSV: component,resource,demand_ms; '#' comments) feed the feasibility rules AIS1001–AIS1004; while a file has a problem (or a demand names a resource the candidates lack), the rules that read it are off, so a half-read file never causes a wrong warning.");

    public static readonly DiagnosticDescriptor LocalThresholdBelowDemand = FeasibilityWarning(
        LocalThresholdBelowDemandId,
        "Local threshold below the demand on every compatible resource",
        "{0} needs at least {1} ms on its fastest compatible resource ({2}); the threshold is {3} ms",
        "The demand (service time without contention, from the demands file) is a lower bound of the response time; a local threshold below the smallest demand cannot be met on any compatible resource. Raise the threshold, speed up the component, or add a faster resource.");

    public static readonly DiagnosticDescriptor GlobalPathInfeasible = FeasibilityWarning(
        GlobalPathInfeasibleId,
        "Global path cannot meet its threshold on any resource",
        "Global path '{0}' needs at least {1} ms ({2}); its threshold is {3} ms",
        "The lower bound sums each component's smallest demand and each edge's smallest transfer time: 0 when both components can share a resource, else access delay + 8 × data size (MB) / bandwidth (Mbps) of the best network domain of candidate_resources.yaml holding both layers; the data size is [Successor(DataSizeMb)], else the sender's entry in components_data_size.yaml. An edge with neither, a pair of resources with no shared domain, or a component without demands counts 0, so the bound never overstates.");

    public static readonly DiagnosticDescriptor NoTrustedResource = FeasibilityWarning(
        NoTrustedResourceId,
        "Trusted execution with no SGX or secure and measured boot resource",
        "{0} needs trusted execution, but none of its compatible resources ({1}) has an SGX processor or both secure and measured boot",
        "SecurityRequirements.TrustedExecution needs a processor with SGXFlag: True, or a resource with secureBoot and measuredBoot both True. Compatible resources are those the demands file lists for the component, or every candidate resource when the demands do not list it.");

    public static readonly DiagnosticDescriptor MemoryAboveEveryResource = FeasibilityWarning(
        MemoryAboveEveryResourceId,
        "Memory requirement above every compatible resource",
        "{0} needs {1} MB of RAM, but its compatible resources have at most {2} MB ({3})",
        "[DeviceConstraints(RamMb)] is compared with the memorySize of the compatible resources (those the demands file lists for the component, or every candidate resource). VramMb is not checked: candidate_resources.yaml states no GPU memory.");

    public static readonly DiagnosticDescriptor UnknownWorkloadComponent = Error(
        UnknownWorkloadComponentId,
        "Workload for an unknown component",
        "Workload '{0}' is for '{1}', which is no component of this compilation{2}",
        "[Workload(name)] names the component the workload exercises when aisprint profile measures it; it must be a [Component] (or [ExecTime]) method of the same compilation, whose calls the generated wrappers time.");

    public static readonly DiagnosticDescriptor FeatureNamedTwice = Error(
        FeatureNamedTwiceId,
        "Workload feature named twice",
        "The feature '{0}' is already given to this case; a dataset has one column per feature",
        "Each WorkloadCase.With(name, value) adds a column to the profiling dataset; the same name twice in one case would make two values for one column.");

    public static readonly DiagnosticDescriptor InvalidFeatureName = Error(
        InvalidFeatureNameId,
        "Workload feature name is not a dataset column name",
        "The feature name '{0}' is not a dataset column name; use letters, digits and '_', not starting with a digit",
        "Feature names become CSV column names of the aMLLibrary dataset and names in its campaign configuration (inverse, products), so they are identifiers.");

    public static readonly DiagnosticDescriptor CaseMissesComponent = Error(
        CaseMissesComponentId,
        "Workload case does not call its component",
        "This case of workload '{0}' never calls '{1}'; the profiler measures only the component's own call, so the case must pass its inputs to it",
        "A case's lambda calls the component with its inputs, e.g. WorkloadCase.Run(() => Inspection.Segment(frame)): the compiler checks the inputs against the component's parameters and the generated wrapper times the call. A case that calls something else would measure nothing.");

    public static readonly DiagnosticDescriptor MalformedWorkload = Error(
        MalformedWorkloadId,
        "Workload method has the wrong shape",
        "Workload '{0}' must be a static method without parameters returning IEnumerable<WorkloadCase>; it {1}",
        "The profiled process calls a workload by reflection with no instance and no arguments, and enumerates the cases it returns.");

    /// <summary>The documentation anchor of a rule: docs/diagnostics.md, one row per code.</summary>
    public static string HelpLink(string id) =>
        "https://github.com/aisprint/AiSprint.Sdk/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        Create(id, title, message, description, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        Create(id, title, message, description, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor FeasibilityWarning(string id, string title, string message, string description) =>
        Create(id, title, message, description, DiagnosticSeverity.Warning, FeasibilityCategory);

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, DiagnosticSeverity severity, string category = Category) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLink(id));
}
