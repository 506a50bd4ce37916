using System.Text.Json;
using AiSprint.Onnx.Verification;

namespace AiSprint.Onnx.Tests;

/// <summary>The five models of ../shared/data/onnx, read in place, with their reference files.</summary>
public static class ReferenceModels
{
    public static readonly string[] Names = ["alexnet_features", "squeezenet1_1", "mobilenet_v2", "shufflenet_v2_x0_5", "ch_ppocr_mobile_v2.0_cls_infer"];

    public static TheoryData<string> All => [.. Names];

    public static string ModelPath(string name) => SharedData.PathOf("onnx", name + ".onnx");

    public static NpyArray Input(string name) => NpyArray.Read(SharedData.PathOf("onnx", name + ".input.npy"));

    public static NpyArray Output(string name) => NpyArray.Read(SharedData.PathOf("onnx", name + ".output.npy"));

    public static JsonDocument Cuts(string name) => JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("onnx", name + ".cuts.json")));

    /// <summary>The analysis as a caller would ask for it: the reference input fixes dynamic dimensions.</summary>
    public static ModelAnalysis Analyze(string name)
    {
        var input = Input(name);
        var analysisInputName = name == "ch_ppocr_mobile_v2.0_cls_infer" ? "x" : "input";
        return OnnxModelAnalyzer.Analyze(ModelPath(name), new OnnxAnalysisOptions
        {
            InputShapes = new Dictionary<string, long[]> { [analysisInputName] = input.Shape },
            SampleInputs = new Dictionary<string, NpyArray> { [analysisInputName] = input },
        });
    }

    private static readonly Dictionary<string, ModelAnalysis> Cache = [];

    /// <summary>Analyses are immutable; tests share one per model to keep the suite fast.</summary>
    public static ModelAnalysis Shared(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var analysis)) Cache[name] = analysis = Analyze(name);
            return analysis;
        }
    }
}
