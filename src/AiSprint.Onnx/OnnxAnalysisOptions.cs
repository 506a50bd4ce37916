using AiSprint.Onnx.Verification;

namespace AiSprint.Onnx;

/// <summary>How to resolve what the file leaves open.</summary>
public sealed record OnnxAnalysisOptions
{
    /// <summary>Concrete shapes for inputs with dynamic dimensions (e.g. x = [1,3,48,192]).</summary>
    public IReadOnlyDictionary<string, long[]>? InputShapes { get; init; }

    /// <summary>Input tensors for the runtime probe; without them it feeds zeros of the (fully known) input shapes.</summary>
    public IReadOnlyDictionary<string, NpyArray>? SampleInputs { get; init; }

    /// <summary>Run ONNX Runtime once for the tensors static inference leaves unknown (default true).</summary>
    public bool UseRuntimeProbe { get; init; } = true;
}
