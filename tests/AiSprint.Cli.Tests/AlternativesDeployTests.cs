namespace AiSprint.Cli.Tests;

/// <summary><c>aisprint deploy</c> of a design document with [Alternative] methods (the fixture's design.json).</summary>
public class AlternativesDeployTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("aisprint-deploy-alt-").FullName;

    private static string FixtureFile(params string[] parts) => Path.Combine([Fixtures.Alternatives, .. parts]);

    private static (int Code, string Output, string Error) Deploy(string output, params string[] extra) =>
        ValidateCommandTests.Run(["deploy", FixtureFile("design.json"), "--resources", FixtureFile("common_config", "candidate_resources.yaml"),
            "--demands", FixtureFile("demands.csv"), "-o", output, "--iterations", "300", "--ls-iterations", "50", .. extra]);

    private static string[] Performance => ["--deployments-performance", FixtureFile("space4ai-r", "deployments_performance.yaml")];

    [Fact]
    public void Deploy_writes_the_chosen_deployment_its_front_and_the_identifier_to_run_it()
    {
        var output = Temp();
        var (code, text, error) = Deploy(output, [.. Performance, "--objective", "cheapest"]);
        Assert.True(code == 0, error);
        Assert.Contains("AISPRINT_DEPLOYMENT=mask-detector-small", text);
        var report = File.ReadAllText(Path.Combine(output, "deployment", "report.txt"));
        Assert.Contains("* alternative_deployment1  blurry-faces-onnx, mask-detector-small  0.85    1.2", report);
        Assert.Contains("Pareto front (metric against minimum cost):", report);
        Assert.Contains("Run it with AISPRINT_DEPLOYMENT=mask-detector-small.", report);
        Assert.True(File.Exists(Path.Combine(output, "deployment", "pareto.svg")));
        Assert.Contains("mask-detector-small", File.ReadAllText(Path.Combine(output, "design", "application_dag.yaml")));
        Assert.Contains("sorted_deployments_performance", File.ReadAllText(Path.Combine(output, "design", "deployments_performance.yaml")));
        // report.html shows the chosen deployment's placement, with report.txt (every deployment, the front) folded in.
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("(alternative_deployment1)", html);
        Assert.Contains("mask-detector-small", html);
        Assert.Contains("Pareto front (metric against minimum cost):", html);
    }

    [Fact]
    public void The_highest_metric_objective_keeps_the_originals_and_says_so()
    {
        var output = Temp();
        var (code, text, error) = Deploy(output, Performance);
        Assert.True(code == 0, error);
        Assert.Contains("chose original_deployment", text);
        Assert.Contains("Run it with AISPRINT_DEPLOYMENT= (empty: the original implementations).", File.ReadAllText(Path.Combine(output, "deployment", "report.txt")));
    }

    [Fact]
    public void Without_the_performance_file_deploy_fails_with_AIS0032_and_writes_nothing_current()
    {
        var output = Temp();
        var (code, _, error) = Deploy(output);
        Assert.Equal(1, code);
        Assert.Contains("error AIS0032", error);
        // Located at the first [Alternative] the design document records, not at design.json.
        Assert.DoesNotContain("design.json: error AIS0032", error);
        Assert.Contains("Pipeline.cs:16:26: error AIS0032", error);
        Assert.False(File.Exists(Path.Combine(output, "deployment", "report.txt")));
    }

    [Fact]
    public void Deploy_leaves_every_deployments_design_for_the_supervisors_degraded_fallback()
    {
        var output = Temp();
        var (code, _, error) = Deploy(output, Performance);
        Assert.True(code == 0, error);

        var source = new AiSprint.Supervision.Planning.BuildFolderAlternatives(output);
        Assert.Equal("average_f1", source.MetricName);
        var alternatives = source.Read();
        Assert.Empty(source.Problems);
        Assert.Equal(["alternative_deployment1", "alternative_deployment2", "alternative_deployment3", "original_deployment"], alternatives.Select(a => a.Name).Order(StringComparer.Ordinal));
        var small = alternatives.Single(a => a.Name == "alternative_deployment1");
        Assert.Equal(0.85, small.Metrics["average_f1"], 1e-12);
        Assert.Contains(small.System.Components, c => c.Name == "mask-detector-small");
        Assert.NotNull(small.Application);

        // A failed deploy into the same folder leaves no alternative behind that reads as current.
        var (failed, _, _) = Deploy(output);
        Assert.Equal(1, failed);
        Assert.Empty(new AiSprint.Supervision.Planning.BuildFolderAlternatives(output).Read());
        Assert.False(Directory.Exists(Path.Combine(output, "alternatives")));
    }
}
