namespace AiSprint.Onnx.Graph;

/// <summary>The file is not a usable ONNX model: truncated, wrongly typed fields, a cyclic graph, a missing external-data file...</summary>
public sealed class OnnxFormatException : Exception
{
    /// <summary>A model the library cannot read, with why.</summary>
    public OnnxFormatException(string message) : base(message) { }

    /// <summary>A model the library cannot read, with why and the underlying error.</summary>
    public OnnxFormatException(string message, Exception inner) : base(message, inner) { }
}
