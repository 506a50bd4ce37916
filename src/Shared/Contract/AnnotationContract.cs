namespace AiSprint.Contract;

/// <summary>
/// The metadata names and enum values of the attributes in AiSprint.Annotations. The generator and the analyzers match
/// attributes by these names and read enum arguments as these numbers, never through the assembly (a Roslyn component
/// must load without it); AiSprint.Annotations declares its enums from the same constants.
/// </summary>
internal static class AnnotationContract
{
    public const string Namespace = "AiSprint.Annotations";
    public const string AssemblyName = "AiSprint.Annotations";

    public const string Component = "ComponentAttribute";
    public const string ExecTime = "ExecTimeAttribute";
    public const string GlobalExecTime = "GlobalExecTimeAttribute";
    public const string Security = "SecurityAttribute";
    public const string Partitionable = "PartitionableAttribute";
    public const string ExpectedThroughput = "ExpectedThroughputAttribute";
    public const string DeviceConstraints = "DeviceConstraintsAttribute";
    public const string Successor = "SuccessorAttribute";
    public const string Workload = "WorkloadAttribute";
    public const string EarlyExits = "EarlyExitsAttribute";

    public const string ComponentFullName = Namespace + "." + Component;
    public const string ExecTimeFullName = Namespace + "." + ExecTime;
    public const string GlobalExecTimeFullName = Namespace + "." + GlobalExecTime;
    public const string SecurityFullName = Namespace + "." + Security;
    public const string PartitionableFullName = Namespace + "." + Partitionable;
    public const string ExpectedThroughputFullName = Namespace + "." + ExpectedThroughput;
    public const string DeviceConstraintsFullName = Namespace + "." + DeviceConstraints;
    public const string SuccessorFullName = Namespace + "." + Successor;
    public const string WorkloadFullName = Namespace + "." + Workload;
    public const string EarlyExitsFullName = Namespace + "." + EarlyExits;

    /// <summary><c>[EarlyExits]</c>' named property for the exits file; by default this name beside the model.</summary>
    public const string EarlyExitsFileProperty = "ExitsFile";
    public const string DefaultEarlyExitsFile = "early_exits.csv";

    /// <summary><c>early_exits.csv</c> in the model's directory, where the Studio keeps both (<c>&lt;component&gt;/onnx/</c>).</summary>
    public static string DefaultExitsFileFor(string onnxPath)
    {
        var slash = System.Math.Max(onnxPath.LastIndexOf('/'), onnxPath.LastIndexOf('\\'));
        return slash < 0 ? DefaultEarlyExitsFile : onnxPath.Substring(0, slash + 1) + DefaultEarlyExitsFile;
    }

    /// <summary>Every attribute's simple metadata name, for tests that tie them to the annotations assembly.</summary>
    public static readonly string[] AttributeNames =
    {
        Component, ExecTime, GlobalExecTime, Security, Partitionable, ExpectedThroughput, DeviceConstraints, Successor, Workload,
        EarlyExits,
    };

    // AiSprint.Annotations.TimeUnit.
    public const int Milliseconds = 1;
    public const int Seconds = 2;

    // AiSprint.Annotations.SecurityRequirements (flags).
    public const int NoSecurity = 0;
    public const int TrustedExecution = 1;
    public const int NetworkShield = 2;
    public const int FilesystemShield = 4;

    public static bool IsDefinedUnit(int unit) => unit is Milliseconds or Seconds;

    /// <summary>A threshold in milliseconds, or null when the unit is no TimeUnit member (AIS0107).</summary>
    public static double? ToMilliseconds(double threshold, int unit) => unit switch
    {
        Milliseconds => threshold,
        Seconds => threshold * 1000,
        _ => null,
    };
}
