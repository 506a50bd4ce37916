using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// One way to cut a component's DNN into <see cref="Pieces"/>.Count consecutive partitions (an ONNX
/// partitioning manifest seen by the design model).
/// </summary>
public sealed record ModelPartitioning(ValueList<ModelPiece> Pieces);

/// <summary>
/// A partition: the memory it needs, the data it sends to the next one, and its share of the model's
/// forward FLOPs — its demand on a resource is taken as that share of the whole component's demand there.
/// </summary>
public sealed record ModelPiece(Megabytes? Memory, Megabytes? DataSizeToNext, double ComputeShare);
