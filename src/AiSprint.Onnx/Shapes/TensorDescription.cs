namespace AiSprint.Onnx.Shapes;

/// <summary>Where a tensor's shape came from.</summary>
public enum ShapeSource
{
    /// <summary>Nothing could tell it (dynamic dimensions without a runtime probe).</summary>
    Unknown,
    /// <summary>Written in the model (graph input, initializer, Constant value or value_info).</summary>
    Declared,
    /// <summary>Static shape inference in this library.</summary>
    Inferred,
    /// <summary>ONNX Runtime, run once with the tensor exposed as an extra output.</summary>
    Runtime,
}

/// <summary>Element type, shape and size of one tensor. Unknown dimensions are null.</summary>
public sealed record TensorDescription(string Name, string ElementType, IReadOnlyList<long?>? Dimensions, ShapeSource Source)
{
    internal int ElementTypeCode { get; init; }

    /// <summary>True when every dimension is known.</summary>
    public bool IsFullyKnown => Dimensions is not null && Dimensions.All(d => d is not null);

    internal long? ElementCount => IsFullyKnown ? Dimensions!.Aggregate(1L, (a, d) => a * d!.Value) : null;

    /// <summary>Bytes of the dense tensor; null while the shape or the element width is unknown.</summary>
    public long? Bytes => ElementCount is { } n && ElementTypes.BytesPerElement(ElementTypeCode) is { } w ? n * w : null;

    internal string ShapeText => Dimensions is null ? "?" : "[" + string.Join(",", Dimensions.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")) + "]";
}
