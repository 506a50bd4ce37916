namespace AiSprint.Model.Formats.Partitions;

/// <summary>
/// What a partitioned model's directory holds, written as manifest.json beside the sub-models by <c>aisprint partition</c>
/// and read by <c>aisprint deploy</c> (<see cref="PartitionManifestJson"/>). Byte counts are bytes; FLOPs per inference.
/// </summary>
public sealed record PartitionManifest(
    string Model,
    string SourceFile,
    int PartitionCount,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    long? TotalForwardFlops,
    long? TransferredBytes,
    IReadOnlyList<ManifestCut> Cuts,
    IReadOnlyList<ManifestPartition> Partitions)
{
    /// <summary>For an early-exit network split at its exits: the number of exits (partitions − 1); null otherwise.</summary>
    public int? ExitCount { get; init; }

    /// <summary>
    /// The other plans the partitioner offered within the same bounds (other K, other cut sets), ranked after this one;
    /// each one's sub-models are in <c>plan_&lt;n&gt;/</c>. The placement chooses among this plan and these (one candidate
    /// deployment each). Null or empty when only this plan is offered.
    /// </summary>
    public IReadOnlyList<ManifestPlan>? Alternatives { get; init; }
}

/// <summary>One more K-way plan of a manifest: its cuts and partitions, the same fields as the manifest's own plan.</summary>
public sealed record ManifestPlan(int PartitionCount, long? TransferredBytes, IReadOnlyList<ManifestCut> Cuts, IReadOnlyList<ManifestPartition> Partitions);

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
    int? Next)
{
    /// <summary>An early-exit partition's head outputs (what the exit condition reads); null for ordinary partitions.</summary>
    public IReadOnlyList<string>? ExitOutputs { get; init; }

    /// <summary>
    /// The probability that a request stops after this partition (the design model's early_exit_probability): 1 − the
    /// declared probability of not exiting at this exit; 0 for the last partition; null when not an early-exit split.
    /// </summary>
    public double? EarlyExitProbability { get; init; }
}

