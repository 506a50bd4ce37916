using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Names and byte widths of ONNX element types (TensorProto.DataType).</summary>
internal static class ElementTypes
{
    public const int Float = (int)TensorProto.Types.DataType.Float;
    public const int Int64 = (int)TensorProto.Types.DataType.Int64;
    public const int Int32 = (int)TensorProto.Types.DataType.Int32;
    public const int Bool = (int)TensorProto.Types.DataType.Bool;

    /// <summary>Bytes per element; null for STRING (variable width) and unknown types.</summary>
    public static int? BytesPerElement(int type) => (TensorProto.Types.DataType)type switch
    {
        TensorProto.Types.DataType.Float or TensorProto.Types.DataType.Int32 or TensorProto.Types.DataType.Uint32 => 4,
        TensorProto.Types.DataType.Double or TensorProto.Types.DataType.Int64 or TensorProto.Types.DataType.Uint64 or TensorProto.Types.DataType.Complex64 => 8,
        TensorProto.Types.DataType.Float16 or TensorProto.Types.DataType.Bfloat16 or TensorProto.Types.DataType.Int16 or TensorProto.Types.DataType.Uint16 => 2,
        TensorProto.Types.DataType.Uint8 or TensorProto.Types.DataType.Int8 or TensorProto.Types.DataType.Bool => 1,
        TensorProto.Types.DataType.Complex128 => 16,
        _ => null,
    };

    public static string Name(int type) => Enum.IsDefined((TensorProto.Types.DataType)type)
        ? ((TensorProto.Types.DataType)type).ToString().ToUpperInvariant()
        : $"TYPE{type}";

    public static bool IsFloatingPoint(int type) => (TensorProto.Types.DataType)type is TensorProto.Types.DataType.Float or TensorProto.Types.DataType.Double
        or TensorProto.Types.DataType.Float16 or TensorProto.Types.DataType.Bfloat16;
}
