using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// One way to cut a component's DNN into <see cref="Pieces"/>.Count consecutive partitions (an ONNX
/// partitioning manifest seen by the design model).
/// </summary>
public sealed record ModelPartitioning(ValueList<ModelPiece> Pieces);

/// <summary>
/// A partition: the memory it needs, the data it sends to the next one, and its share of the model's
/// forward FLOPs — its demand on a resource is taken as that share of the whole component's demand there, unless
/// <see cref="LayerDemands"/> gives its demand on that resource from a per-layer model (design document §4.5.1).
/// </summary>
public sealed record ModelPiece(Megabytes? Memory, Megabytes? DataSizeToNext, double ComputeShare)
{
    /// <summary>Per resource, the partition's predicted demand from a per-layer model; resources absent here fall back to the FLOP share.</summary>
    public ValueList<PieceDemand>? LayerDemands { get; init; }

    /// <summary>An early-exit network's partition: the probability that a request stops after it (0 for the last); null otherwise.</summary>
    public double? EarlyExitProbability { get; init; }
}

/// <summary>A partition's demand on one resource as a per-layer model predicts it, and the model file it came from.</summary>
public sealed record PieceDemand(string Resource, Seconds Demand, string Source);
