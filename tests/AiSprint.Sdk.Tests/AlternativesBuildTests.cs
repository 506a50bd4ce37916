using System.Diagnostics;

namespace AiSprint.Sdk.Tests;

/// <summary>
/// A consumer with an [Alternative] of mask-detector, [assembly: ApplicationMetric] and a deployments_performance.yaml:
/// dotnet build places every deployment and writes the chosen one, with the Pareto front in report.txt; the built
/// application runs the alternative when AISPRINT_DEPLOYMENT names it.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class AlternativesBuildTests(PackedSdk sdk)
{
    [Fact]
    public void Dotnet_build_of_an_application_with_alternatives_writes_the_chosen_deployment_and_the_front()
    {
        var project = sdk.CreateConsumer("alternatives");
        File.WriteAllText(Path.Combine(project, "Alternatives.cs"), """
            using AiSprint.Annotations;

            [assembly: ApplicationMetric(ApplicationMetrics.AverageF1, Threshold = 0.8)]

            namespace Consumer;

            public static class SmallModels
            {
                [Alternative("mask-detector", "mask-detector-small")]
                // Answers differently from DetectMask on Program's frame, so a run shows which implementation ran.
                public static bool DetectMaskSmall(float[] faces) => faces.Length > 1000;
            }
            """);
        File.AppendAllText(Path.Combine(project, "demands.csv"), "mask-detector-small,VM1,3,\nmask-detector-small,VM2,2,\nmask-detector-small,VM3,4,\n");
        File.WriteAllText(Path.Combine(project, "deployments_performance.yaml"), """
            System:
              metric_name: average_f1
              metric_thr: 0.8
              sorted_deployments_performance:
              - original_deployment:
                  components: [blurry-faces-onnx, mask-detector]
                  dependencies: [[blurry-faces-onnx, mask-detector, 1]]
                  metric_value: 0.91
              - alternative_deployment1:
                  components: [blurry-faces-onnx, mask-detector-small]
                  dependencies: [[blurry-faces-onnx, mask-detector-small, 1]]
                  metric_value: 0.84
            """);
        var result = sdk.Build(project, "-p:AiSprintPartitionEnabled=false", "-p:AiSprintAlternativeObjective=cheapest");
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "aisprint", "deployment", "report.txt"));
        Assert.Contains("Alternative deployments: metric average_f1, threshold 0.8", report, StringComparison.Ordinal);
        Assert.Contains("Pareto front (metric against minimum cost):", report, StringComparison.Ordinal);
        Assert.Matches(@"Chosen: (original_deployment|alternative_deployment1) ", report);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "aisprint", "deployment", "pareto.svg")));
        Assert.Contains("chose ", result.Output, StringComparison.Ordinal);

        // The same binary switches implementation by the deployment identifier.
        var application = Path.Combine(project, "bin", "Debug", "net10.0", "Consumer.dll");
        Assert.Equal("mask", Run(application, null));
        Assert.Equal("no mask", Run(application, "mask-detector-small"));
    }

    private static string Run(string application, string? deployment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(application);
        start.Environment["AISPRINT_DEPLOYMENT"] = deployment ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
