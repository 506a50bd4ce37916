using AiSprint.Contract.Diagnostics;

namespace AiSprint.Model.Diagnostics;

/// <summary>
/// The rules of the shared catalogue (<see cref="RuleCatalog"/>, compiled into the CLI, the MSBuild tasks and the
/// analyzers alike) that the engines report, as Model descriptors: AIS0001–AIS0099, input files, the design model
/// and the build pipeline. Codes are never reused or renumbered; docs/diagnostics.md describes each one.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>AIS0001 (error): The input file cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileNotReadable = From(RuleCatalog.FileNotReadable);
    /// <summary>AIS0002 (error): The file is not well-formed JSON, YAML, INI or CSV.</summary>
    public static readonly DiagnosticDescriptor Syntax = From(RuleCatalog.Syntax);
    /// <summary>AIS0003 (error): A value has the wrong type or form.</summary>
    public static readonly DiagnosticDescriptor WrongType = From(RuleCatalog.WrongType);
    /// <summary>AIS0004 (error): A required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = From(RuleCatalog.MissingKey);
    /// <summary>AIS0005 (warning): A key is not part of the format and is ignored.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = From(RuleCatalog.UnknownKey);
    /// <summary>AIS0006 (error): The file or directory is of no supported format.</summary>
    public static readonly DiagnosticDescriptor UnknownFormat = From(RuleCatalog.UnknownFormat);
    /// <summary>AIS0007 (error): A model file named by [Partitionable] does not exist.</summary>
    public static readonly DiagnosticDescriptor ModelFileMissing = From(RuleCatalog.ModelFileMissing);
    /// <summary>AIS0010 (error): A name is defined twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = From(RuleCatalog.DuplicateName);
    /// <summary>AIS0011 (error): A resource is referenced but not defined.</summary>
    public static readonly DiagnosticDescriptor UnknownResource = From(RuleCatalog.UnknownResource);
    /// <summary>AIS0012 (error): The application DAG has a cycle.</summary>
    public static readonly DiagnosticDescriptor DagCycle = From(RuleCatalog.DagCycle);
    /// <summary>AIS0013 (error): Transition probabilities of a component sum to more than 1.</summary>
    public static readonly DiagnosticDescriptor ProbabilitiesExceedOne = From(RuleCatalog.ProbabilitiesExceedOne);
    /// <summary>AIS0014 (warning): Transition probabilities of a component sum to less than 1.</summary>
    public static readonly DiagnosticDescriptor ProbabilitiesBelowOne = From(RuleCatalog.ProbabilitiesBelowOne);
    /// <summary>AIS0015 (error): A global constraint's path is not consecutive in the DAG.</summary>
    public static readonly DiagnosticDescriptor PathNotConsecutive = From(RuleCatalog.PathNotConsecutive);
    /// <summary>AIS0016 (error): A partition has no compatible resource.</summary>
    public static readonly DiagnosticDescriptor NoCompatibleResource = From(RuleCatalog.NoCompatibleResource);
    /// <summary>AIS0017 (error): A partition has no demand on a compatible resource.</summary>
    public static readonly DiagnosticDescriptor MissingDemand = From(RuleCatalog.MissingDemand);
    /// <summary>AIS0018 (error): A value is out of its valid range.</summary>
    public static readonly DiagnosticDescriptor InvalidValue = From(RuleCatalog.InvalidValue);
    /// <summary>AIS0019 (error): A component needs more memory than any compatible resource has.</summary>
    public static readonly DiagnosticDescriptor MemoryTooLarge = From(RuleCatalog.MemoryTooLarge);
    /// <summary>AIS0020 (error): A component is referenced but not defined.</summary>
    public static readonly DiagnosticDescriptor UnknownComponent = From(RuleCatalog.UnknownComponent);
    /// <summary>AIS0021 (error): A deployment's partitions do not form one chain.</summary>
    public static readonly DiagnosticDescriptor BrokenPartitionChain = From(RuleCatalog.BrokenPartitionChain);
    /// <summary>AIS0022 (warning): The design has no demands yet; placement needs them.</summary>
    public static readonly DiagnosticDescriptor NoPerformanceData = From(RuleCatalog.NoPerformanceData);
    /// <summary>AIS0023 (error): A computational layer or network domain is referenced but not defined.</summary>
    public static readonly DiagnosticDescriptor UnknownLayer = From(RuleCatalog.UnknownLayer);
    /// <summary>AIS0024 (warning): A resource has different replica counts on different partitions.</summary>
    public static readonly DiagnosticDescriptor InconsistentReplicas = From(RuleCatalog.InconsistentReplicas);
    /// <summary>AIS0025 (error): A solution names a deployment or partition the system does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownPartition = From(RuleCatalog.UnknownPartition);
    /// <summary>AIS0026 (warning): The target format cannot hold some information, which is not written.</summary>
    public static readonly DiagnosticDescriptor NotRepresentable = From(RuleCatalog.NotRepresentable);
    /// <summary>AIS0027 (error): A component needs trusted execution but no compatible resource can provide it.</summary>
    public static readonly DiagnosticDescriptor NoTrustedResource = From(RuleCatalog.NoTrustedResource);
    /// <summary>AIS0028 (error): An alternative implementation names a component the application does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownAlternativeTarget = From(RuleCatalog.UnknownAlternativeTarget);
    /// <summary>AIS0029 (error): An alternative implementation's name is already a component or another alternative.</summary>
    public static readonly DiagnosticDescriptor AlternativeNameClash = From(RuleCatalog.AlternativeNameClash);
    /// <summary>AIS0030 (error): The application metric is not one of average_accuracy, average_f1, average_precision, average_recall.</summary>
    public static readonly DiagnosticDescriptor UnknownApplicationMetric = From(RuleCatalog.UnknownApplicationMetric);
    /// <summary>AIS0031 (error): The application metric's threshold is outside (0, 1].</summary>
    public static readonly DiagnosticDescriptor MetricThresholdOutOfRange = From(RuleCatalog.MetricThresholdOutOfRange);
    /// <summary>AIS0032 (error): A deployment (combination of alternatives) has no metric value.</summary>
    public static readonly DiagnosticDescriptor MissingDeploymentMetric = From(RuleCatalog.MissingDeploymentMetric);
    /// <summary>AIS0033 (error): The metric cannot be computed from confusion matrices for this DAG.</summary>
    public static readonly DiagnosticDescriptor MetricChainUnsupported = From(RuleCatalog.MetricChainUnsupported);
    /// <summary>AIS0040 (error): An aMLLibrary configuration names a regression technique that does not exist.</summary>
    public static readonly DiagnosticDescriptor AmlUnknownTechnique = From(RuleCatalog.AmlUnknownTechnique);
    /// <summary>AIS0041 (error): A '%' in an aMLLibrary .ini value is not a valid configparser interpolation.</summary>
    public static readonly DiagnosticDescriptor AmlInterpolation = From(RuleCatalog.AmlInterpolation);
    /// <summary>AIS0042 (warning): A Hyperopt prior is in a grid but Hyperopt is off, so it is used as a plain string.</summary>
    public static readonly DiagnosticDescriptor AmlPriorWithoutHyperopt = From(RuleCatalog.AmlPriorWithoutHyperopt);
    /// <summary>AIS0043 (warning): An inline comment is not stripped by aMLLibrary and stays part of the value.</summary>
    public static readonly DiagnosticDescriptor AmlInlineComment = From(RuleCatalog.AmlInlineComment);
    /// <summary>AIS0044 (warning): aMLLibrary reads this option but ignores it here.</summary>
    public static readonly DiagnosticDescriptor AmlIgnoredOption = From(RuleCatalog.AmlIgnoredOption);
    /// <summary>AIS0045 (error): A CSV row has a different number of fields than the header.</summary>
    public static readonly DiagnosticDescriptor CsvRowLength = From(RuleCatalog.CsvRowLength);

    /// <summary>AIS0050 (warning): No placement meets every constraint.</summary>
    public static readonly DiagnosticDescriptor InfeasiblePlacement = From(RuleCatalog.InfeasiblePlacement);
    /// <summary>AIS0051 (warning): A constraint cannot be met even in the best case.</summary>
    public static readonly DiagnosticDescriptor ConstraintUnreachable = From(RuleCatalog.ConstraintUnreachable);
    /// <summary>AIS0052 (error): A performance model could not be trained or could not predict the demands.</summary>
    public static readonly DiagnosticDescriptor TrainingFailed = From(RuleCatalog.TrainingFailed);
    /// <summary>AIS0053 (warning): The assembly has no AiSprint design document.</summary>
    public static readonly DiagnosticDescriptor NoDesignDocument = From(RuleCatalog.NoDesignDocument);
    /// <summary>AIS0099 (error): An aisprint step failed without reporting why.</summary>
    public static readonly DiagnosticDescriptor ToolFailed = From(RuleCatalog.ToolFailed);

    /// <summary>The descriptor of a catalogue rule (one per rule, so descriptors compare by reference too).</summary>
    internal static DiagnosticDescriptor Of(Rule rule) => All.First(d => d.Code == rule.Id);

    private static DiagnosticDescriptor From(Rule rule) =>
        new(rule.Id, rule.IsError ? Severity.Error : Severity.Warning, rule.Title) { HelpLink = rule.HelpLink };

    /// <summary>AIS0060 (error): The application cannot be profiled.</summary>
    public static readonly DiagnosticDescriptor ProfilingUnavailable = From(RuleCatalog.CannotProfile);
    internal static readonly DiagnosticDescriptor WorkloadThrew = From(RuleCatalog.WorkloadFailed);
    /// <summary>AIS0062 (error): A workload returned no case.</summary>
    public static readonly DiagnosticDescriptor WorkloadEmpty = From(RuleCatalog.WorkloadEmpty);
    /// <summary>AIS0063 (error): A workload's cases describe their inputs inconsistently.</summary>
    public static readonly DiagnosticDescriptor WorkloadFeaturesInconsistent = From(RuleCatalog.WorkloadInconsistent);
    internal static readonly DiagnosticDescriptor WorkloadMeasuredNothing = From(RuleCatalog.WorkloadUntimed);
    internal static readonly DiagnosticDescriptor WorkloadMissing = From(RuleCatalog.NoWorkload);
    /// <summary>AIS0066 (error): The profiling grid is invalid.</summary>
    public static readonly DiagnosticDescriptor ProfilingGridInvalid = From(RuleCatalog.InvalidProfilingGrid);
    /// <summary>AIS0067 (error): The profiled resource or the profile's output directory cannot be used.</summary>
    public static readonly DiagnosticDescriptor ProfileOutputUnusable = From(RuleCatalog.ProfileOutputUnusable);

    /// <summary>AIS0070 (error): A per-layer model file cannot be read or is of another version or convention.</summary>
    public static readonly DiagnosticDescriptor LayerModelUnreadable = From(RuleCatalog.LayerModelUnreadable);
    /// <summary>AIS0071 (error): ONNX Runtime could not time the network's nodes.</summary>
    public static readonly DiagnosticDescriptor LayerMeasurementFailed = From(RuleCatalog.LayerTimingFailed);
    /// <summary>AIS0072 (error): A layers option is invalid (thread list, optimisation level, technique).</summary>
    public static readonly DiagnosticDescriptor LayerOptionInvalid = From(RuleCatalog.InvalidLayersOption);

    // Early exits (issue 15 part 2).
    /// <summary>AIS0034 (error): An early_exits.csv is malformed (header exits,input_nodes,output_nodes; cells are list literals of tensor names).</summary>
    public static readonly DiagnosticDescriptor MalformedEarlyExits = From(RuleCatalog.MalformedEarlyExits);
    /// <summary>AIS0035 (error): An early exit names a tensor the model does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownExitTensor = From(RuleCatalog.UnknownExitTensor);
    /// <summary>AIS0036 (error): An exit head's output does not depend on the tensor its row attaches it to.</summary>
    public static readonly DiagnosticDescriptor ExitHeadNotDownstream = From(RuleCatalog.ExitHeadNotDownstream);
    /// <summary>AIS0077 (error): Early exits are not listed in network order.</summary>
    public static readonly DiagnosticDescriptor ExitsOutOfOrder = From(RuleCatalog.ExitsOutOfOrder);
    /// <summary>AIS0078 (error): An exit's attach tensor does not separate the network, so no partition can start from it.</summary>
    public static readonly DiagnosticDescriptor ExitDoesNotSeparate = From(RuleCatalog.ExitDoesNotSeparate);
    // The Studio's early_exits_model annotation in an application directory (issue 15 gaps).
    /// <summary>AIS0037 (error): the Studio's early_exits_model annotation is malformed or names files that do not exist.</summary>
    public static readonly DiagnosticDescriptor MalformedEarlyExitsAnnotation = From(RuleCatalog.MalformedEarlyExitsAnnotation);
    /// <summary>AIS0038 (warning): an early-exit component has no deployment of one partition per segment; it is placed whole.</summary>
    public static readonly DiagnosticDescriptor EarlyExitSegmentsNotDeclared = From(RuleCatalog.EarlyExitSegmentsNotDeclared);
    /// <summary>AIS0079 (warning): Measured early-exit counts cannot be used; the declared probabilities stay.</summary>
    public static readonly DiagnosticDescriptor MeasuredExitsUnusable = From(RuleCatalog.MeasuredExitsUnusable);

    /// <summary>Every descriptor, for documentation and uniqueness tests.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();
}
