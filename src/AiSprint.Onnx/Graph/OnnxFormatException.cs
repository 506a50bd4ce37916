namespace AiSprint.Onnx.Graph;

/// <summary>The file is not a usable ONNX model: truncated, wrongly typed fields, a cyclic graph, a missing external-data file...</summary>
public sealed class OnnxFormatException : Exception
{
    public OnnxFormatException(string message) : base(message) { }

    public OnnxFormatException(string message, Exception inner) : base(message, inner) { }
}
