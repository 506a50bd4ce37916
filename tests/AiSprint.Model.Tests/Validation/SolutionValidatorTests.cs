using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;
using AiSprint.Model.Validation;

namespace AiSprint.Model.Tests.Validation;

public class SolutionValidatorTests
{
    public static TheoryData<string> SolutionFiles() => Formats.Space4Ai.Space4AiSolutionRoundTripTests.SolutionFiles();

    [Theory]
    [MemberData(nameof(SolutionFiles))]
    public void Every_recorded_solution_is_a_placement_of_the_system_beside_it(string relativePath)
    {
        var report = InputValidator.Validate(Path.Combine(SharedData.Root, relativePath));
        Assert.Equal(InputKind.Space4AiSolution, report.Kind);
        Assert.True(report.IsValid, string.Join("\n", report.Diagnostics));
        Assert.All(report.Diagnostics, d => Assert.Equal("AIS0024", d.Code));
    }

    [Fact]
    public void Inconsistent_replica_counts_of_the_recorded_files_are_warnings()
    {
        var report = InputValidator.Validate(SharedData.PathOf("space4ai", "instances", "Strict", "15-components", "Ins2", "best_sol_1.8.json"));
        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal("AIS0024", warning.Code);
        Assert.Contains("VM1 has 1, 4 replicas", warning.Message);
    }

    [Fact]
    public void A_placement_on_an_incompatible_or_unknown_resource_is_an_error()
    {
        var directory = SharedData.PathOf("space4ai", "instances", "Light", "5-components", "Ins1");
        var system = Space4AiSystemReader.Load(Path.Combine(directory, "system_description.json")).GetValueOrThrow().Value;
        var text = File.ReadAllText(Path.Combine(directory, "best_sol_1.8.json"));
        var incompatible = Space4AiSolutionReader.Parse(text.Replace("\"Drone1\": {", "\"EN1\": {"), "s.json").GetValueOrThrow();
        Assert.Contains(SolutionValidator.Validate(incompatible.Value, incompatible.Map, system), d => d.Code == "AIS0018" && d.Message.Contains("c1/h1 is placed on EN1"));

        var unknown = Space4AiSolutionReader.Parse(text.Replace("\"VM3\": {", "\"VM9\": {"), "s.json").GetValueOrThrow();
        Assert.Contains(SolutionValidator.Validate(unknown.Value, unknown.Map, system), d => d.Code == "AIS0011" && d.Message.Contains("VM9"));
    }

    [Fact]
    public void The_cpp_layout_is_matched_to_its_deployment_by_partitions()
    {
        var directory = SharedData.PathOf("space4ai", "instances", "Light", "5-components", "Ins1");
        var system = Space4AiSystemReader.Load(Path.Combine(directory, "system_description.json")).GetValueOrThrow().Value;
        var solution = Space4AiSolutionReader.Load(Path.Combine(directory, "best_sol_1.8.json")).GetValueOrThrow().Value;
        var cpp = Space4AiSolutionReader.Parse(Space4AiSolutionWriter.Write(solution, SolutionFormat.Cpp), "cpp.json").GetValueOrThrow();
        Assert.Empty(SolutionValidator.Validate(cpp.Value, cpp.Map, system));
    }
}
