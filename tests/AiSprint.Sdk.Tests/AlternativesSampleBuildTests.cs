using System.Diagnostics;

namespace AiSprint.Sdk.Tests;

/// <summary>
/// samples/Alternatives built as a consumer of the packed SDK (its sources and files copied, the package referenced
/// instead of the repository's projects): a performance file that misses a combination shows AIS0121 at the assembly
/// metric and fails with AIS0032; the sample's own file gives the chosen deployment and the Pareto front in report.txt
/// and report.html, and the built application runs the alternative the report names.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class AlternativesSampleBuildTests(PackedSdk sdk)
{
    [Fact]
    public void The_alternatives_sample_builds_into_the_cheapest_deployment_above_the_threshold_with_its_front()
    {
        var project = sdk.CreateProject("alternatives-sample", "Alternatives", ("AiSprintAlternativeObjective", "cheapest"));
        var sample = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "Alternatives");
        foreach (var file in new[] { "Inspection.cs", "Program.cs", "demands.csv", "deployments_performance.yaml" }) File.Copy(Path.Combine(sample, file), Path.Combine(project, file));
        var complete = File.ReadAllText(Path.Combine(project, "deployments_performance.yaml"));
        var cut = complete.IndexOf("  - alternative_deployment3:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(project, "deployments_performance.yaml"), complete[..cut]);

        var incomplete = sdk.Build(project);

        Assert.True(incomplete.ExitCode != 0, incomplete.ToString());
        Assert.Matches(@"Inspection\.cs\(3,12\): warning AIS0121: deployments_performance\.yaml has no metric value for the deployment running defect-classifier-small, frame-filter-fast", incomplete.Output);
        Assert.Contains("AIS0032", incomplete.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(project, "deployments_performance.yaml"), complete);
        var result = sdk.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("AIS0121", result.Output, StringComparison.Ordinal);
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        var report = File.ReadAllText(Path.Combine(output, "aisprint", "deployment", "report.txt"));
        Assert.Contains("Chosen: alternative_deployment1 (defect-classifier-small, frame-filter), average_f1 0.86, cost 1.2", report, StringComparison.Ordinal);
        Assert.Matches(@"Pareto front \(metric against minimum cost\):\s+metric\s+min cost\s+deployment\s+0\.91\s+1\.8\s+original_deployment\s+0\.86\s+1\.2\s+alternative_deployment1\s", report);
        Assert.Matches(@"alternative_deployment3 .* below threshold", report);
        var html = File.ReadAllText(Path.Combine(output, "aisprint", "report.html"));
        Assert.Contains("alternative_deployment1", html, StringComparison.Ordinal);
        Assert.Contains("Pareto", html, StringComparison.Ordinal);

        Assert.Contains("frame 1: dent", Run(Path.Combine(output, "Alternatives.dll"), null), StringComparison.Ordinal);
        Assert.Contains("frame 1: scratch", Run(Path.Combine(output, "Alternatives.dll"), "defect-classifier-small"), StringComparison.Ordinal);
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
