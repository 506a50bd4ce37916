using System.Text.Json.Serialization;

namespace AiSprint.Onnx.Extraction;

/// <summary>What a partitioned model's directory holds; written as manifest.json beside the sub-models.</summary>
public sealed record PartitionManifest(
    string Model,
    string SourceFile,
    int PartitionCount,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    long? TotalForwardFlops,
    long? TransferredBytes,
    IReadOnlyList<ManifestCut> Cuts,
    IReadOnlyList<ManifestPartition> Partitions);

/// <summary>One cut tensor: what crosses from partition i to partition i + 1.</summary>
public sealed record ManifestCut(string Tensor, string ElementType, IReadOnlyList<long?>? Shape, long? Bytes, string ProducerOp, int NodesBefore);

/// <summary>One sub-model, with the design model's partition fields: memory, data size to the next, next.</summary>
public sealed record ManifestPartition(
    int Index,
    string File,
    int NodeCount,
    IReadOnlyList<string> InputTensors,
    IReadOnlyList<string> OutputTensors,
    long? ForwardFlops,
    long? BackwardFlops,
    long ParameterCount,
    long ParameterBytes,
    long? PeakActivationBytes,
    long? MemoryBytes,
    long? DataSizeBytes,
    int? Next);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PartitionManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
