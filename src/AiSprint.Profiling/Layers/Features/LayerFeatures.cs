namespace AiSprint.Profiling.Layers.Features;

/// <summary>
/// The features of one source node for the per-layer model: its category, its operation count by the reference
/// convention (Table 4.1, a multiply-accumulate is one operation), the same by the per-element convention of
/// docs/onnx.md (<see cref="PerElementFlops"/>, multiply and add counted apart), and the layer's geometry: filter size,
/// channels and the bytes it reads and writes. Geometry that does not apply is 0 (a ReLU has no filter).
/// </summary>
public sealed record LayerFeatures(
    int NodeIndex,
    string Name,
    string Op,
    LayerCategory Category,
    double Operations,
    double BackwardOperations,
    double? PerElementFlops,
    int FilterHeight,
    int FilterWidth,
    long InputChannels,
    long OutputChannels,
    long InputBytes,
    long OutputBytes)
{
    /// <summary>The reference convention's name, written into every model file and report.</summary>
    public const string ReferenceConvention = "table-4.1";

    /// <summary>The second convention (docs/onnx.md: per output element, a multiply and an add are two FLOPs).</summary>
    public const string PerElementConvention = "per-element-flops";

    /// <summary>The features the aMLLibrary techniques read, in this order.</summary>
    public static readonly IReadOnlyList<string> Names = ["operations", "filter_size", "c_in", "c_out", "input_bytes", "output_bytes"];

    /// <summary>The features as the techniques read them, in the order of <see cref="Names"/>.</summary>
    public double[] Vector() => [Operations, FilterHeight * FilterWidth, InputChannels, OutputChannels, InputBytes, OutputBytes];
}
