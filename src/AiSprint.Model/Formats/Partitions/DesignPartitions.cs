using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Partitions;

/// <summary>
/// A manifest as the design model's partitions: memory (parameters + peak activations), data size to the next
/// partition, and next. Sizes are in the design model's MB, taken as 2^20 bytes (the model's GB is 1024 MB).
/// </summary>
public static class DesignPartitions
{
    /// <summary>The design model's MB in bytes (2^20).</summary>
    public const double BytesPerMegabyte = 1024.0 * 1024.0;

    /// <summary>A byte count in the design model's MB.</summary>
    public static Megabytes ToMegabytes(long bytes) => new(bytes / BytesPerMegabyte);

    /// <summary>Every plan of a manifest, its own first, then its <see cref="PartitionManifest.Alternatives"/> in order.</summary>
    /// <exception cref="InvalidDataException">The manifest, or one of its alternatives, lists no partitions.</exception>
    public static IReadOnlyList<ManifestPlan> PlansOf(PartitionManifest manifest)
    {
        // System.Text.Json leaves a missing list null despite the non-nullable declarations.
        if (manifest.Partitions is null) throw new InvalidDataException("it lists no partitions");
        var own = new ManifestPlan(manifest.PartitionCount, manifest.TransferredBytes, manifest.Cuts ?? [], manifest.Partitions);
        var alternatives = manifest.Alternatives ?? [];
        for (var n = 0; n < alternatives.Count; n++)
        {
            if (alternatives[n]?.Partitions is null) throw new InvalidDataException($"its alternative plan {n + 2} lists no partitions");
        }
        return [own, .. alternatives.Select(a => a with { Cuts = a.Cuts ?? [] })];
    }

    /// <summary>
    /// The manifest's plans as the design model's partitionings (one candidate deployment each, in <see cref="PlansOf"/>'s
    /// order): each partition's memory, data size to the next, forward FLOPs and early-exit probability.
    /// </summary>
    public static IReadOnlyList<ModelPartitioning> Partitionings(PartitionManifest manifest) =>
        PlansOf(manifest).Select(plan => new ModelPartitioning(plan.Partitions.OrderBy(p => p.Index).Select(p => new ModelPiece(
            p.MemoryBytes is { } memory ? ToMegabytes(memory) : null,
            p.DataSizeBytes is { } size ? ToMegabytes(size) : null,
            p.ForwardFlops ?? 0) { EarlyExitProbability = p.EarlyExitProbability }).ToValueList())).ToArray();

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
