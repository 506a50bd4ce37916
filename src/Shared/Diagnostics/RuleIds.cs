namespace AiSprint.Contract.Diagnostics;

/// <summary>
/// The IDs of <see cref="RuleCatalog"/> as constants, for the places that need a compile-time constant (analyzer
/// descriptors, which the release-tracking analyzer reads; code fixes' fixable IDs; switch labels).
/// </summary>
internal static class RuleIds
{
    public const string FileNotReadable = "AIS0001";
    public const string Syntax = "AIS0002";
    public const string WrongType = "AIS0003";
    public const string MissingKey = "AIS0004";
    public const string UnknownKey = "AIS0005";
    public const string UnknownFormat = "AIS0006";
    public const string ModelFileMissing = "AIS0007";
    public const string DuplicateName = "AIS0010";
    public const string UnknownResource = "AIS0011";
    public const string DagCycle = "AIS0012";
    public const string ProbabilitiesExceedOne = "AIS0013";
    public const string ProbabilitiesBelowOne = "AIS0014";
    public const string PathNotConsecutive = "AIS0015";
    public const string NoCompatibleResource = "AIS0016";
    public const string MissingDemand = "AIS0017";
    public const string InvalidValue = "AIS0018";
    public const string MemoryTooLarge = "AIS0019";
    public const string UnknownComponent = "AIS0020";
    public const string BrokenPartitionChain = "AIS0021";
    public const string NoPerformanceData = "AIS0022";
    public const string UnknownLayer = "AIS0023";
    public const string InconsistentReplicas = "AIS0024";
    public const string UnknownPartition = "AIS0025";
    public const string NotRepresentable = "AIS0026";
    public const string NoTrustedResource = "AIS0027";
    // Alternative implementations and the application metric (issue 15 part 1): AIS0028–AIS0033.
    public const string UnknownAlternativeTarget = "AIS0028";
    public const string AlternativeNameClash = "AIS0029";
    public const string UnknownApplicationMetric = "AIS0030";
    public const string MetricThresholdOutOfRange = "AIS0031";
    public const string MissingDeploymentMetric = "AIS0032";
    public const string MetricChainUnsupported = "AIS0033";
    // Early exits (issue 15 part 2).
    public const string MalformedEarlyExits = "AIS0034";
    public const string UnknownExitTensor = "AIS0035";
    public const string ExitHeadNotDownstream = "AIS0036";
    public const string AmlUnknownTechnique = "AIS0040";
    public const string AmlInterpolation = "AIS0041";
    public const string AmlPriorWithoutHyperopt = "AIS0042";
    public const string AmlInlineComment = "AIS0043";
    public const string AmlIgnoredOption = "AIS0044";
    public const string CsvRowLength = "AIS0045";
    public const string InfeasiblePlacement = "AIS0050";
    public const string ConstraintUnreachable = "AIS0051";
    public const string TrainingFailed = "AIS0052";
    public const string NoDesignDocument = "AIS0053";
    public const string CannotProfile = "AIS0060";
    public const string WorkloadFailed = "AIS0061";
    public const string WorkloadEmpty = "AIS0062";
    public const string WorkloadInconsistent = "AIS0063";
    public const string WorkloadUntimed = "AIS0064";
    public const string NoWorkload = "AIS0065";
    public const string InvalidProfilingGrid = "AIS0066";
    public const string ProfileOutputUnusable = "AIS0067";
    public const string LayerModelUnreadable = "AIS0070";
    public const string LayerTimingFailed = "AIS0071";
    public const string InvalidLayersOption = "AIS0072";
    // Early exits (issue 15 part 2).
    public const string ExitsOutOfOrder = "AIS0077";
    public const string ExitDoesNotSeparate = "AIS0078";
    public const string MeasuredExitsUnusable = "AIS0079";
    public const string ToolFailed = "AIS0099";
    public const string NonPositiveThreshold = "AIS0100";
    public const string UnknownPathComponent = "AIS0101";
    public const string DuplicateComponent = "AIS0102";
    public const string GlobalBelowLocalSum = "AIS0103";
    public const string UnknownSuccessor = "AIS0104";
    public const string ProbabilitiesAboveOneRetired = "AIS0105";
    public const string NotOnnxPath = "AIS0106";
    public const string UndefinedTimeUnit = "AIS0107";
    public const string PathNotConsecutiveRetired = "AIS0108";
    public const string DagFileMismatch = "AIS0109";
    public const string PartitionableModelMissing = "AIS0110";
    public const string InvalidDesignFile = "AIS0111";
    public const string UnknownWorkloadComponent = "AIS0112";
    public const string FeatureNamedTwice = "AIS0113";
    public const string InvalidFeatureName = "AIS0114";
    public const string CaseMissesComponent = "AIS0115";
    public const string MalformedWorkload = "AIS0116";
    // Alternative implementations and the application metric in code (issue 15 part 1): AIS0117–AIS0124.
    public const string UnknownAlternativeComponent = "AIS0117";
    public const string AlternativeSignatureMismatch = "AIS0118";
    public const string UnknownMetricName = "AIS0119";
    public const string MetricAttributeThresholdOutOfRange = "AIS0120";
    public const string CombinationWithoutMetric = "AIS0121";
    public const string AlternativeNameTaken = "AIS0122";
    public const string AlternativesWithoutMetric = "AIS0123";
    // Early exits (issue 15 part 2).
    public const string EarlyExitConditionSignature = "AIS0125";
    public const string ExitProbabilityOutOfRange = "AIS0126";
    public const string ExitProbabilityCount = "AIS0127";
    public const string EarlyExitFileMissing = "AIS0128";
    public const string EarlyExitsWithPartitionable = "AIS0129";
    public const string InvalidFeasibilityFile = "AIS1000";
    public const string LocalThresholdBelowDemand = "AIS1001";
    public const string GlobalPathInfeasible = "AIS1002";
    public const string NoTrustedResourceRetired = "AIS1003";
    public const string MemoryAboveEveryResourceRetired = "AIS1004";

    // --- Drift detection (issue 16): AIS0130–AIS0136 ([DetectDrift]), AIS0080–AIS0081 (reserved, build). ---
    public const string UnknownDriftTest = "AIS0130";
    public const string DriftThresholdOutOfRange = "AIS0131";
    public const string DriftWindowTooSmall = "AIS0132";
    public const string DriftNonPositiveInterval = "AIS0133";
    public const string DriftTestDoesNotFitMetric = "AIS0134";
    public const string DriftReferenceFileMissing = "AIS0135";
    public const string DriftMetricDeclaredTwice = "AIS0136";

    // --- Alternatives and early exits, gaps of issue 15: AIS0137–AIS0138 (analyzer), AIS0037–AIS0038 (application directories). ---
    public const string AlternativeOfItself = "AIS0137";
    public const string AlternativePartitioningIgnored = "AIS0138";
    public const string MalformedEarlyExitsAnnotation = "AIS0037";
    public const string EarlyExitSegmentsNotDeclared = "AIS0038";
}
