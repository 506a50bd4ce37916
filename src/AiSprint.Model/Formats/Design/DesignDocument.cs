using System.Text.Json.Serialization;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// The design document the generator emits into every annotated assembly (schema <c>aisprint-design/1</c>):
/// components with their annotations and source locations, the DAG and the constraints, thresholds in ms.
/// Fields the generator may add later are ignored, so an older SDK still reads a newer document.
/// </summary>
public sealed record DesignDocument(
    string Schema,
    string? Assembly,
    IReadOnlyList<DesignComponent> Components,
    IReadOnlyList<DesignEdge> Dag,
    IReadOnlyList<DesignLocalConstraint> LocalConstraints,
    IReadOnlyList<DesignGlobalConstraint> GlobalConstraints)
{
    public const string SchemaName = "aisprint-design/1";

    public DesignComponent? Find(string name) => Components.FirstOrDefault(c => c.Name == name);
}

public sealed record DesignComponent(
    string Name,
    string? Method,
    DesignLocation? Location,
    double? LocalThresholdMs,
    DesignSecurity? Security,
    DesignPartitionable? Partitionable,
    double? ExpectedRequestsPerSecond,
    DesignDeviceConstraints? DeviceConstraints);

/// <summary>Where the annotated method is declared (1-based line and column).</summary>
public sealed record DesignLocation(string File, int Line, int Column);

public sealed record DesignSecurity(bool TrustedExecution, bool NetworkShield, bool FilesystemShield)
{
    [JsonIgnore]
    public bool Any => TrustedExecution || NetworkShield || FilesystemShield;
}

/// <summary>An ONNX model the component runs, relative to the project directory, and how many pieces it may be cut into.</summary>
public sealed record DesignPartitionable(string OnnxPath, int MaxPartitions);

public sealed record DesignDeviceConstraints(double? RamMb, double? VramMb, IReadOnlyList<string>? UseGpuFor);

public sealed record DesignEdge(string From, string To, double Probability, double? DataSizeMb);

public sealed record DesignLocalConstraint(string Component, double ThresholdMs);

public sealed record DesignGlobalConstraint(string Name, IReadOnlyList<string> Path, double ThresholdMs);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DesignDocument))]
internal sealed partial class DesignJsonContext : JsonSerializerContext;
