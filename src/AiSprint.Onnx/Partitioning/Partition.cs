namespace AiSprint.Onnx.Partitioning;

/// <summary>
/// One partition of a plan (1-based <see cref="Index"/>). It maps onto the design model's partition: memory
/// (<see cref="MemoryBytes"/>), data size to the next partition (<see cref="TransferBytesToNext"/>) and next.
/// </summary>
public sealed record Partition(
    int Index,
    IReadOnlyList<int> NodeIndices,
    IReadOnlyList<string> InputTensors,
    IReadOnlyList<string> OutputTensors,
    long? ForwardFlops,
    long? BackwardFlops,
    long ParameterCount,
    long ParameterBytes,
    long? PeakActivationBytes,
    long? TransferBytesToNext)
{
    /// <summary>Parameters plus the peak of live activations while it runs.</summary>
    public long? MemoryBytes => PeakActivationBytes + ParameterBytes;
}

/// <summary>A K-way split: K − 1 increasing cut points and the K partitions between them.</summary>
public sealed record PartitionPlan(IReadOnlyList<CutPoint> Cuts, IReadOnlyList<Partition> Partitions)
{
    /// <summary>The number of partitions, cuts + 1.</summary>
    public int PartitionCount => Partitions.Count;

    /// <summary>Bytes sent between partitions in one inference (the sum over the cuts).</summary>
    public long? TransferredBytes => Cuts.Aggregate((long?)0, (sum, c) => sum + c.Bytes);

    /// <summary>Largest partition's forward FLOPs over the mean: 1 is perfect balance, K means all work in one partition.</summary>
    public double? FlopImbalance
    {
        get
        {
            if (Partitions.Any(p => p.ForwardFlops is null)) return null;
            var total = Partitions.Sum(p => p.ForwardFlops!.Value);
            return total == 0 ? 1 : Partitions.Max(p => p.ForwardFlops!.Value) / ((double)total / Partitions.Count);
        }
    }

    /// <summary>The memory of the largest partition in bytes (parameters plus peak activations); null when one is unknown.</summary>
    public long? MaxPartitionMemoryBytes => Partitions.Max(p => p.MemoryBytes);
}
