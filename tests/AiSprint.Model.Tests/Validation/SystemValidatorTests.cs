using AiSprint.Model.Units;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Validation;

namespace AiSprint.Model.Tests.Validation;

/// <summary>
/// Each rule is exercised on a real file with one targeted edit, and must point at the edited line.
/// </summary>
public class SystemValidatorTests
{
    private static readonly string WindFarm = SharedData.PathOf("space4ai", "wind-farm", "system.json");
    private static readonly string Instance = SharedData.PathOf("space4ai", "instances", "Light", "5-components", "Ins1", "system_description.json");

    public static TheoryData<string> SystemFiles() => new Formats.Space4Ai.Space4AiSystemRoundTripTests().GetType()
        .GetMethod(nameof(Formats.Space4Ai.Space4AiSystemRoundTripTests.SystemFiles))!.Invoke(null, null) as TheoryData<string> ?? [];

    [Theory]
    [MemberData(nameof(SystemFiles))]
    public void Every_real_system_description_validates_without_errors(string relativePath)
    {
        var located = Space4AiSystemReader.Load(Path.Combine(SharedData.Root, relativePath)).GetValueOrThrow();
        var diagnostics = SystemValidator.Validate(located.Value, located.Map);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }

    [Fact]
    public void Transition_probabilities_below_one_are_a_warning_not_an_error()
    {
        var located = Space4AiSystemReader.Load(WindFarm).GetValueOrThrow();
        var warnings = SystemValidator.Validate(located.Value, located.Map).Where(d => d.Code == "AIS0014").ToList();
        Assert.Equal(2, warnings.Count); // c1 -> c2 is 0.9 and c4 -> c5 is 0.1
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
    }

    [Fact]
    public void An_unknown_resource_in_a_compatibility_list_is_reported_at_its_line()
    {
        var diagnostics = ValidateEdited(WindFarm, "\"h1\": [\"Drone1\", \"Drone2\"]", "\"h1\": [\"Drone1\", \"Dron2\"]");
        var error = Assert.Single(diagnostics, d => d.Code == "AIS0011");
        Assert.Equal(LineOf(WindFarm, "\"h1\": [\"Drone1\", \"Drone2\"]"), error.Location.Line);
        Assert.Contains("Dron2", error.Message);
        Assert.Contains("did you mean Drone2", error.Message);
    }

    [Fact]
    public void A_dag_cycle_is_an_error()
    {
        var diagnostics = ValidateEdited(WindFarm, "\"c4\":  {\"next\": [\"c5\"]", "\"c4\":  {\"next\": [\"c1\"]");
        var error = Assert.Single(diagnostics, d => d.Code == "AIS0012");
        Assert.Contains("c1 -> c2 -> c3 -> c4 -> c1", error.Message);
    }

    [Fact]
    public void Probabilities_summing_above_one_are_an_error()
    {
        var diagnostics = ValidateEdited(Instance, "0.2928651503016599", "0.9928651503016599");
        var error = Assert.Single(diagnostics, d => d.Code == "AIS0013");
        Assert.Contains("c1", error.Message);
        Assert.Equal(LineOf(Instance, "\"c1\": {"), error.Location.Line);
    }

    [Fact]
    public void A_global_path_that_skips_a_dag_edge_is_an_error()
    {
        var diagnostics = ValidateEdited(WindFarm, "[\"c1\", \"c2\", \"c3\", \"c4\"]", "[\"c1\", \"c3\", \"c4\"]");
        var error = Assert.Single(diagnostics, d => d.Code == "AIS0015");
        Assert.Contains("from c1 to c3", error.Message);
    }

    [Fact]
    public void A_partition_without_compatible_resources_is_an_error()
    {
        var diagnostics = ValidateEdited(WindFarm, "\"c1\": {\"h1\": [\"Drone1\", \"Drone2\"]", "\"c1\": {\"h1\": []");
        Assert.Single(diagnostics, d => d.Code == "AIS0016" && d.Message.Contains("c1/h1"));
    }

    [Fact]
    public void A_missing_demand_is_an_error_once_the_design_has_demands()
    {
        var diagnostics = ValidateEdited(WindFarm, "\"Drone2\": 1}", "\"Drone3\": 1}");
        Assert.Contains(diagnostics, d => d.Code == "AIS0017" && d.Message.Contains("Drone2"));
    }

    [Fact]
    public void A_negative_demand_is_an_error_at_the_value()
    {
        var diagnostics = ValidateEdited(WindFarm, "\"Drone2\": 1}", "\"Drone2\": -1}");
        var error = Assert.Single(diagnostics, d => d.Code == "AIS0018");
        Assert.Equal(LineOf(WindFarm, "\"Drone2\": 1}"), error.Location.Line);
    }

    [Fact]
    public void A_memory_requirement_above_every_compatible_resource_is_an_error()
    {
        var diagnostics = ValidateEdited(WindFarm, "{\"memory\": 10, \"next\": \"c2\"", "{\"memory\": 1000, \"next\": \"c2\"");
        var error = Assert.Single(diagnostics, d => d.Code == "AIS0019");
        Assert.Contains("c1/h1", error.Message);
    }

    [Fact]
    public void Duplicate_component_names_are_an_error()
    {
        var diagnostics = ValidateEdited(WindFarm, "\"c4\": {\"s1\":{\"h1\": {\"memory\": 50", "\"c3\": {\"s1\":{\"h1\": {\"memory\": 50");
        Assert.Contains(diagnostics, d => d.Code == "AIS0010" && d.Message.Contains("c3"));
    }

    [Fact]
    public void A_misspelt_top_level_key_is_a_warning_with_a_suggestion()
    {
        var result = Space4AiSystemReader.Load(SharedData.PathOf("space4ai", "mask-detection", "system.json"));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "AIS0005");
        Assert.Contains("did you mean 'LocalConstraints'", warning.Message);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Cycle_finder_reports_a_closed_cycle_and_none_on_a_dag()
    {
        var edges = new[] { new DagEdge("a", "b", Probability.One), new DagEdge("b", "c", Probability.One), new DagEdge("c", "b", Probability.One) };
        Assert.Equal(["b", "c", "b"], SystemValidator.FindCycle(edges));
        Assert.Null(SystemValidator.FindCycle(edges[..2]));
    }

    private static IReadOnlyList<Diagnostic> ValidateEdited(string original, string find, string replace)
    {
        var text = File.ReadAllText(original);
        Assert.Contains(find, text);
        var edited = text.Replace(find, replace);
        var result = Space4AiSystemReader.Parse(edited, "edited.json");
        if (result.Value is null) return result.Diagnostics;
        return [.. result.Diagnostics, .. SystemValidator.Validate(result.Value.Value, result.Value.Map)];
    }

    private static int LineOf(string file, string text) =>
        File.ReadAllLines(file).Select((line, index) => (line, index)).First(l => l.line.Contains(text)).index + 1;
}

public class TrustedExecutionValidationTests
{
    [Fact]
    public void A_trusted_partition_whose_candidates_offer_no_sgx_nor_secure_boot_is_an_error()
    {
        var sample = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "WindFarm", "aisprint");
        var directory = Directory.CreateTempSubdirectory("aisprint-trusted-").FullName;
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var report = AiSprint.Model.Inputs.InputValidator.Validate(directory);
        Assert.True(report.IsValid, string.Join("\n", report.Diagnostics));

        // Only VMSmall (SGX) and VMLarge (secure + measured boot) qualify for defect-classifier: drop them.
        var deployments = Path.Combine(directory, "common_config", "candidate_deployments.yaml");
        File.WriteAllText(deployments, File.ReadAllText(deployments).Replace("candidateExecutionResources: [VMSmall, VMLarge, Lambda128]", "candidateExecutionResources: [Lambda128]"));
        report = AiSprint.Model.Inputs.InputValidator.Validate(directory);
        var error = Assert.Single(report.Diagnostics, d => d.Code == "AIS0027");
        Assert.Contains("defect-classifier/h1 requires trusted execution", error.Message);
        Assert.EndsWith("candidate_deployments.yaml", error.Location.File);
    }
}
