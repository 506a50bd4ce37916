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
    // Alternative implementations and the application metric (issue 15 part 1).
    public const string Alternative = "AlternativeAttribute";
    public const string ApplicationMetric = "ApplicationMetricAttribute";
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
    public const string AlternativeFullName = Namespace + "." + Alternative;
    public const string ApplicationMetricFullName = Namespace + "." + ApplicationMetric;

    /// <summary>The names <c>ApplicationMetricAttribute</c> accepts (AiSprint.Annotations.ApplicationMetrics); others are AIS0119.</summary>
    public static readonly string[] ApplicationMetricNames = { "average_accuracy", "average_f1", "average_precision", "average_recall" };

    /// <summary>The environment variable the generated code reads the deployment identifier from: the alternatives to run, comma-separated.</summary>
    public const string DeploymentEnvironmentVariable = "AISPRINT_DEPLOYMENT";
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
        Alternative, ApplicationMetric,
        DetectDrift,
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

    // --- Drift detection (issue 16): [DetectDrift] and AiSprint.Annotations.DriftTest. ---
    public const string DetectDrift = "DetectDriftAttribute";
    public const string DetectDriftFullName = Namespace + "." + DetectDrift;

    // AiSprint.Annotations.DriftTest.
    public const int KolmogorovSmirnov = 1;
    public const int CramerVonMises = 2;
    public const int ChiSquared = 3;
    public const int FisherExact = 4;

    // [DetectDrift]'s named arguments, as the analyzers and the generator read them.
    public const string DriftPValueThreshold = "PValueThreshold";
    public const string DriftWindowSize = "WindowSize";
    public const string DriftDetectionIntervalSeconds = "DetectionIntervalSeconds";
    public const string DriftCollectionPeriodSeconds = "CollectionPeriodSeconds";
    public const string DriftReferenceFile = "ReferenceFile";

    // Defaults suited to production (minutes, hundreds of samples); tests declare seconds and tens.
    public const double DefaultDriftPValueThreshold = 0.05;
    public const int DefaultDriftWindowSize = 500;
    public const double DefaultDriftDetectionIntervalSeconds = 300;
    public const double DefaultDriftCollectionPeriodSeconds = 3600;

    /// <summary>The smallest window a drift test accepts (AIS0132): fewer samples give no usable p-value.</summary>
    public const int MinimumDriftWindowSize = 10;

    public static bool IsDefinedDriftTest(int test) => test is KolmogorovSmirnov or CramerVonMises or ChiSquared or FisherExact;

    /// <summary>The Studio's name of a test (drift_detector_config.yaml), used as the <c>test</c> tag and in notifications.</summary>
    public static string DriftTestName(int test) => test switch
    {
        KolmogorovSmirnov => "kolmogorov-smirnov",
        CramerVonMises => "cramer-von-mises",
        ChiSquared => "chi-squared",
        FisherExact => "fisher-exact-test",
        _ => "unknown",
    };
}
