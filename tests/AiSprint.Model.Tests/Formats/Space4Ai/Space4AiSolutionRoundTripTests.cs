using AiSprint.Model.Formats.Space4Ai;

namespace AiSprint.Model.Tests.Formats.Space4Ai;

public class Space4AiSolutionRoundTripTests
{
    public static TheoryData<string> SolutionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedData.Files("space4ai", "best_sol_*.json")) data.Add(Path.GetRelativePath(SharedData.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SolutionFiles))]
    public void Every_recorded_solution_loads_and_round_trips_in_the_python_layout(string relativePath)
    {
        var loaded = Space4AiSolutionReader.Load(Path.Combine(SharedData.Root, relativePath));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var first = loaded.Value!.Value;
        Assert.NotNull(first.TotalCost);
        Assert.All(first.Components, c => Assert.NotNull(c.Deployment));

        var again = Space4AiSolutionReader.Parse(Space4AiSolutionWriter.Write(first), "rewritten.json").GetValueOrThrow().Value;
        Assert.Equal(first, again);
    }

    [Theory]
    [MemberData(nameof(SolutionFiles))]
    public void The_cpp_layout_keeps_everything_but_the_deployment_level(string relativePath)
    {
        var first = Space4AiSolutionReader.Load(Path.Combine(SharedData.Root, relativePath)).GetValueOrThrow().Value;
        var cpp = Space4AiSolutionWriter.Write(first, SolutionFormat.Cpp);
        Assert.DoesNotContain("\"inf\"", cpp);
        var again = Space4AiSolutionReader.Parse(cpp, "cpp.json").GetValueOrThrow().Value;
        var expected = first with { Components = first.Components.Select(c => c with { Deployment = null }).ToValueList() };
        Assert.Equal(expected, again);
    }

    [Fact]
    public void Recorded_values_are_read_with_their_units()
    {
        var solution = Space4AiSolutionReader.Load(SharedData.PathOf("space4ai", "instances", "Light", "5-components", "Ins1", "best_sol_1.8.json")).GetValueOrThrow().Value;
        Assert.Equal(1.8, solution.Lambda!.Value.Value);
        Assert.Equal(11.958761937689724, solution.TotalCost!.Value.Value);
        var c1 = solution.FindComponent("c1")!;
        Assert.Equal("s1", c1.Deployment);
        Assert.Equal(0.28953291183648444, c1.ResponseTime!.Value.Value);
        Assert.Equal(134.5448458758462, c1.Threshold!.Value.Value);
        Assert.Equal(("computationallayer1", "Drone1", (int?)1), (c1.Partitions[0].Layer, c1.Partitions[0].Resource, c1.Partitions[0].Replicas));
        Assert.False(solution.FindComponent("c3")!.Threshold!.Value.IsFinite);
        var p3 = solution.Paths.Single(p => p.Name == "p3");
        Assert.Equal(["c1", "c4", "c5"], p3.Components);
        Assert.Equal(2.0315420298232114, p3.ResponseTime!.Value.Value);
    }
}
