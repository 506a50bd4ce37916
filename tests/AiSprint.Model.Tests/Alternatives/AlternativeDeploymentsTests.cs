using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Inputs;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Alternatives;

public class AlternativeDeploymentsTests
{
    private static ApplicationDag Dag(string yaml)
    {
        var read = ApplicationDagYaml.Read(yaml, "application_dag.yaml");
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        return read.Value!.Value;
    }

    [Fact]
    public void Deployments_follow_the_Studio_product_order_with_the_original_first()
    {
        var dag = Dag("""
            System:
              name: x
              components: [a, b]
              dependencies: [[a, b, 1]]
              alternative_components:
                a: [a2]
                b: [b2]
            """);
        var deployments = dag.Deployments();
        Assert.Equal(["original_deployment", "deployment1", "deployment2", "deployment3"], deployments.Select(d => d.Name));
        Assert.Equal(["a, b", "a, b2", "a2, b", "a2, b2"], deployments.Select(d => d.Label));
        Assert.Equal(("a2", "b2"), (deployments[3].Dependencies[0].From, deployments[3].Dependencies[0].To));
        Assert.True(deployments[0].IsOriginal);
        Assert.Equal("b", deployments[3].ComponentOf("b2"));
    }

    [Fact]
    public void An_alternative_of_an_unknown_component_is_AIS0028_at_its_key_with_a_suggestion()
    {
        var read = ApplicationDagYaml.Read("System:\n  name: x\n  components: [detector, classifier]\n  dependencies: []\n  alternative_components:\n    detectr: [small]\n", "dag.yaml");
        var error = Assert.Single(read.Diagnostics, d => d.Code == "AIS0028");
        Assert.Equal((6, 5), (error.Location.Line, error.Location.Column));
        Assert.Contains("did you mean 'detector'?", error.Message);
    }

    [Fact]
    public void An_alternative_named_like_a_component_is_AIS0029()
    {
        var read = ApplicationDagYaml.Read("System:\n  name: x\n  components: [a, b]\n  dependencies: []\n  alternative_components:\n    a: [b]\n", "dag.yaml");
        Assert.Contains(read.Diagnostics, d => d.Code == "AIS0029" && d.Location.Line == 6);
    }

    [Fact]
    public void Alternative_components_round_trip_through_the_writer()
    {
        var dag = Dag(File.ReadAllText(Path.Combine(Fixtures.Alternatives, "common_config", "application_dag.yaml")));
        var again = Dag(ApplicationDagYaml.Write(dag));
        Assert.Equal(dag.Alternatives, again.Alternatives);
        Assert.Equal(["blurry-faces-int8"], again.Alternatives[0].Alternatives);
    }

    [Fact]
    public void The_application_directory_with_alternatives_validates_without_the_unknown_key_warning()
    {
        var report = InputValidator.Validate(Fixtures.Alternatives);
        Assert.True(report.IsValid, string.Join("\n", report.Diagnostics));
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "AIS0005");
        Assert.Contains("4 deployments from alternative components (average_f1 ≥ 0.8)", report.Summary);
    }

    [Fact]
    public void Each_deployment_converts_with_its_implementations_and_the_files_probabilities()
    {
        var loaded = AiSprintApplicationLoader.Load(Fixtures.Alternatives);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var bag = new DiagnosticBag();
        var deployments = DeploymentsPerformanceMatch.ForApplication(loaded.Value!, bag);
        Assert.Empty(bag.Items);
        var small = deployments.Single(d => d.Name == "alternative_deployment1");
        Assert.Equal(0.85, small.Metric);
        var options = new AiSprintConversionOptions { LocalConstraints = new[] { new LocalConstraint("mask-detector-onnx", new Seconds(0.5)) }.ToValueList() };
        var converted = AiSprintConverter.ToSystemDescription(loaded.Value!, options, small);
        Assert.True(converted.Succeeded, string.Join("\n", converted.Diagnostics));
        var system = converted.Value!.Value;
        Assert.Equal(["blurry-faces-onnx", "mask-detector-small"], system.Components.Select(c => c.Name));
        var edge = Assert.Single(system.Dag);
        Assert.Equal(("blurry-faces-onnx", "mask-detector-small", 0.7), (edge.From, edge.To, edge.Probability.Value));
        // The constraint written for the component applies to the implementation that replaces it.
        Assert.Equal("mask-detector-small", Assert.Single(system.LocalConstraints).Component);
    }

    [Fact]
    public void The_Studio_validator_no_longer_warns_on_alternative_components_but_a_missing_candidate_entry_is_an_error()
    {
        var copy = Directory.CreateTempSubdirectory("aisprint-alt-").FullName;
        foreach (var file in Directory.EnumerateFiles(Fixtures.Alternatives, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Fixtures.Alternatives, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var deployments = Path.Combine(copy, "common_config", "candidate_deployments.yaml");
        var text = File.ReadAllText(deployments);
        File.WriteAllText(deployments, text[..text.IndexOf("  component2_alternative1:", StringComparison.Ordinal)]);
        var report = InputValidator.Validate(copy);
        Assert.Contains(report.Diagnostics, d => d.Code == "AIS0004" && d.Message.Contains("mask-detector-small"));
    }
}
