namespace AiSprint.Profiling.Components;

/// <summary>A profiling run that cannot go on: the message is a complete diagnostic line with its AIS006x code.</summary>
public sealed class ProfilingException(string message) : Exception(message);
