using AiSprint.Model.Formats.AiSprint;

namespace AiSprint.Cli.Tests;

/// <summary><c>aisprint metrics</c>: deployments_performance.yaml from the fixture's confusion matrices.</summary>
public class MetricsCommandTests
{
    private static string Copy()
    {
        var copy = Directory.CreateTempSubdirectory("aisprint-metrics-").FullName;
        foreach (var file in Directory.EnumerateFiles(Fixtures.Alternatives, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Fixtures.Alternatives, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    [Fact]
    public void Metrics_computes_every_deployment_from_the_matrices_and_writes_the_Studio_file()
    {
        var app = Copy();
        var (code, text, error) = ValidateCommandTests.Run("metrics", app, "--metric", "average_f1", "--threshold", "0.7",
            "--filter", "blurry-faces-onnx:no_face", "--classifier", "mask-detector-onnx");
        Assert.True(code == 0, error);
        // Original: F1 of no_face 0.8, mask 0.752852, no_mask 0.742616 (ChainMetricTests works them out): mean 0.765156.
        Assert.Contains("blurry-faces-onnx, mask-detector-onnx: average_f1 0.7652", text);
        var written = DeploymentsPerformanceYaml.ReadFile(Path.Combine(app, "space4ai-r", "deployments_performance.yaml"));
        Assert.True(written.Succeeded, string.Join("\n", written.Diagnostics));
        var first = written.Value!.Value.Deployments[0];
        Assert.Equal(("original_deployment", 0.7652, 0.65), (first.Name, first.MetricValue, first.Dependencies[0].Probability.Value));
        Assert.Equal(4, written.Value.Value.Deployments.Count);
        // The written file is the one place reads: the application still validates.
        Assert.Equal(0, ValidateCommandTests.Run("validate", app).Code);
    }

    [Fact]
    public void A_chain_longer_than_filter_then_classifier_is_refused_with_AIS0033()
    {
        var app = Copy();
        var dag = Path.Combine(app, "common_config", "application_dag.yaml");
        File.WriteAllText(dag, File.ReadAllText(dag)
            .Replace("components: ['blurry-faces-onnx', 'mask-detector-onnx']", "components: ['blurry-faces-onnx', 'mask-detector-onnx', 'notifier']")
            .Replace("dependencies: [['blurry-faces-onnx', 'mask-detector-onnx', 1]]", "dependencies: [['blurry-faces-onnx', 'mask-detector-onnx', 1], ['mask-detector-onnx', 'notifier', 1]]"));
        var (code, _, error) = ValidateCommandTests.Run("metrics", app, "--metric", "average_f1", "--filter", "blurry-faces-onnx:no_face", "--classifier", "mask-detector-onnx");
        Assert.Equal(1, code);
        Assert.Contains("error AIS0033", error);
        Assert.Contains("give this deployment's metric_value in deployments_performance.yaml instead", error);
    }
}
