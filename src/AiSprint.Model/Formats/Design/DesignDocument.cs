using System.Text.Json.Serialization;
using AiSprint.Contract;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// The design document the generator emits into every annotated assembly (<see cref="DesignSchema"/>, the one
/// contract of its field names): components with their annotations and source locations, the DAG and the
/// constraints, thresholds in ms. Fields the generator may add later are ignored, so an older SDK still reads a newer document.
/// </summary>
public sealed record DesignDocument(
    [property: JsonPropertyName(DesignSchema.Schema)] string Schema,
    [property: JsonPropertyName(DesignSchema.Assembly)] string? Assembly,
    [property: JsonPropertyName(DesignSchema.Components)] IReadOnlyList<DesignComponent> Components,
    [property: JsonPropertyName(DesignSchema.Dag)] IReadOnlyList<DesignEdge> Dag,
    [property: JsonPropertyName(DesignSchema.LocalConstraints)] IReadOnlyList<DesignLocalConstraint> LocalConstraints,
    [property: JsonPropertyName(DesignSchema.GlobalConstraints)] IReadOnlyList<DesignGlobalConstraint> GlobalConstraints)
{
    /// <summary>The value of the document's <c>schema</c> field this build reads (<c>aisprint-design/1</c>).</summary>
    public const string SchemaName = DesignSchema.SchemaName;

    /// <summary>The component named <paramref name="name"/>, or null.</summary>
    public DesignComponent? Find(string name) => Components.FirstOrDefault(c => c.Name == name);

    /// <summary>Methods marked <c>[Alternative]</c>: implementations that may replace a component (absent before issue 15: empty).</summary>
    [JsonPropertyName(DesignSchema.Alternatives)]
    public IReadOnlyList<DesignAlternative>? Alternatives { get; init; }

    /// <summary><c>[assembly: ApplicationMetric]</c>: the metric that ranks the deployments of alternatives, and its threshold.</summary>
    [JsonPropertyName(DesignSchema.ApplicationMetric)]
    public DesignApplicationMetric? ApplicationMetric { get; init; }

    /// <summary>The component's local threshold in ms (its entry of <see cref="LocalConstraints"/>), null when it has none.</summary>
    public double? LocalThresholdMs(string component) =>
        LocalConstraints.FirstOrDefault(c => c.Component == component)?.ThresholdMs;
}

/// <param name="EntryPoint">The generated method a host calls to run the component timed, null when there is none.</param>
public sealed record DesignComponent(
    [property: JsonPropertyName(DesignSchema.Name)] string Name,
    [property: JsonPropertyName(DesignSchema.Method)] string? Method,
    [property: JsonPropertyName(DesignSchema.Location)] DesignLocation? Location,
    [property: JsonPropertyName(DesignSchema.Security)] DesignSecurity? Security,
    [property: JsonPropertyName(DesignSchema.Partitionable)] DesignPartitionable? Partitionable,
    [property: JsonPropertyName(DesignSchema.ExpectedRequestsPerSecond)] double? ExpectedRequestsPerSecond,
    [property: JsonPropertyName(DesignSchema.DeviceConstraints)] DesignDeviceConstraints? DeviceConstraints,
    [property: JsonPropertyName(DesignSchema.EntryPoint)] string? EntryPoint = null,
    [property: JsonPropertyName(DesignSchema.EarlyExits)] DesignEarlyExits? EarlyExits = null);

/// <summary>An alternative implementation of <paramref name="Component"/>, named <paramref name="Name"/> in the deployments.</summary>
public sealed record DesignAlternative(
    [property: JsonPropertyName(DesignSchema.Component)] string Component,
    [property: JsonPropertyName(DesignSchema.Name)] string Name,
    [property: JsonPropertyName(DesignSchema.Method)] string? Method,
    [property: JsonPropertyName(DesignSchema.Location)] DesignLocation? Location);

/// <summary>The application metric's name (one of the Studio's four) and its threshold, null for none.</summary>
public sealed record DesignApplicationMetric(
    [property: JsonPropertyName(DesignSchema.MetricName)] string MetricName,
    [property: JsonPropertyName(DesignSchema.MetricThreshold)] double? Threshold);

/// <summary>Where the annotated method is declared (1-based line and column).</summary>
public sealed record DesignLocation(
    [property: JsonPropertyName(DesignSchema.File)] string File,
    [property: JsonPropertyName(DesignSchema.Line)] int Line,
    [property: JsonPropertyName(DesignSchema.Column)] int Column);

/// <summary>What <c>[Security]</c> asks of the resources a component may run on.</summary>
/// <param name="TrustedExecution">Only SGX-capable resources (or, failing those, secure and measured boot) are compatible (<c>trustedExecution</c>).</param>
/// <param name="NetworkShield">The container's network traffic must be protected (<c>networkShield</c>).</param>
/// <param name="FilesystemShield">The container's file system must be protected (<c>filesystemShield</c>).</param>
public sealed record DesignSecurity(
    [property: JsonPropertyName(DesignSchema.TrustedExecution)] bool TrustedExecution,
    [property: JsonPropertyName(DesignSchema.NetworkShield)] bool NetworkShield,
    [property: JsonPropertyName(DesignSchema.FilesystemShield)] bool FilesystemShield)
{
    /// <summary>True when any of the three requirements is set.</summary>
    [JsonIgnore]
    public bool Any => TrustedExecution || NetworkShield || FilesystemShield;
}

/// <summary>An ONNX model the component runs, relative to the project directory, and how many pieces it may be cut into.</summary>
public sealed record DesignPartitionable(
    [property: JsonPropertyName(DesignSchema.OnnxPath)] string OnnxPath,
    [property: JsonPropertyName(DesignSchema.MaxPartitions)] int MaxPartitions);

/// <summary>
/// An early-exit network (<c>[EarlyExits]</c>): the model and the exits file relative to the project directory, the
/// condition method, and per exit the declared probability of <em>not</em> exiting there.
/// </summary>
public sealed record DesignEarlyExits(
    [property: JsonPropertyName(DesignSchema.OnnxPath)] string OnnxPath,
    [property: JsonPropertyName(DesignSchema.ExitsFile)] string ExitsFile,
    [property: JsonPropertyName(DesignSchema.ConditionMethod)] string ConditionMethod,
    [property: JsonPropertyName(DesignSchema.TransitionProbabilities)] IReadOnlyList<double> TransitionProbabilities);

/// <summary><c>[DeviceConstraints]</c>: what a device must offer to run the component.</summary>
/// <param name="RamMb">The memory the component needs, in MB; null when not constrained (<c>ramMb</c>).</param>
/// <param name="VramMb">The GPU memory it needs, in MB; null when not constrained (<c>vramMb</c>).</param>
/// <param name="UseGpuFor">The stages that run on a GPU; null or empty for none (<c>useGpuFor</c>).</param>
public sealed record DesignDeviceConstraints(
    [property: JsonPropertyName(DesignSchema.RamMb)] double? RamMb,
    [property: JsonPropertyName(DesignSchema.VramMb)] double? VramMb,
    [property: JsonPropertyName(DesignSchema.UseGpuFor)] IReadOnlyList<string>? UseGpuFor);

/// <summary>A DAG edge from <c>[Successor]</c>.</summary>
/// <param name="From">The calling component (<c>from</c>).</param>
/// <param name="To">The component called (<c>to</c>).</param>
/// <param name="Probability">The probability a request of <paramref name="From"/> continues to <paramref name="To"/>, in [0, 1] (<c>probability</c>).</param>
/// <param name="DataSizeMb">The data sent along the edge, in MB; null when unknown (<c>dataSizeMb</c>).</param>
public sealed record DesignEdge(
    [property: JsonPropertyName(DesignSchema.From)] string From,
    [property: JsonPropertyName(DesignSchema.To)] string To,
    [property: JsonPropertyName(DesignSchema.Probability)] double Probability,
    [property: JsonPropertyName(DesignSchema.DataSizeMb)] double? DataSizeMb);

/// <summary>A local constraint from <c>[ExecTime]</c>.</summary>
/// <param name="Component">The constrained component (<c>component</c>).</param>
/// <param name="ThresholdMs">The maximum mean response time, in milliseconds, greater than 0 (<c>thresholdMs</c>).</param>
public sealed record DesignLocalConstraint(
    [property: JsonPropertyName(DesignSchema.Component)] string Component,
    [property: JsonPropertyName(DesignSchema.ThresholdMs)] double ThresholdMs);

/// <summary>A global constraint from <c>[GlobalExecTime]</c>.</summary>
/// <param name="Name">The constraint's name (<c>name</c>).</param>
/// <param name="Path">The consecutive components of the path, in DAG order (<c>path</c>).</param>
/// <param name="ThresholdMs">The maximum response time of the whole path, in milliseconds, greater than 0 (<c>thresholdMs</c>).</param>
public sealed record DesignGlobalConstraint(
    [property: JsonPropertyName(DesignSchema.Name)] string Name,
    [property: JsonPropertyName(DesignSchema.Path)] IReadOnlyList<string> Path,
    [property: JsonPropertyName(DesignSchema.ThresholdMs)] double ThresholdMs);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DesignDocument))]
internal sealed partial class DesignJsonContext : JsonSerializerContext;
