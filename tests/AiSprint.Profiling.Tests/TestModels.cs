using AiSprint.Onnx;
using AiSprint.Profiling.Tests.Networks;

namespace AiSprint.Profiling.Tests;

/// <summary>Small networks written once per test run to a temporary directory.</summary>
internal static class TestModels
{
    private static readonly Lazy<string> Directory = new(() => System.IO.Directory.CreateTempSubdirectory("aisprint-profiling-tests-").FullName);

    public static string Path(string name, Func<NetworkBuilder> build)
    {
        var path = System.IO.Path.Combine(Directory.Value, name + ".onnx");
        lock (Directory)
        {
            if (!File.Exists(path)) build().Save(path);
        }
        return path;
    }

    /// <summary>A VGG-shaped chain at 32×32 with channels divided by 8 (conv, ReLU, max pool, a small classifier).</summary>
    public static string SmallVgg(string name = "small_vgg", int[]? layers = null) =>
        Path(name, () => ReferenceNetworks.Vgg(name, layers ?? [64, 64, 0, 128, 128, 0, 256, 256, 0], size: 32, width: 8, classifier: false).Flatten().Gemm(10).Softmax());

    public static string Residual() => Path("residual", () => ReferenceNetworks.Residual("residual", size: 32, blocks: 2, channels: 16));

    public static ModelAnalysis Analyze(string path) => OnnxModelAnalyzer.Analyze(path);
}
