namespace AiSprint.Contract;

/// <summary>
/// The design document the generator embeds into every annotated assembly and the build reads back: its schema name,
/// the assembly-metadata key it travels under, and its JSON field names. The generator writes these names, Model's
/// records are bound to them (<c>[JsonPropertyName]</c>), and the MSBuild tasks read them; a contract test parses the
/// generator's snapshot output with the build's reader. Fields are only ever added (readers ignore unknown ones).
/// </summary>
internal static class DesignSchema
{
    public const string SchemaName = "aisprint-design/1";

    /// <summary>The key of <c>[assembly: AssemblyMetadata(key, json)]</c>, read through System.Reflection.Metadata.</summary>
    public const string MetadataKey = "AiSprint.Design";

    public const string Schema = "schema";
    public const string Assembly = "assembly";
    public const string Components = "components";
    public const string Dag = "dag";
    public const string LocalConstraints = "localConstraints";
    public const string GlobalConstraints = "globalConstraints";

    // components[]
    public const string Name = "name";
    public const string Method = "method";
    public const string Location = "location";
    public const string Security = "security";
    public const string Partitionable = "partitionable";
    public const string ExpectedRequestsPerSecond = "expectedRequestsPerSecond";
    public const string DeviceConstraints = "deviceConstraints";
    public const string EntryPoint = "entryPoint";

    // earlyExits (issue 15 part 2): [EarlyExits]; the model and exits file relative to the project directory,
    // the condition method's name, and per exit the declared probability of NOT exiting there.
    public const string EarlyExits = "earlyExits";
    public const string ExitsFile = "exitsFile";
    public const string ConditionMethod = "conditionMethod";
    public const string TransitionProbabilities = "transitionProbabilities";

    // location
    public const string File = "file";
    public const string Line = "line";
    public const string Column = "column";

    // security
    public const string TrustedExecution = "trustedExecution";
    public const string NetworkShield = "networkShield";
    public const string FilesystemShield = "filesystemShield";

    // partitionable
    public const string OnnxPath = "onnxPath";
    public const string MaxPartitions = "maxPartitions";

    // deviceConstraints
    public const string RamMb = "ramMb";
    public const string VramMb = "vramMb";
    public const string UseGpuFor = "useGpuFor";

    // dag[]
    public const string From = "from";
    public const string To = "to";
    public const string Probability = "probability";
    public const string DataSizeMb = "dataSizeMb";

    // localConstraints[] and globalConstraints[]: the one place a threshold is written.
    public const string Component = "component";
    public const string ThresholdMs = "thresholdMs";
    public const string Path = "path";

    // Alternative implementations and the application metric (issue 15 part 1), added fields.
    // alternatives[]: {component, name, method, location}
    public const string Alternatives = "alternatives";
    // applicationMetric: {metricName, threshold} or null
    public const string ApplicationMetric = "applicationMetric";
    public const string MetricName = "metricName";
    public const string MetricThreshold = "threshold";
}
