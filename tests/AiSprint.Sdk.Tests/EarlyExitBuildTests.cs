using System.Text.Json;

namespace AiSprint.Sdk.Tests;

/// <summary>
/// A consumer with an [EarlyExits] component, built against the packed SDK: the build splits the network at its
/// exits, places the partitions with their exit probabilities and reports them, declared against measured.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class EarlyExitBuildTests(PackedSdk sdk)
{
    [Fact]
    public void Build_splits_an_early_exit_component_at_its_exits_and_reports_declared_against_measured_exit_probabilities()
    {
        var project = sdk.CreateProject("early-exit", "EarlyExitConsumer");
        var sample = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "EarlyExit");
        Directory.CreateDirectory(Path.Combine(project, "models"));
        foreach (var file in new[] { "models/ee_cnn.onnx", "models/early_exits.csv" }) File.Copy(Path.Combine(sample, file), Path.Combine(project, file));
        File.WriteAllText(Path.Combine(project, "demands.csv"), "component,resource,demand_ms\ndefect-classifier,VM1,40\ndefect-classifier,VM2,30\n");
        File.WriteAllText(Path.Combine(project, "Classifier.cs"), """
            using AiSprint.Annotations;
            public static class Classifier
            {
                [Component("defect-classifier")]
                [ExecTime(60, TimeUnit.Milliseconds)]
                [ExpectedThroughput(2)]
                [EarlyExits("models/ee_cnn.onnx", nameof(Confident), 0.6, 0.5)]
                public static int Classify(float[] image) => image.Length;

                internal static bool Confident(ReadOnlySpan<float> logits) => logits[0] > 0;

                public static void Main() => Classify([1f]);
            }
            """);
        // 300 requests: 120 stopped at exit 1, 60 at exit 2, 120 ran to the end → stop probabilities 0.4 and 1/3.
        File.WriteAllText(Path.Combine(project, "early_exit_counts.csv"), "component,exit,requests\ndefect-classifier,1,120\ndefect-classifier,2,60\ndefect-classifier,3,120\n");

        var result = sdk.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("AIS0128", result.Output, StringComparison.Ordinal);
        var output = Path.Combine(project, "bin", "Debug", "net10.0", "aisprint");
        foreach (var i in new[] { 1, 2, 3 }) Assert.True(File.Exists(Path.Combine(output, "partitions", "defect-classifier", $"partition_{i}_of_3.onnx")), result.ToString());
        var report = File.ReadAllText(Path.Combine(output, "deployment", "report.txt"));
        Assert.Contains("defect-classifier: 3 partitions, 2 exits (placed with the measured probabilities, 300 requests counted)", report, StringComparison.Ordinal);
        Assert.Contains("partition 1: exit 1, exit probability declared 0.4, measured 0.4 (300 requests reached it)", report, StringComparison.Ordinal);
        Assert.Contains("partition 2: exit 2, exit probability declared 0.5, measured 0.333 (180 requests reached it)", report, StringComparison.Ordinal);
        using var system = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "design", "system_description.json")));
        var exits = system.RootElement.GetProperty("Components").EnumerateObject().Single().Value.EnumerateObject()
            .Select(d => d.Value.EnumerateObject().Select(h => h.Value.GetProperty("early_exit_probability").GetDouble()).ToArray())
            .Single(p => p.Length == 3);
        Assert.Equal([0.4, 1 / 3.0, 0], exits.Select(e => Math.Round(e, 12)), (a, b) => Math.Abs(a - b) < 1e-9);
    }
}
