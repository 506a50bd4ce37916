using AiSprint.Profiling.Layers.Features;

namespace AiSprint.Profiling.Layers.Measurement;

/// <summary>
/// The measured time of one source node. A runtime node's median time goes to the source node it covers with the
/// largest operation count (the Conv of a Conv+ReLU); the other covered nodes get 0 and name it in
/// <see cref="FusedInto"/>. Runtime nodes that cover no source node (layout reorders) are added to the runtime node
/// that consumes their output, else to the one that produced their input.
/// </summary>
public sealed record MeasuredNode(int NodeIndex, string Name, string Op, double Milliseconds, string? RuntimeNode, string? FusedInto, IReadOnlyList<string> Absorbed);

/// <summary>
/// Per-node times of one network under one <see cref="ProfilingSettings"/>: the median wall time of a run, the median sum of
/// its kernels, and each runtime node's median before it is charged to source nodes.
/// </summary>
public sealed record NetworkMeasurement(
    string ModelName,
    ProfilingSettings Settings,
    IReadOnlyList<LayerFeatures> Features,
    IReadOnlyList<MeasuredNode> Nodes,
    IReadOnlyList<RuntimeNode> RuntimeNodes,
    double WholeRunMilliseconds,
    double KernelSumMilliseconds,
    IReadOnlyDictionary<string, double> RuntimeMilliseconds)
{
    /// <summary>The measurement of source node <paramref name="nodeIndex"/>, or null when that node was not measured (fused away or not executed).</summary>
    public MeasuredNode? this[int nodeIndex] => Nodes.FirstOrDefault(n => n.NodeIndex == nodeIndex);

    /// <summary>(producer op, absorbed op) pairs the runtime fused at this level, as observed.</summary>
    public IEnumerable<(string Into, string Absorbed)> ObservedFusions =>
        Nodes.Where(n => n.FusedInto is not null).Select(n => (Nodes.First(p => p.Name == n.FusedInto).Op, n.Op)).Distinct();
}
