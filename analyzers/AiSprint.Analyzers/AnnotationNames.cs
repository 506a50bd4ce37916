namespace AiSprint.Analyzers;

/// <summary>
/// Metadata names of the AiSprint attributes. The analyzers reference neither AiSprint.Annotations nor the generator
/// (an analyzer must load without them); they match attributes by name, as the generator does.
/// </summary>
internal static class AnnotationNames
{
    public const string Component = "ComponentAttribute";
    public const string ExecTime = "ExecTimeAttribute";
    public const string GlobalExecTime = "GlobalExecTimeAttribute";
    public const string Partitionable = "PartitionableAttribute";
    public const string Successor = "SuccessorAttribute";
    public const string Security = "SecurityAttribute";
    public const string DeviceConstraints = "DeviceConstraintsAttribute";

    // Values of AiSprint.Annotations.TimeUnit.
    public const int Milliseconds = 1;
    public const int Seconds = 2;

    // Value of AiSprint.Annotations.SecurityRequirements.TrustedExecution.
    public const int TrustedExecution = 1;
}
