namespace AiSprint.Cli.Tests;

/// <summary><c>aisprint validate</c>, <c>convert</c> and <c>place</c> on the hand-made application with alternative components.</summary>
public class AlternativesPlaceTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("aisprint-alternatives-").FullName;

    private static (int Code, string Output, string Error) Place(string output, params string[] extra) =>
        ValidateCommandTests.Run(["place", Fixtures.Alternatives, "-o", output, "--lambda", "1",
            "--local", "blurry-faces-onnx=200ms", "--local", "mask-detector-onnx=500ms",
            "--demands", Path.Combine(Fixtures.Alternatives, "demands.csv"), "--iterations", "300", "--ls-iterations", "50", .. extra]);

    [Fact]
    public void An_application_with_alternatives_validates()
    {
        var (code, text, error) = ValidateCommandTests.Run("validate", Fixtures.Alternatives);
        Assert.True(code == 0, text + error);
        Assert.DoesNotContain("is not a key of System", text + error);
    }

    [Fact]
    public void An_application_with_alternatives_converts_every_deployment_to_a_system_of_its_own()
    {
        var target = Temp();
        var (code, text, error) = ValidateCommandTests.Run("convert", Fixtures.Alternatives, "-o", Path.Combine(target, "system.json"), "--lambda", "1");
        Assert.True(code == 0, error);
        Assert.Equal(["system.alternative_deployment1.json", "system.alternative_deployment2.json", "system.alternative_deployment3.json", "system.json"],
            Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("alternative_deployment3 (blurry-faces-int8, mask-detector-small, metric 0.76)", text);
        // Each file is its deployment: its implementations, and the DAG probability deployments_performance.yaml gives it.
        using var third = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "system.alternative_deployment3.json")));
        Assert.Equal(["blurry-faces-int8", "mask-detector-small"], third.RootElement.GetProperty("Components").EnumerateObject()
            .Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains("0.75", third.RootElement.GetProperty("DirectedAcyclicGraph").GetRawText());
        using var original = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "system.json")));
        Assert.Contains("mask-detector-onnx", original.RootElement.GetProperty("Components").GetRawText());
    }

    [Fact]
    public void Without_a_performance_file_convert_names_the_deployments_as_the_Studio_enumerates_them()
    {
        var application = Temp();
        CopyDirectory(Fixtures.Alternatives, application);
        Directory.Delete(Path.Combine(application, "space4ai-r"), recursive: true);
        var target = Temp();
        var (code, _, error) = ValidateCommandTests.Run("convert", application, "-o", Path.Combine(target, "system.json"), "--lambda", "1");
        Assert.True(code == 0, error);
        // aisprint-studio.md §1.2: with a→[a2], b→[b2], deployment1 = (a, b2), 2 = (a2, b), 3 = (a2, b2).
        Assert.Equal(["system.deployment1.json", "system.deployment2.json", "system.deployment3.json", "system.json"],
            Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var first = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "system.deployment1.json")));
        Assert.Equal(["blurry-faces-onnx", "mask-detector-small"], first.RootElement.GetProperty("Components").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_deployment_that_does_not_convert_leaves_no_system_file()
    {
        var application = Temp();
        CopyDirectory(Fixtures.Alternatives, application);
        // mask-detector-small loses its candidate entry: every deployment that runs it fails to convert.
        var deployments = Path.Combine(application, "common_config", "candidate_deployments.yaml");
        var text = File.ReadAllText(deployments);
        File.WriteAllText(deployments, text.Replace("name: mask-detector-small", "name: mask-detector-smoll"));
        var target = Temp();
        var (code, _, error) = ValidateCommandTests.Run("convert", application, "-o", Path.Combine(target, "system.json"), "--lambda", "1");
        Assert.Equal(1, code);
        Assert.Contains("not converted", error);
        Assert.Empty(Directory.GetFiles(target));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Place_chooses_the_best_metric_and_writes_the_front_and_the_chart()
    {
        var output = Temp();
        var (code, text, error) = Place(output);
        Assert.True(code == 0, error);
        var report = File.ReadAllText(Path.Combine(output, "report.txt"));
        Assert.Contains("Chosen: original_deployment", report);
        Assert.Contains("Pareto front (metric against minimum cost):", report);
        Assert.Contains("alternative_deployment3: component blurry-faces-int8 cannot meet its threshold of 0.2 s", report);
        Assert.Contains("name: mask-detector-onnx", File.ReadAllText(Path.Combine(output, "production_deployment.yaml")));
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(Path.Combine(output, "pareto.svg")).Root!.Name.LocalName);
        Assert.Contains("chose original_deployment of 4 deployments", text);
    }

    [Fact]
    public void The_cheapest_objective_deploys_the_alternative_under_its_own_entry()
    {
        var output = Temp();
        var (code, _, error) = Place(output, "--objective", "cheapest");
        Assert.True(code == 0, error);
        Assert.Contains("Chosen: alternative_deployment1", File.ReadAllText(Path.Combine(output, "report.txt")));
        var production = File.ReadAllText(Path.Combine(output, "production_deployment.yaml"));
        Assert.Contains("component2_alternative1:", production);
        Assert.Contains("name: mask-detector-small", production);
    }

    [Fact]
    public void The_files_are_byte_identical_for_a_seed()
    {
        var (first, second) = (Temp(), Temp());
        Assert.Equal(0, Place(first, "--seed", "3").Code);
        Assert.Equal(0, Place(second, "--seed", "3").Code);
        foreach (var file in new[] { "report.txt", "pareto.svg", "solution.json", "production_deployment.yaml" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Fact]
    public void Without_a_deployments_performance_file_place_refuses_with_AIS0032()
    {
        var copy = Temp();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Alternatives, "*", SearchOption.AllDirectories).Where(f => !f.Contains("space4ai-r")))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Fixtures.Alternatives, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var (code, _, error) = ValidateCommandTests.Run("place", copy, "-o", Temp(), "--lambda", "1", "--demands", Path.Combine(copy, "demands.csv"));
        Assert.Equal(1, code);
        Assert.Contains("error AIS0032", error);
        Assert.Contains("application_dag.yaml:", error);
    }

    [Fact]
    public void When_no_deployment_places_the_exit_code_is_3_and_no_stale_placement_remains()
    {
        var output = Temp();
        Assert.Equal(0, Place(output).Code);
        var (code, _, _) = ValidateCommandTests.Run(["place", Fixtures.Alternatives, "-o", output, "--lambda", "1", "--local", "blurry-faces-onnx=10ms",
            "--demands", Path.Combine(Fixtures.Alternatives, "demands.csv"), "--iterations", "100", "--ls-iterations", "10"]);
        Assert.Equal(3, code);
        Assert.False(File.Exists(Path.Combine(output, "solution.json")));
        Assert.StartsWith("No deployment has a feasible placement", File.ReadAllText(Path.Combine(output, "report.txt")));
    }
}
