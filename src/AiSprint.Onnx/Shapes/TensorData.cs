using System.Buffers.Binary;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Reads the values of small integer tensors (shapes, axes, slice bounds) that shape inference must fold.</summary>
internal static class TensorData
{
    /// <summary>Integer tensors beyond this many elements are data, not shape arithmetic: not folded.</summary>
    public const int MaxFoldedElements = 4096;

    public static long[]? ReadIntegers(TensorProto tensor)
    {
        var elements = tensor.Dims.Aggregate(1L, (a, d) => a * d);
        if (elements > MaxFoldedElements) return null;
        switch ((TensorProto.Types.DataType)tensor.DataType)
        {
            case TensorProto.Types.DataType.Int64:
                if (!tensor.RawData.IsEmpty)
                {
                    var span = tensor.RawData.Span;
                    if (span.Length != elements * 8) return null;
                    var values = new long[elements];
                    for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt64LittleEndian(span[(i * 8)..]);
                    return values;
                }
                return tensor.Int64Data.Count == elements ? [.. tensor.Int64Data] : null;
            case TensorProto.Types.DataType.Int32:
                if (!tensor.RawData.IsEmpty)
                {
                    var span = tensor.RawData.Span;
                    if (span.Length != elements * 4) return null;
                    var values = new long[elements];
                    for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]);
                    return values;
                }
                return tensor.Int32Data.Count == elements ? tensor.Int32Data.Select(v => (long)v).ToArray() : null;
            default:
                return null;
        }
    }
}
