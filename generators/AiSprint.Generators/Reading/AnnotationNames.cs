namespace AiSprint.Generators.Reading;

/// <summary>
/// The metadata names of the attributes in AiSprint.Annotations. The generator depends on
/// these names only, never on the assembly, so it loads in the compiler without it.
/// </summary>
internal static class AnnotationNames
{
    public const string Namespace = "AiSprint.Annotations";
    public const string AssemblyName = "AiSprint.Annotations";
    public const string Component = "AiSprint.Annotations.ComponentAttribute";
    public const string ExecTime = "AiSprint.Annotations.ExecTimeAttribute";
    public const string GlobalExecTime = "AiSprint.Annotations.GlobalExecTimeAttribute";
    public const string Security = "AiSprint.Annotations.SecurityAttribute";
    public const string Partitionable = "AiSprint.Annotations.PartitionableAttribute";
    public const string ExpectedThroughput = "AiSprint.Annotations.ExpectedThroughputAttribute";
    public const string DeviceConstraints = "AiSprint.Annotations.DeviceConstraintsAttribute";
    public const string Successor = "AiSprint.Annotations.SuccessorAttribute";

    // Values of AiSprint.Annotations.TimeUnit and SecurityRequirements, mirrored for the same reason.
    public const int Milliseconds = 1;
    public const int Seconds = 2;
    public const int TrustedExecution = 1;
    public const int NetworkShield = 2;
    public const int FilesystemShield = 4;
}
