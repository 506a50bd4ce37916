using AiSprint.Model;
using AiSprint.Model.Units;

namespace AiSprint.Onnx.Extraction;

/// <summary>
/// A manifest as the design model's partitions: memory (parameters + peak activations), data size to the next
/// partition, and next. Sizes are in the design model's MB, taken as 2^20 bytes (the model's GB is 1024 MB).
/// </summary>
public static class DesignPartitions
{
    internal const double BytesPerMegabyte = 1024.0 * 1024.0;

    /// <summary><paramref name="bytes"/> in the design model's MB (2^20 bytes).</summary>
    public static Megabytes ToMegabytes(long bytes) => new(bytes / BytesPerMegabyte);

    /// <summary>
    /// One <see cref="Partition"/> per sub-model, named <c>&lt;prefix&gt;_partition&lt;i&gt;_of_&lt;K&gt;</c>.
    /// Every partition is a candidate on each of <paramref name="candidateResources"/> with its memory. Early exit
    /// is 0, because an exported DNN has no early exits. The last partition's outputs are left for the component's
    /// successors; its result size is the model output's.
    /// </summary>
    public static IReadOnlyList<Partition> From(PartitionManifest manifest, string prefix, IReadOnlyList<string> candidateResources, long? resultBytes = null)
    {
        string NameOf(int index) => $"{prefix}_partition{index}_of_{manifest.PartitionCount}";
        return manifest.Partitions.Select(p =>
        {
            var memory = p.MemoryBytes is { } bytes ? ToMegabytes(bytes) : (Megabytes?)null;
            var outputs = p.Next is { } next && p.DataSizeBytes is { } size
                ? ValueList.Of(new DataTransfer(NameOf(next), ToMegabytes(size)))
                : ValueList<DataTransfer>.Empty;
            return new Partition(NameOf(p.Index), Probability.Zero, outputs,
                candidateResources.Select(r => new PartitionCandidate(r, memory, null)).ToValueList())
            {
                ResultSize = p.Next is null && resultBytes is { } result ? ToMegabytes(result) : null,
            };
        }).ToArray();
    }
}
