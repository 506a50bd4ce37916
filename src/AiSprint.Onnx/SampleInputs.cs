using AiSprint.Onnx.Verification;

namespace AiSprint.Onnx;

/// <summary>
/// How every ONNX command fixes a model's dynamic dimensions: a sample input (.npy) for its first input, given with
/// <c>--input</c> or found beside the model as <c>MODEL.input.npy</c> (the convention of the partitioner's test models).
/// One rule, so <c>inspect</c>, <c>partition</c>, <c>layers</c> and <c>deploy --onnx</c> see the same shapes.
/// </summary>
public static class SampleInputs
{
    /// <summary><c>MODEL.input.npy</c> beside the model when it exists; null otherwise.</summary>
    public static string? Beside(string model)
    {
        var beside = Path.ChangeExtension(model, ".input.npy");
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>
    /// Analyses the model, with its first input's shape taken from the sample when one is given or lies beside it.
    /// Throws <see cref="FileNotFoundException"/> for a sample that was named but does not exist.
    /// </summary>
    public static ModelAnalysis Analyze(string model, string? samplePath = null)
    {
        if (samplePath is not null && !File.Exists(samplePath)) throw new FileNotFoundException($"{samplePath}: the sample input does not exist", samplePath);
        samplePath ??= Beside(model);
        var options = new OnnxAnalysisOptions();
        if (samplePath is null) return OnnxModelAnalyzer.Analyze(model, options);
        var sample = NpyArray.Read(samplePath);
        var analysis = OnnxModelAnalyzer.Analyze(model, options);
        var name = analysis.Inputs[0];
        // The shape fixes static inference (and the tensors fed to timing sessions); the values feed the runtime probe.
        return OnnxModelAnalyzer.Analyze(model, options with
        {
            InputShapes = new Dictionary<string, long[]> { [name] = sample.Shape },
            SampleInputs = new Dictionary<string, NpyArray> { [name] = sample },
        });
    }
}
