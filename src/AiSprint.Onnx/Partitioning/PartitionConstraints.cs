namespace AiSprint.Onnx.Partitioning;

/// <summary>Bounds for <see cref="PartitionPlanner.Plan"/>.</summary>
public sealed record PartitionConstraints
{
    /// <summary>Fewest partitions to consider (at least 1).</summary>
    public int MinPartitions { get; init; } = 2;

    /// <summary>Most partitions to consider.</summary>
    public int MaxPartitions { get; init; } = 2;

    /// <summary>Every partition's parameters plus peak activations must fit; null means unbounded.</summary>
    public long? MaxPartitionMemoryBytes { get; init; }

    /// <summary>How many plans to return, best first.</summary>
    public int MaxPlans { get; init; } = 10;
}
