namespace AiSprint.Model.Diagnostics;

/// <summary>
/// The one catalogue of AiSprint diagnostic codes. The CLI, the MSBuild tasks and the analyzers
/// share this numbering space: AIS0001–AIS0099 are input-file and design-model rules.
/// Codes are never reused or renumbered; docs/diagnostics.md describes each one.
/// </summary>
public static class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor FileNotReadable =
        new("AIS0001", Severity.Error, "The input file cannot be read");
    public static readonly DiagnosticDescriptor Syntax =
        new("AIS0002", Severity.Error, "The file is not well-formed JSON, YAML, INI or CSV");
    public static readonly DiagnosticDescriptor WrongType =
        new("AIS0003", Severity.Error, "A value has the wrong type or form");
    public static readonly DiagnosticDescriptor MissingKey =
        new("AIS0004", Severity.Error, "A required key is missing");
    public static readonly DiagnosticDescriptor UnknownKey =
        new("AIS0005", Severity.Warning, "A key is not part of the format and is ignored");
    public static readonly DiagnosticDescriptor UnknownFormat =
        new("AIS0006", Severity.Error, "The file or directory is of no supported format");
    public static readonly DiagnosticDescriptor DuplicateName =
        new("AIS0010", Severity.Error, "A name is defined twice");
    public static readonly DiagnosticDescriptor UnknownResource =
        new("AIS0011", Severity.Error, "A resource is referenced but not defined");
    public static readonly DiagnosticDescriptor DagCycle =
        new("AIS0012", Severity.Error, "The application DAG has a cycle");
    public static readonly DiagnosticDescriptor ProbabilitiesExceedOne =
        new("AIS0013", Severity.Error, "Transition probabilities of a component sum to more than 1");
    public static readonly DiagnosticDescriptor ProbabilitiesBelowOne =
        new("AIS0014", Severity.Warning, "Transition probabilities of a component sum to less than 1");
    public static readonly DiagnosticDescriptor PathNotConsecutive =
        new("AIS0015", Severity.Error, "A global constraint's path is not consecutive in the DAG");
    public static readonly DiagnosticDescriptor NoCompatibleResource =
        new("AIS0016", Severity.Error, "A partition has no compatible resource");
    public static readonly DiagnosticDescriptor MissingDemand =
        new("AIS0017", Severity.Error, "A partition has no demand on a compatible resource");
    public static readonly DiagnosticDescriptor InvalidValue =
        new("AIS0018", Severity.Error, "A value is out of its valid range");
    public static readonly DiagnosticDescriptor MemoryTooLarge =
        new("AIS0019", Severity.Error, "A partition needs more memory than any compatible resource has");
    public static readonly DiagnosticDescriptor UnknownComponent =
        new("AIS0020", Severity.Error, "A component is referenced but not defined");
    public static readonly DiagnosticDescriptor BrokenPartitionChain =
        new("AIS0021", Severity.Error, "A deployment's partitions do not form one chain");
    public static readonly DiagnosticDescriptor NoPerformanceData =
        new("AIS0022", Severity.Warning, "The design has no demands yet; placement needs them");
    public static readonly DiagnosticDescriptor UnknownLayer =
        new("AIS0023", Severity.Error, "A computational layer or network domain is referenced but not defined");
    public static readonly DiagnosticDescriptor InconsistentReplicas =
        new("AIS0024", Severity.Warning, "A resource has different replica counts on different partitions");
    public static readonly DiagnosticDescriptor UnknownPartition =
        new("AIS0025", Severity.Error, "A solution names a deployment or partition the system does not have");
    public static readonly DiagnosticDescriptor NotRepresentable =
        new("AIS0026", Severity.Warning, "The target format cannot hold some information, which is not written");
    public static readonly DiagnosticDescriptor NoTrustedResource =
        new("AIS0027", Severity.Error, "A partition needs trusted execution but no compatible resource can provide it");
    public static readonly DiagnosticDescriptor AmlUnknownTechnique =
        new("AIS0040", Severity.Error, "An aMLLibrary configuration names a regression technique that does not exist");
    public static readonly DiagnosticDescriptor AmlInterpolation =
        new("AIS0041", Severity.Error, "A '%' in an aMLLibrary .ini value is not a valid configparser interpolation");
    public static readonly DiagnosticDescriptor AmlPriorWithoutHyperopt =
        new("AIS0042", Severity.Warning, "A Hyperopt prior is in a grid but Hyperopt is off, so it is used as a plain string");
    public static readonly DiagnosticDescriptor AmlInlineComment =
        new("AIS0043", Severity.Warning, "An inline comment is not stripped by aMLLibrary and stays part of the value");
    public static readonly DiagnosticDescriptor AmlIgnoredOption =
        new("AIS0044", Severity.Warning, "aMLLibrary reads this option but ignores it here");
    public static readonly DiagnosticDescriptor CsvRowLength =
        new("AIS0045", Severity.Error, "A CSV row has a different number of fields than the header");

    public static readonly DiagnosticDescriptor InfeasiblePlacement =
        new("AIS0050", Severity.Warning, "No placement meets every constraint");
    public static readonly DiagnosticDescriptor ConstraintUnreachable =
        new("AIS0051", Severity.Warning, "A constraint cannot be met even in the best case");
    public static readonly DiagnosticDescriptor TrainingFailed =
        new("AIS0052", Severity.Error, "A performance model could not be trained or could not predict the demands");
    public static readonly DiagnosticDescriptor NoDesignDocument =
        new("AIS0053", Severity.Warning, "The assembly has no AiSprint design document");

    public static readonly DiagnosticDescriptor LayerModelUnreadable =
        new("AIS0070", Severity.Error, "A per-layer model file cannot be read or is of another version or convention");
    public static readonly DiagnosticDescriptor LayerMeasurementFailed =
        new("AIS0071", Severity.Error, "ONNX Runtime could not time the network's nodes");
    public static readonly DiagnosticDescriptor LayerOptionInvalid =
        new("AIS0072", Severity.Error, "A layers option is invalid (thread list, optimisation level, technique)");

    /// <summary>Every descriptor, for documentation and uniqueness tests.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();
}
