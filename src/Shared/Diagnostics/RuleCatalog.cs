using System.Collections.Generic;

namespace AiSprint.Contract.Diagnostics;

/// <summary>
/// The one catalogue of AiSprint diagnostic IDs, shared by the CLI and the engines (through Model's
/// <c>DiagnosticCatalog</c>), the MSBuild tasks and the analyzers: a mistake has one ID whichever side reports it.
/// IDs are never renumbered or reused; docs/diagnostics.md describes each with an anchor (a test checks it) and
/// docs/diagnostics-ranges.md says which range holds what.
/// </summary>
internal static class RuleCatalog
{
    public const string InputsCategory = "AiSprint.Inputs";
    public const string RegressionCategory = "AiSprint.Regression";
    public const string BuildCategory = "AiSprint.Build";
    public const string AnnotationsCategory = "AiSprint.Annotations";
    public const string FeasibilityCategory = "AiSprint.Feasibility";

    /// <summary>Where the catalogue is published; every help link is an anchor of this page.</summary>
    public const string DocumentationUri = "https://github.com/aisprint-sdk/AiSprint.Sdk/blob/main/docs/diagnostics.md";

    public static string HelpLink(string id) => DocumentationUri + "#" + id.ToLowerInvariant();

    // AIS0001–AIS0039: input files and the design model.
    public static readonly Rule FileNotReadable = Error(RuleIds.FileNotReadable, InputsCategory, "The input file cannot be read");
    public static readonly Rule Syntax = Error(RuleIds.Syntax, InputsCategory, "The file is not well-formed JSON, YAML, INI or CSV");
    public static readonly Rule WrongType = Error(RuleIds.WrongType, InputsCategory, "A value has the wrong type or form");
    public static readonly Rule MissingKey = Error(RuleIds.MissingKey, InputsCategory, "A required key is missing");
    public static readonly Rule UnknownKey = Warning(RuleIds.UnknownKey, InputsCategory, "A key is not part of the format and is ignored");
    public static readonly Rule UnknownFormat = Error(RuleIds.UnknownFormat, InputsCategory, "The file or directory is of no supported format");
    public static readonly Rule ModelFileMissing = Error(RuleIds.ModelFileMissing, InputsCategory, "A model file named by [Partitionable] does not exist");
    public static readonly Rule DuplicateName = Error(RuleIds.DuplicateName, InputsCategory, "A name is defined twice");
    public static readonly Rule UnknownResource = Error(RuleIds.UnknownResource, InputsCategory, "A resource is referenced but not defined");
    public static readonly Rule DagCycle = Error(RuleIds.DagCycle, InputsCategory, "The application DAG has a cycle");
    public static readonly Rule ProbabilitiesExceedOne = Error(RuleIds.ProbabilitiesExceedOne, InputsCategory, "Transition probabilities of a component sum to more than 1");
    public static readonly Rule ProbabilitiesBelowOne = Warning(RuleIds.ProbabilitiesBelowOne, InputsCategory, "Transition probabilities of a component sum to less than 1");
    public static readonly Rule PathNotConsecutive = Error(RuleIds.PathNotConsecutive, InputsCategory, "A global constraint's path is not consecutive in the DAG");
    public static readonly Rule NoCompatibleResource = Error(RuleIds.NoCompatibleResource, InputsCategory, "A partition has no compatible resource");
    public static readonly Rule MissingDemand = Error(RuleIds.MissingDemand, InputsCategory, "A partition has no demand on a compatible resource");
    public static readonly Rule InvalidValue = Error(RuleIds.InvalidValue, InputsCategory, "A value is out of its valid range");
    public static readonly Rule MemoryTooLarge = Error(RuleIds.MemoryTooLarge, InputsCategory, "A component needs more memory than any compatible resource has");
    public static readonly Rule UnknownComponent = Error(RuleIds.UnknownComponent, InputsCategory, "A component is referenced but not defined");
    public static readonly Rule BrokenPartitionChain = Error(RuleIds.BrokenPartitionChain, InputsCategory, "A deployment's partitions do not form one chain");
    public static readonly Rule NoPerformanceData = Warning(RuleIds.NoPerformanceData, InputsCategory, "The design has no demands yet; placement needs them");
    public static readonly Rule UnknownLayer = Error(RuleIds.UnknownLayer, InputsCategory, "A computational layer or network domain is referenced but not defined");
    public static readonly Rule InconsistentReplicas = Warning(RuleIds.InconsistentReplicas, InputsCategory, "A resource has different replica counts on different partitions");
    public static readonly Rule UnknownPartition = Error(RuleIds.UnknownPartition, InputsCategory, "A solution names a deployment or partition the system does not have");
    public static readonly Rule NotRepresentable = Warning(RuleIds.NotRepresentable, InputsCategory, "The target format cannot hold some information, which is not written");
    public static readonly Rule NoTrustedResource = Error(RuleIds.NoTrustedResource, InputsCategory, "A component needs trusted execution but no compatible resource can provide it");
    // Alternative implementations and the application metric (issue 15 part 1).
    public static readonly Rule UnknownAlternativeTarget = Error(RuleIds.UnknownAlternativeTarget, InputsCategory, "An alternative implementation names a component the application does not have");
    public static readonly Rule AlternativeNameClash = Error(RuleIds.AlternativeNameClash, InputsCategory, "An alternative implementation's name is already a component or another alternative");
    public static readonly Rule UnknownApplicationMetric = Error(RuleIds.UnknownApplicationMetric, InputsCategory, "The application metric is not one of average_accuracy, average_f1, average_precision, average_recall");
    public static readonly Rule MetricThresholdOutOfRange = Error(RuleIds.MetricThresholdOutOfRange, InputsCategory, "The application metric's threshold is outside (0, 1]");
    public static readonly Rule MissingDeploymentMetric = Error(RuleIds.MissingDeploymentMetric, InputsCategory, "A deployment (combination of alternatives) has no metric value");
    public static readonly Rule MetricChainUnsupported = Error(RuleIds.MetricChainUnsupported, InputsCategory, "The metric cannot be computed from confusion matrices for this DAG");

    // Early exits (issue 15 part 2): early_exits.csv against its model.
    public static readonly Rule MalformedEarlyExits = Error(RuleIds.MalformedEarlyExits, InputsCategory, "An early_exits.csv is malformed (header exits,input_nodes,output_nodes; cells are list literals of tensor names)");
    public static readonly Rule UnknownExitTensor = Error(RuleIds.UnknownExitTensor, InputsCategory, "An early exit names a tensor the model does not have");
    public static readonly Rule ExitHeadNotDownstream = Error(RuleIds.ExitHeadNotDownstream, InputsCategory, "An exit head's output does not depend on the tensor its row attaches it to");

    // AIS0040–AIS0049: aMLLibrary configurations and datasets.
    public static readonly Rule AmlUnknownTechnique = Error(RuleIds.AmlUnknownTechnique, RegressionCategory, "An aMLLibrary configuration names a regression technique that does not exist");
    public static readonly Rule AmlInterpolation = Error(RuleIds.AmlInterpolation, RegressionCategory, "A '%' in an aMLLibrary .ini value is not a valid configparser interpolation");
    public static readonly Rule AmlPriorWithoutHyperopt = Warning(RuleIds.AmlPriorWithoutHyperopt, RegressionCategory, "A Hyperopt prior is in a grid but Hyperopt is off, so it is used as a plain string");
    public static readonly Rule AmlInlineComment = Warning(RuleIds.AmlInlineComment, RegressionCategory, "An inline comment is not stripped by aMLLibrary and stays part of the value");
    public static readonly Rule AmlIgnoredOption = Warning(RuleIds.AmlIgnoredOption, RegressionCategory, "aMLLibrary reads this option but ignores it here");
    public static readonly Rule CsvRowLength = Error(RuleIds.CsvRowLength, RegressionCategory, "A CSV row has a different number of fields than the header");

    // AIS0050–AIS0099: the build pipeline (aisprint deploy and the MSBuild targets).
    public static readonly Rule InfeasiblePlacement = Warning(RuleIds.InfeasiblePlacement, BuildCategory, "No placement meets every constraint");
    public static readonly Rule ConstraintUnreachable = Warning(RuleIds.ConstraintUnreachable, BuildCategory, "A constraint cannot be met even in the best case");
    public static readonly Rule TrainingFailed = Error(RuleIds.TrainingFailed, BuildCategory, "A performance model could not be trained or could not predict the demands");
    public static readonly Rule NoDesignDocument = Warning(RuleIds.NoDesignDocument, BuildCategory, "The assembly has no AiSprint design document");
    public static readonly Rule CannotProfile = Error(RuleIds.CannotProfile, BuildCategory, "The application cannot be profiled");
    public static readonly Rule WorkloadFailed = Error(RuleIds.WorkloadFailed, BuildCategory, "A workload threw or has the wrong shape");
    public static readonly Rule WorkloadEmpty = Error(RuleIds.WorkloadEmpty, BuildCategory, "A workload returned no case");
    public static readonly Rule WorkloadInconsistent = Error(RuleIds.WorkloadInconsistent, BuildCategory, "A workload's cases describe their inputs inconsistently");
    public static readonly Rule WorkloadUntimed = Error(RuleIds.WorkloadUntimed, BuildCategory, "A workload case did not call its component through the timing wrapper");
    public static readonly Rule NoWorkload = Error(RuleIds.NoWorkload, BuildCategory, "A profiled component has no workload");
    public static readonly Rule InvalidProfilingGrid = Error(RuleIds.InvalidProfilingGrid, BuildCategory, "The profiling grid is invalid");
    public static readonly Rule ProfileOutputUnusable = Error(RuleIds.ProfileOutputUnusable, BuildCategory, "The profiled resource or the profile's output directory cannot be used");
    public static readonly Rule LayerModelUnreadable = Error(RuleIds.LayerModelUnreadable, BuildCategory, "A per-layer model file cannot be read or is of another version or convention");
    public static readonly Rule LayerTimingFailed = Error(RuleIds.LayerTimingFailed, BuildCategory, "ONNX Runtime could not time the network's nodes");
    public static readonly Rule InvalidLayersOption = Error(RuleIds.InvalidLayersOption, BuildCategory, "A layers option is invalid (thread list, optimisation level, technique)");
    // Early exits (issue 15 part 2): splitting at the exits and measured exit probabilities.
    public static readonly Rule ExitsOutOfOrder = Error(RuleIds.ExitsOutOfOrder, BuildCategory, "Early exits are not listed in network order");
    public static readonly Rule ExitDoesNotSeparate = Error(RuleIds.ExitDoesNotSeparate, BuildCategory, "An exit's attach tensor does not separate the network, so no partition can start from it");
    public static readonly Rule MeasuredExitsUnusable = Warning(RuleIds.MeasuredExitsUnusable, BuildCategory, "Measured early-exit counts cannot be used; the declared probabilities stay");
    public static readonly Rule ToolFailed = Error(RuleIds.ToolFailed, BuildCategory, "An aisprint step failed without reporting why");

    // AIS0100–AIS0199: annotations in C# source, reported by the analyzers.
    public static readonly Rule NonPositiveThreshold = Error(RuleIds.NonPositiveThreshold, AnnotationsCategory, "Threshold must be positive");
    public static readonly Rule UnknownPathComponent = Error(RuleIds.UnknownPathComponent, AnnotationsCategory, "Global path names an unknown component");
    public static readonly Rule DuplicateComponent = Error(RuleIds.DuplicateComponent, AnnotationsCategory, "Duplicate component name");
    public static readonly Rule GlobalBelowLocalSum = Warning(RuleIds.GlobalBelowLocalSum, AnnotationsCategory, "Global threshold below the sum of the local thresholds on its path");
    public static readonly Rule UnknownSuccessor = Error(RuleIds.UnknownSuccessor, AnnotationsCategory, "Successor names an unknown component");
    public static readonly Rule ProbabilitiesAboveOneRetired = Retired(RuleIds.ProbabilitiesAboveOneRetired, AnnotationsCategory, "Successor probabilities sum to more than 1", ProbabilitiesExceedOne);
    public static readonly Rule NotOnnxPath = Warning(RuleIds.NotOnnxPath, AnnotationsCategory, "Partitionable model path is not an .onnx file");
    public static readonly Rule UndefinedTimeUnit = Error(RuleIds.UndefinedTimeUnit, AnnotationsCategory, "Threshold unit is not a TimeUnit member");
    public static readonly Rule PathNotConsecutiveRetired = Retired(RuleIds.PathNotConsecutiveRetired, AnnotationsCategory, "Global path is not consecutive in the DAG", PathNotConsecutive);
    public static readonly Rule DagFileMismatch = Warning(RuleIds.DagFileMismatch, AnnotationsCategory, "The DAG in code and application_dag.yaml disagree");
    public static readonly Rule PartitionableModelMissing = Warning(RuleIds.PartitionableModelMissing, AnnotationsCategory, "Partitionable model is not among the project's files");
    public static readonly Rule InvalidDesignFile = Warning(RuleIds.InvalidDesignFile, AnnotationsCategory, "A DAG or data-size file cannot be read");
    public static readonly Rule UnknownWorkloadComponent = Error(RuleIds.UnknownWorkloadComponent, AnnotationsCategory, "Workload for an unknown component");
    public static readonly Rule FeatureNamedTwice = Error(RuleIds.FeatureNamedTwice, AnnotationsCategory, "Workload feature named twice");
    public static readonly Rule InvalidFeatureName = Error(RuleIds.InvalidFeatureName, AnnotationsCategory, "Workload feature name is not a dataset column name");
    public static readonly Rule CaseMissesComponent = Error(RuleIds.CaseMissesComponent, AnnotationsCategory, "Workload case does not call its component");
    public static readonly Rule MalformedWorkload = Error(RuleIds.MalformedWorkload, AnnotationsCategory, "Workload method has the wrong shape");
    // Alternative implementations and the application metric in code (issue 15 part 1).
    public static readonly Rule UnknownAlternativeComponent = Error(RuleIds.UnknownAlternativeComponent, AnnotationsCategory, "[Alternative] names an unknown component");
    public static readonly Rule AlternativeSignatureMismatch = Error(RuleIds.AlternativeSignatureMismatch, AnnotationsCategory, "An alternative's signature differs from the component it replaces");
    public static readonly Rule UnknownMetricName = Error(RuleIds.UnknownMetricName, AnnotationsCategory, "[ApplicationMetric] names no known metric");
    public static readonly Rule MetricAttributeThresholdOutOfRange = Error(RuleIds.MetricAttributeThresholdOutOfRange, AnnotationsCategory, "[ApplicationMetric] threshold outside (0, 1]");
    public static readonly Rule CombinationWithoutMetric = Warning(RuleIds.CombinationWithoutMetric, AnnotationsCategory, "A deployment of the alternatives has no metric value");
    public static readonly Rule AlternativeNameTaken = Error(RuleIds.AlternativeNameTaken, AnnotationsCategory, "An alternative's name is already a component's or another alternative's");
    public static readonly Rule AlternativesWithoutMetric = Warning(RuleIds.AlternativesWithoutMetric, AnnotationsCategory, "Alternatives are declared but no [ApplicationMetric]");
    // Early exits (issue 15 part 2): [EarlyExits] in source.
    public static readonly Rule EarlyExitConditionSignature = Error(RuleIds.EarlyExitConditionSignature, AnnotationsCategory, "Early-exit condition method is missing or has the wrong signature");
    public static readonly Rule ExitProbabilityOutOfRange = Error(RuleIds.ExitProbabilityOutOfRange, AnnotationsCategory, "Early-exit transition probability outside [0, 1]");
    public static readonly Rule ExitProbabilityCount = Error(RuleIds.ExitProbabilityCount, AnnotationsCategory, "Early-exit transition probabilities do not match the exits one to one");
    public static readonly Rule EarlyExitFileMissing = Warning(RuleIds.EarlyExitFileMissing, AnnotationsCategory, "Early-exit model or early_exits.csv is not among the project's files");
    public static readonly Rule EarlyExitsWithPartitionable = Error(RuleIds.EarlyExitsWithPartitionable, AnnotationsCategory, "A component is both [EarlyExits] and [Partitionable]");

    // AIS1000–AIS1999: annotations no candidate resource can satisfy, judged from the AdditionalFiles.
    public static readonly Rule InvalidFeasibilityFile = Warning(RuleIds.InvalidFeasibilityFile, FeasibilityCategory, "A resources or demands file cannot be read");
    public static readonly Rule LocalThresholdBelowDemand = Warning(RuleIds.LocalThresholdBelowDemand, FeasibilityCategory, "Local threshold below the smallest demand on every compatible resource");
    public static readonly Rule GlobalPathInfeasible = Warning(RuleIds.GlobalPathInfeasible, FeasibilityCategory, "Global path infeasible even in the best case");
    public static readonly Rule NoTrustedResourceRetired = Retired(RuleIds.NoTrustedResourceRetired, FeasibilityCategory, "No compatible resource offers trusted execution", NoTrustedResource);
    public static readonly Rule MemoryAboveEveryResourceRetired = Retired(RuleIds.MemoryAboveEveryResourceRetired, FeasibilityCategory, "Memory requirement above every compatible resource", MemoryTooLarge);

    // AIS0130–AIS0136: [DetectDrift] declarations (drift detection, issue 16).
    public static readonly Rule UnknownDriftTest = Error(RuleIds.UnknownDriftTest, AnnotationsCategory, "Drift test is not a DriftTest member");
    public static readonly Rule DriftThresholdOutOfRange = Error(RuleIds.DriftThresholdOutOfRange, AnnotationsCategory, "Drift p-value threshold outside (0, 1)");
    public static readonly Rule DriftWindowTooSmall = Error(RuleIds.DriftWindowTooSmall, AnnotationsCategory, "Drift window below the minimum size");
    public static readonly Rule DriftNonPositiveInterval = Error(RuleIds.DriftNonPositiveInterval, AnnotationsCategory, "Drift detection interval not positive, or collection period negative");
    public static readonly Rule DriftTestDoesNotFitMetric = Warning(RuleIds.DriftTestDoesNotFitMetric, AnnotationsCategory, "Drift test does not fit the type of the recorded values");
    public static readonly Rule DriftReferenceFileMissing = Warning(RuleIds.DriftReferenceFileMissing, AnnotationsCategory, "Drift reference file is not among the project's files");
    public static readonly Rule DriftMetricDeclaredTwice = Error(RuleIds.DriftMetricDeclaredTwice, AnnotationsCategory, "Drift metric without a name, or declared twice on one component");

    // AIS0137–AIS0138: alternatives that cannot be one (issue 15 gaps).
    public static readonly Rule AlternativeOfItself = Error(RuleIds.AlternativeOfItself, AnnotationsCategory, "An alternative replaces itself, an alternative, or is also a component");
    public static readonly Rule AlternativePartitioningIgnored = Warning(RuleIds.AlternativePartitioningIgnored, AnnotationsCategory, "An alternative's [Partitionable] or [EarlyExits] is not applied");
    // AIS0037–AIS0038: the Studio's early_exits_model annotation in an application directory's annotations.yaml.
    public static readonly Rule MalformedEarlyExitsAnnotation = Error(RuleIds.MalformedEarlyExitsAnnotation, InputsCategory, "An early_exits_model annotation is malformed or disagrees with its early_exits.csv");
    public static readonly Rule EarlyExitSegmentsNotDeclared = Warning(RuleIds.EarlyExitSegmentsNotDeclared, InputsCategory, "An early-exit component has no deployment of one partition per segment in candidate_deployments.yaml");

    /// <summary>Every rule, retired ones included, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } = new[]
    {
        FileNotReadable, Syntax, WrongType, MissingKey, UnknownKey, UnknownFormat, ModelFileMissing, DuplicateName, UnknownResource,
        DagCycle, ProbabilitiesExceedOne, ProbabilitiesBelowOne, PathNotConsecutive, NoCompatibleResource, MissingDemand,
        InvalidValue, MemoryTooLarge, UnknownComponent, BrokenPartitionChain, NoPerformanceData, UnknownLayer,
        InconsistentReplicas, UnknownPartition, NotRepresentable, NoTrustedResource,
        UnknownAlternativeTarget, AlternativeNameClash, UnknownApplicationMetric, MetricThresholdOutOfRange, MissingDeploymentMetric, MetricChainUnsupported,
        MalformedEarlyExits, UnknownExitTensor, ExitHeadNotDownstream,
        AmlUnknownTechnique, AmlInterpolation, AmlPriorWithoutHyperopt, AmlInlineComment, AmlIgnoredOption, CsvRowLength,
        InfeasiblePlacement, ConstraintUnreachable, TrainingFailed, NoDesignDocument,
        CannotProfile, WorkloadFailed, WorkloadEmpty, WorkloadInconsistent, WorkloadUntimed, NoWorkload, InvalidProfilingGrid, ProfileOutputUnusable,
        LayerModelUnreadable, LayerTimingFailed, InvalidLayersOption,
        ExitsOutOfOrder, ExitDoesNotSeparate, MeasuredExitsUnusable,
        ToolFailed,
        NonPositiveThreshold, UnknownPathComponent, DuplicateComponent, GlobalBelowLocalSum, UnknownSuccessor,
        ProbabilitiesAboveOneRetired, NotOnnxPath, UndefinedTimeUnit, PathNotConsecutiveRetired, DagFileMismatch,
        PartitionableModelMissing, InvalidDesignFile,
        UnknownWorkloadComponent, FeatureNamedTwice, InvalidFeatureName, CaseMissesComponent, MalformedWorkload,
        UnknownAlternativeComponent, AlternativeSignatureMismatch, UnknownMetricName, MetricAttributeThresholdOutOfRange, CombinationWithoutMetric,
        AlternativeNameTaken, AlternativesWithoutMetric,
        EarlyExitConditionSignature, ExitProbabilityOutOfRange, ExitProbabilityCount, EarlyExitFileMissing, EarlyExitsWithPartitionable,
        UnknownDriftTest, DriftThresholdOutOfRange, DriftWindowTooSmall, DriftNonPositiveInterval, DriftTestDoesNotFitMetric, DriftReferenceFileMissing, DriftMetricDeclaredTwice,
        AlternativeOfItself, AlternativePartitioningIgnored, MalformedEarlyExitsAnnotation, EarlyExitSegmentsNotDeclared,
        InvalidFeasibilityFile, LocalThresholdBelowDemand, GlobalPathInfeasible, NoTrustedResourceRetired, MemoryAboveEveryResourceRetired,
    };

    public static Rule? Find(string id)
    {
        foreach (var rule in All)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        return null;
    }

    private static Rule Error(string id, string category, string title) => new(id, isError: true, category, title);

    private static Rule Warning(string id, string category, string title) => new(id, isError: false, category, title);

    private static Rule Retired(string id, string category, string title, Rule replacedBy) =>
        new(id, replacedBy.IsError, category, title, replacedBy.Id);
}
