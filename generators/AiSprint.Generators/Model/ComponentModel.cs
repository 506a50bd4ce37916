namespace AiSprint.Generators.Model;

// Plain, equatable projections of the annotated methods: strings, numbers and EquatableArrays
// only, so that the pipeline can compare a step's output with the previous run's and stop there.

/// <summary>A place in a source file, 1-based as editors show it.</summary>
internal sealed record SourceSpot(string FilePath, int Line, int Column);

/// <summary>A global constraint carried by the last component of its path.</summary>
internal sealed record GlobalConstraintModel(string PathName, double ThresholdMilliseconds, EquatableArray<string> PreviousComponents);

/// <summary>An edge of the DAG declared with <c>[Successor]</c>.</summary>
internal sealed record SuccessorModel(string Component, double Probability, double DataSizeMegabytes);

/// <summary>The model named by <c>[Partitionable]</c>.</summary>
internal sealed record PartitionableModel(string OnnxPath, int MaxPartitions);

/// <summary>
/// The early-exit network named by <c>[EarlyExits]</c>. <see cref="ConditionCall"/> is the condition method's fully
/// qualified name when it has the signature the runner calls (static, bool, one ReadOnlySpan&lt;float&gt; or float[],
/// not private), else null: the analyzer reports AIS0125 and no runner is emitted.
/// </summary>
internal sealed record EarlyExitsModel(string OnnxPath, string ExitsFile, string ConditionMethod, string? ConditionCall, bool ConditionTakesArray, EquatableArray<double> TransitionProbabilities);

/// <summary>The resource demands named by <c>[DeviceConstraints]</c>.</summary>
internal sealed record DeviceConstraintsModel(double RamMegabytes, double VramMegabytes, EquatableArray<string> UseGpuFor);

/// <summary>The security flags named by <c>[Security]</c>.</summary>
internal sealed record SecurityModel(bool TrustedExecution, bool NetworkShield, bool FilesystemShield);

/// <summary>Everything the annotations say about one component method.</summary>
/// <param name="EntryPoint">The method's signature when a host can call it through a generated entry point (public, static, not generic); else null.</param>
/// <param name="MethodName">The method's simple name: calls are bound only when they invoke a name of this kind.</param>
internal sealed record ComponentModel(
    string Name,
    string Method,
    string MethodName,
    SourceSpot Location,
    double? LocalThresholdMilliseconds,
    EquatableArray<GlobalConstraintModel> GlobalConstraints,
    SecurityModel? Security,
    PartitionableModel? Partitionable,
    double? ExpectedRequestsPerSecond,
    DeviceConstraintsModel? DeviceConstraints,
    EquatableArray<SuccessorModel> Successors,
    CalleeModel? EntryPoint,
    EarlyExitsModel? EarlyExits = null);
