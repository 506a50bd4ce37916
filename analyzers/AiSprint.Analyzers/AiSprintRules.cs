using AiSprint.Contract.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers;

/// <summary>
/// The analyzers' descriptors of the shared catalogue's rules (<see cref="RuleCatalog"/>): AIS0100–AIS0199 for
/// malformed or inconsistent annotations, AIS1000–AIS1999 for annotations infeasible on the candidate resources, and
/// the build's own IDs where the analyzers catch the same mistake earlier (AIS0013, AIS0015, AIS0019, AIS0027): a
/// mistake has one ID whichever side reports it. Each is described in docs/diagnostics.md and listed in AnalyzerReleases.*.md.
/// </summary>
internal static class AiSprintRules
{
    /// <summary>The key of the closest known component name in a diagnostic's properties (read by the code fix).</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <summary>The key of the component an AIS0015 fix inserts into a path (set when exactly one joins the two neighbours).</summary>
    public const string InsertProperty = "Insert";

    public const string NonPositiveThresholdId = RuleIds.NonPositiveThreshold;
    public const string UnknownPathComponentId = RuleIds.UnknownPathComponent;
    public const string DuplicateComponentId = RuleIds.DuplicateComponent;
    public const string GlobalBelowLocalSumId = RuleIds.GlobalBelowLocalSum;
    public const string UnknownSuccessorId = RuleIds.UnknownSuccessor;
    public const string ProbabilitiesAboveOneId = RuleIds.ProbabilitiesExceedOne;
    public const string NotOnnxPathId = RuleIds.NotOnnxPath;
    public const string UndefinedTimeUnitId = RuleIds.UndefinedTimeUnit;
    public const string PathNotConsecutiveId = RuleIds.PathNotConsecutive;
    public const string DagCycleId = RuleIds.DagCycle;
    public const string DagFileMismatchId = RuleIds.DagFileMismatch;
    public const string PartitionableModelMissingId = RuleIds.PartitionableModelMissing;
    public const string InvalidDesignFileId = RuleIds.InvalidDesignFile;
    public const string UnknownWorkloadComponentId = RuleIds.UnknownWorkloadComponent;
    public const string FeatureNamedTwiceId = RuleIds.FeatureNamedTwice;
    public const string InvalidFeatureNameId = RuleIds.InvalidFeatureName;
    public const string CaseMissesComponentId = RuleIds.CaseMissesComponent;
    public const string MalformedWorkloadId = RuleIds.MalformedWorkload;
    public const string InvalidFeasibilityFileId = RuleIds.InvalidFeasibilityFile;
    public const string LocalThresholdBelowDemandId = RuleIds.LocalThresholdBelowDemand;
    public const string GlobalPathInfeasibleId = RuleIds.GlobalPathInfeasible;
    public const string NoTrustedResourceId = RuleIds.NoTrustedResource;
    public const string MemoryAboveEveryResourceId = RuleIds.MemoryTooLarge;
    public const string UnknownAlternativeComponentId = RuleIds.UnknownAlternativeComponent;
    public const string AlternativeSignatureMismatchId = RuleIds.AlternativeSignatureMismatch;
    public const string UnknownMetricNameId = RuleIds.UnknownMetricName;
    public const string MetricThresholdOutOfRangeId = RuleIds.MetricAttributeThresholdOutOfRange;
    public const string CombinationWithoutMetricId = RuleIds.CombinationWithoutMetric;
    public const string AlternativeNameTakenId = RuleIds.AlternativeNameTaken;
    public const string AlternativesWithoutMetricId = RuleIds.AlternativesWithoutMetric;

    // Early exits (issue 15 part 2).
    public const string EarlyExitConditionSignatureId = RuleIds.EarlyExitConditionSignature;
    public const string ExitProbabilityOutOfRangeId = RuleIds.ExitProbabilityOutOfRange;
    public const string ExitProbabilityCountId = RuleIds.ExitProbabilityCount;
    public const string EarlyExitFileMissingId = RuleIds.EarlyExitFileMissing;
    public const string EarlyExitsWithPartitionableId = RuleIds.EarlyExitsWithPartitionable;
    public const string MalformedEarlyExitsId = RuleIds.MalformedEarlyExits;

    public static readonly DiagnosticDescriptor EarlyExitConditionSignature = Create(
        EarlyExitConditionSignatureId,
        RuleCatalog.EarlyExitConditionSignature,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "The early-exit condition '{0}' of '{1}' {2}; expected " + AiSprint.Contract.Roslyn.EarlyExitCondition.ExpectedSignature,
        "The generated runner calls the condition with each exit head's output; without a usable method no runner is generated.");

    public static readonly DiagnosticDescriptor ExitProbabilityOutOfRange = Create(
        ExitProbabilityOutOfRangeId,
        RuleCatalog.ExitProbabilityOutOfRange,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "Transition probability {0} of exit {1} of '{2}' is outside [0, 1]",
        "A transition probability is the probability that a request does not exit there.");

    public static readonly DiagnosticDescriptor ExitProbabilityCount = Create(
        ExitProbabilityCountId,
        RuleCatalog.ExitProbabilityCount,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "'{0}' declares {1} transition probabilities but '{2}' lists {3} exits; expected one per exit",
        "Each exit of the network needs the probability that a request does not stop there.");

    public static readonly DiagnosticDescriptor EarlyExitFileMissing = Create(
        EarlyExitFileMissingId,
        RuleCatalog.EarlyExitFileMissing,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "The early-exit {0} '{1}' of '{2}' is not among the project's AdditionalFiles{3}",
        "The build splits the model at the exits the file lists; a wrong path stops it.");

    public static readonly DiagnosticDescriptor EarlyExitsWithPartitionable = Create(
        EarlyExitsWithPartitionableId,
        RuleCatalog.EarlyExitsWithPartitionable,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "'{0}' is both [EarlyExits] and [Partitionable]; an early-exit network is split at its exits only",
        "Remove one of the two attributes.");

    public static readonly DiagnosticDescriptor MalformedEarlyExits = Create(
        MalformedEarlyExitsId,
        RuleCatalog.MalformedEarlyExits,
        DiagnosticSeverity.Error,
        RuleCatalog.InputsCategory,
        "{0}",
        "early_exits.csv: header exits,input_nodes,output_nodes, one row per exit, list literals of tensor names.");

    public static readonly DiagnosticDescriptor NonPositiveThreshold = Create(
        NonPositiveThresholdId,
        RuleCatalog.NonPositiveThreshold,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "The {0} threshold of '{1}' is {2}; a threshold must be greater than 0",
        "A time constraint with a zero or negative threshold can never be met.");

    public static readonly DiagnosticDescriptor UnknownPathComponent = Create(
        UnknownPathComponentId,
        RuleCatalog.UnknownPathComponent,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "Global path '{0}' names '{1}', which is no component of this compilation{2}",
        "Every component of a [GlobalExecTime] path must be a method with [Component] (or [ExecTime], named after the method).");

    public static readonly DiagnosticDescriptor DuplicateComponent = Create(
        DuplicateComponentId,
        RuleCatalog.DuplicateComponent,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "Component name '{0}' is already used by {1}",
        "Component names identify DAG nodes and must be unique in a compilation.");

    public static readonly DiagnosticDescriptor GlobalBelowLocalSum = Create(
        GlobalBelowLocalSumId,
        RuleCatalog.GlobalBelowLocalSum,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "Global path '{0}' allows {1} ms, but the local thresholds of its components sum to {2} ms ({3})",
        "If every component of a path used its whole local budget, the path would miss its global threshold; raise the global threshold or lower the local ones.");

    public static readonly DiagnosticDescriptor UnknownSuccessor = Create(
        UnknownSuccessorId,
        RuleCatalog.UnknownSuccessor,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "Successor '{0}' of '{1}' is no component of this compilation{2}",
        "A [Successor] is a DAG edge to another component of the application.");

    public static readonly DiagnosticDescriptor ProbabilitiesAboveOne = Create(
        ProbabilitiesAboveOneId,
        RuleCatalog.ProbabilitiesExceedOne,
        DiagnosticSeverity.Error,
        RuleCatalog.InputsCategory,
        "The transition probabilities of the successors of '{0}' sum to {1} ({2}); they must sum to at most 1",
        "A component's outgoing transition probabilities form a distribution; the rest (1 minus the sum) is the share of requests that leave the application.");

    public static readonly DiagnosticDescriptor NotOnnxPath = Create(
        NotOnnxPathId,
        RuleCatalog.NotOnnxPath,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "The partitionable model of '{0}' is '{1}', which is not an .onnx file name",
        "Partitioning works on ONNX models. Whether the file is among the project's AdditionalFiles is AIS0110's; whether its content is ONNX is checked by the build.");

    public static readonly DiagnosticDescriptor UndefinedTimeUnit = Create(
        UndefinedTimeUnitId,
        RuleCatalog.UndefinedTimeUnit,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "The {0} threshold of '{1}' has unit {2}, which is not a TimeUnit (Milliseconds = 1, Seconds = 2)",
        "A threshold is a number with a unit; a cast integer that names no TimeUnit member leaves the threshold unit-less.");

    public static readonly DiagnosticDescriptor PathNotConsecutive = Create(
        PathNotConsecutiveId,
        RuleCatalog.PathNotConsecutive,
        DiagnosticSeverity.Error,
        RuleCatalog.InputsCategory,
        "Global path '{0}' goes from '{1}' to '{2}', but the [Successor] edges of '{1}' lead only to {3}",
        "Neighbours in a path must be joined by a DAG edge. Checked where the earlier component declares its edges in code with [Successor]; a DAG kept only in application_dag.yaml is checked by the build.");

    public static readonly DiagnosticDescriptor DagCycle = Create(
        DagCycleId,
        RuleCatalog.DagCycle,
        DiagnosticSeverity.Error,
        RuleCatalog.InputsCategory,
        "Successor '{0}' of '{1}' closes a cycle in the application DAG: {2}",
        "SPACE4AI-D needs an acyclic graph: requests flow from the entry component to the exits. The edge reported is the one that closes the cycle when the components are walked in source order; remove it or point it at a later component. The build reports the same mistake under the same ID.");

    public static readonly DiagnosticDescriptor DagFileMismatch = Create(
        DagFileMismatchId,
        RuleCatalog.DagFileMismatch,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "The DAG in code and {0} disagree: {1}",
        "When a project declares its DAG with [Successor] and also passes application_dag.yaml as an AdditionalFile, both must name the same components, edges and transition probabilities; data sizes are compared with components_data_size.yaml when that file is passed too. Edges are compared only when some component declares [Successor]: a DAG kept only in the YAML file is accepted.");

    public static readonly DiagnosticDescriptor PartitionableModelMissing = Create(
        PartitionableModelMissingId,
        RuleCatalog.PartitionableModelMissing,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "The partitionable model '{1}' of '{0}' is not among the project's AdditionalFiles{2}",
        "The AiSprint package passes the project's .onnx files as AdditionalFiles (AiSprintOnnxAdditionalFiles=true); a [Partitionable] path that is not one of them names no file of the project. Checked only when the package declares that it passes them. Whether the file's content is ONNX is checked by the build's partitioning step, which reads the model anyway: an analyzer could only read it as decoded text, the whole model at every compilation.");

    public static readonly DiagnosticDescriptor InvalidDesignFile = Create(
        InvalidDesignFileId,
        RuleCatalog.InvalidDesignFile,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "{0}: {1}",
        "The file is compared with the DAG in code (AIS0109); while it has a problem, that comparison is off, so a half-read file never reports a component or edge as missing.");

    public static readonly DiagnosticDescriptor InvalidFeasibilityFile = Create(
        InvalidFeasibilityFileId,
        RuleCatalog.InvalidFeasibilityFile,
        DiagnosticSeverity.Warning,
        RuleCatalog.FeasibilityCategory,
        "{0}: {1}",
        "candidate_resources.yaml (AI-SPRINT format) and demands files (CSV: component,resource,demand_ms; '#' comments) feed the feasibility rules AIS1001–AIS1004; while a file has a problem (or a demand names a resource the candidates lack), the rules that read it are off, so a half-read file never causes a wrong warning.");

    public static readonly DiagnosticDescriptor LocalThresholdBelowDemand = Create(
        LocalThresholdBelowDemandId,
        RuleCatalog.LocalThresholdBelowDemand,
        DiagnosticSeverity.Warning,
        RuleCatalog.FeasibilityCategory,
        "{0} needs at least {1} ms on its fastest compatible resource ({2}); the threshold is {3} ms",
        "The demand (service time without contention, from the demands file) is a lower bound of the response time; a local threshold below the smallest demand cannot be met on any compatible resource. Raise the threshold, speed up the component, or add a faster resource.");

    public static readonly DiagnosticDescriptor GlobalPathInfeasible = Create(
        GlobalPathInfeasibleId,
        RuleCatalog.GlobalPathInfeasible,
        DiagnosticSeverity.Warning,
        RuleCatalog.FeasibilityCategory,
        "Global path '{0}' needs at least {1} ms ({2}); its threshold is {3} ms",
        "The lower bound sums each component's smallest demand and each edge's smallest transfer time: 0 when both components can share a resource, else access delay + 8 × data size (MB) / bandwidth (Mbps) of the best network domain of candidate_resources.yaml holding both layers; the data size is [Successor(DataSizeMb)], else the sender's entry in components_data_size.yaml. An edge with neither, a pair of resources with no shared domain, or a component without demands counts 0, so the bound never overstates.");

    public static readonly DiagnosticDescriptor NoTrustedResource = Create(
        NoTrustedResourceId,
        RuleCatalog.NoTrustedResource,
        DiagnosticSeverity.Error,
        RuleCatalog.InputsCategory,
        "{0} needs trusted execution, but none of its compatible resources ({1}) has an SGX processor or both secure and measured boot",
        "SecurityRequirements.TrustedExecution needs a processor with SGXFlag: True, or a resource with secureBoot and measuredBoot both True. Compatible resources are those the demands file lists for the component, or every candidate resource when the demands do not list it.");

    public static readonly DiagnosticDescriptor MemoryAboveEveryResource = Create(
        MemoryAboveEveryResourceId,
        RuleCatalog.MemoryTooLarge,
        DiagnosticSeverity.Error,
        RuleCatalog.InputsCategory,
        "{0} needs {1} MB of RAM, but its compatible resources have at most {2} MB ({3})",
        "[DeviceConstraints(RamMb)] is compared with the memorySize of the compatible resources (those the demands file lists for the component, or every candidate resource). VramMb is not checked: candidate_resources.yaml states no GPU memory.");

    public static readonly DiagnosticDescriptor UnknownWorkloadComponent = Create(
        UnknownWorkloadComponentId,
        RuleCatalog.UnknownWorkloadComponent,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "Workload '{0}' is for '{1}', which is no component of this compilation{2}",
        "[Workload(name)] names the component the workload exercises when aisprint profile measures it; it must be a [Component] (or [ExecTime]) method of the same compilation, whose calls the generated wrappers time.");

    public static readonly DiagnosticDescriptor FeatureNamedTwice = Create(
        FeatureNamedTwiceId,
        RuleCatalog.FeatureNamedTwice,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "The feature '{0}' is already given to this case; a dataset has one column per feature",
        "Each WorkloadCase.With(name, value) adds a column to the profiling dataset; the same name twice in one case would make two values for one column.");

    public static readonly DiagnosticDescriptor InvalidFeatureName = Create(
        InvalidFeatureNameId,
        RuleCatalog.InvalidFeatureName,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "The feature name '{0}' is not a dataset column name; use letters, digits and '_', not starting with a digit",
        "Feature names become CSV column names of the aMLLibrary dataset and names in its campaign configuration (inverse, products), so they are identifiers.");

    public static readonly DiagnosticDescriptor CaseMissesComponent = Create(
        CaseMissesComponentId,
        RuleCatalog.CaseMissesComponent,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "This case of workload '{0}' never calls '{1}'; the profiler measures only the component's own call, so the case must pass its inputs to it",
        "A case's lambda calls the component with its inputs, e.g. WorkloadCase.Run(() => Inspection.Segment(frame)): the compiler checks the inputs against the component's parameters and the generated wrapper times the call. A case that calls something else would measure nothing.");

    public static readonly DiagnosticDescriptor MalformedWorkload = Create(
        MalformedWorkloadId,
        RuleCatalog.MalformedWorkload,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "Workload '{0}' must be a static method without parameters returning IEnumerable<WorkloadCase>; it {1}",
        "The profiled process calls a workload by reflection with no instance and no arguments, and enumerates the cases it returns.");

    // --- Drift detection (issue 16): [DetectDrift], DriftDeclarationAnalyzer. ---

    /// <summary>The key of the DriftTest member an AIS0134 fix declares instead (set when exactly one test fits the recorded type).</summary>
    public const string FittingTestProperty = "FittingTest";

    public const string UnknownDriftTestId = RuleIds.UnknownDriftTest;
    public const string DriftThresholdOutOfRangeId = RuleIds.DriftThresholdOutOfRange;
    public const string DriftWindowTooSmallId = RuleIds.DriftWindowTooSmall;
    public const string DriftNonPositiveIntervalId = RuleIds.DriftNonPositiveInterval;
    public const string DriftTestDoesNotFitMetricId = RuleIds.DriftTestDoesNotFitMetric;
    public const string DriftReferenceFileMissingId = RuleIds.DriftReferenceFileMissing;
    public const string DriftMetricDeclaredTwiceId = RuleIds.DriftMetricDeclaredTwice;
    public const string AlternativeOfItselfId = RuleIds.AlternativeOfItself;
    public const string AlternativePartitioningIgnoredId = RuleIds.AlternativePartitioningIgnored;

    public static readonly DiagnosticDescriptor UnknownDriftTest = Create(
        UnknownDriftTestId, RuleCatalog.UnknownDriftTest, DiagnosticSeverity.Error, RuleCatalog.AnnotationsCategory,
        "The drift test of '{0}' on '{1}' is {2}, which is no DriftTest member",
        "A drift detector runs one of DriftTest's tests: KolmogorovSmirnov, CramerVonMises, ChiSquared or FisherExact.");

    public static readonly DiagnosticDescriptor DriftThresholdOutOfRange = Create(
        DriftThresholdOutOfRangeId, RuleCatalog.DriftThresholdOutOfRange, DiagnosticSeverity.Error, RuleCatalog.AnnotationsCategory,
        "The p-value threshold of the drift detector '{0}' on '{1}' is {2}; it must lie strictly between 0 and 1",
        "A p-value lies in [0, 1]: a threshold of 0 or below never fires, one of 1 or above fires at every test.");

    public static readonly DiagnosticDescriptor DriftWindowTooSmall = Create(
        DriftWindowTooSmallId, RuleCatalog.DriftWindowTooSmall, DiagnosticSeverity.Error, RuleCatalog.AnnotationsCategory,
        "The window of the drift detector '{0}' on '{1}' is {2} samples; at least {3} are needed",
        "Below the minimum a two-sample test has too few values for a usable p-value.");

    public static readonly DiagnosticDescriptor DriftNonPositiveInterval = Create(
        DriftNonPositiveIntervalId, RuleCatalog.DriftNonPositiveInterval, DiagnosticSeverity.Error, RuleCatalog.AnnotationsCategory,
        "The {2} of the drift detector '{0}' on '{1}' is {3} seconds; {4}",
        "The detection interval must be positive; the collection period after a drift must not be negative (0 collects nothing).");

    public static readonly DiagnosticDescriptor DriftTestDoesNotFitMetric = Create(
        DriftTestDoesNotFitMetricId, RuleCatalog.DriftTestDoesNotFitMetric, DiagnosticSeverity.Warning, RuleCatalog.AnnotationsCategory,
        "'{0}' records '{1}' as {2}, but its drift detector runs {3}, a test for {4} values{5}",
        "Kolmogorov-Smirnov and Cramer-von Mises compare continuous values, chi-squared compares categories, Fisher's exact test compares binary values.");

    public static readonly DiagnosticDescriptor DriftReferenceFileMissing = Create(
        DriftReferenceFileMissingId, RuleCatalog.DriftReferenceFileMissing, DiagnosticSeverity.Warning, RuleCatalog.AnnotationsCategory,
        "The drift reference file '{0}' of '{1}' is not among the project's AdditionalFiles{2}",
        "The application reads the reference file at start and throws when it is missing; list it as an AdditionalFile (and copy it to the output) so the IDE can check it.");

    public static readonly DiagnosticDescriptor DriftMetricDeclaredTwice = Create(
        DriftMetricDeclaredTwiceId, RuleCatalog.DriftMetricDeclaredTwice, DiagnosticSeverity.Error, RuleCatalog.AnnotationsCategory,
        "{0}",
        "A drift detector is identified by its component and metric name: the metric needs a name, and one component declares it once.");

    public static readonly DiagnosticDescriptor AlternativeOfItself = Create(
        AlternativeOfItselfId, RuleCatalog.AlternativeOfItself, DiagnosticSeverity.Error, RuleCatalog.AnnotationsCategory,
        "{0}",
        "An alternative replaces an original component, one with [Component], from a method of its own: deployments are combinations of originals and their alternatives, one level deep.");

    public static readonly DiagnosticDescriptor AlternativePartitioningIgnored = Create(
        AlternativePartitioningIgnoredId, RuleCatalog.AlternativePartitioningIgnored, DiagnosticSeverity.Warning, RuleCatalog.AnnotationsCategory,
        "The alternative '{0}' carries [{1}], which is not applied: an alternative is placed as one piece in every deployment that runs it (partitioned alternatives are unsupported)",
        "The build partitions components only; a deployment that runs the alternative places it whole, with the demands given for its name.");
    public static readonly DiagnosticDescriptor UnknownAlternativeComponent = Create(
        UnknownAlternativeComponentId,
        RuleCatalog.UnknownAlternativeComponent,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "'{0}' is an alternative of '{1}', which is no component of this compilation{2}",
        "[Alternative(component, name)] must name a method with [Component] (or [ExecTime], named after the method) of the same compilation.");

    public static readonly DiagnosticDescriptor AlternativeSignatureMismatch = Create(
        AlternativeSignatureMismatchId,
        RuleCatalog.AlternativeSignatureMismatch,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "Alternative '{0}' cannot replace '{1}' ({2}): {3}",
        "The generated code calls an alternative with the component's arguments and returns its result in the component's place: parameters (types and ref kinds) and return type must be the same, and an instance alternative must be declared on the component's type.");

    public static readonly DiagnosticDescriptor UnknownMetricName = Create(
        UnknownMetricNameId,
        RuleCatalog.UnknownMetricName,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "'{0}' is no application metric; expected one of average_accuracy, average_f1, average_precision, average_recall{1}",
        "The AI-SPRINT Studio and SPACE4AI-R know four metrics (ApplicationMetrics); a deployments_performance.yaml names one of them.");

    public static readonly DiagnosticDescriptor MetricThresholdOutOfRange = Create(
        MetricThresholdOutOfRangeId,
        RuleCatalog.MetricAttributeThresholdOutOfRange,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "The metric threshold is {0}; expected a value above 0 and at most 1 (leave Threshold unset for none)",
        "A deployment whose metric is below the threshold is never chosen: a threshold of 0 or below discards nothing and one above 1 discards everything.");

    public static readonly DiagnosticDescriptor CombinationWithoutMetric = Create(
        CombinationWithoutMetricId,
        RuleCatalog.CombinationWithoutMetric,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "{0}",
        "Every combination of implementations is a deployment the build places; it needs a metric_value in the project's deployments_performance.yaml (the AiSprintDeploymentsPerformance item), or the build fails with AIS0032.");

    public static readonly DiagnosticDescriptor AlternativeNameTaken = Create(
        AlternativeNameTakenId,
        RuleCatalog.AlternativeNameTaken,
        DiagnosticSeverity.Error,
        RuleCatalog.AnnotationsCategory,
        "The alternative name '{0}' is already used by {1}",
        "Deployments name each implementation; an alternative that shares a component's or another alternative's name could not be told apart.");

    public static readonly DiagnosticDescriptor AlternativesWithoutMetric = Create(
        AlternativesWithoutMetricId,
        RuleCatalog.AlternativesWithoutMetric,
        DiagnosticSeverity.Warning,
        RuleCatalog.AnnotationsCategory,
        "'{0}' is an alternative, but the assembly declares no [assembly: ApplicationMetric]; the deployments are ranked by the deployments performance file's metric alone",
        "Declare the metric and its threshold in code so the build can check the performance file against them.");

    /// <summary>
    /// A descriptor for a catalogue rule: title and help link come from <see cref="RuleCatalog"/> (shared with the build);
    /// the ID, severity and category are passed as constants so release tracking (RS2008) can read them, and a test
    /// checks they equal the catalogue's. The message format and description are the analyzer's.
    /// </summary>
    private static DiagnosticDescriptor Create(string id, Rule rule, DiagnosticSeverity severity, string category, string message, string description) =>
        new(id, rule.Title, message, category, severity, isEnabledByDefault: true, description, rule.HelpLink);
}
