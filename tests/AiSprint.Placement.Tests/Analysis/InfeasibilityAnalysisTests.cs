using System.Text.Json.Nodes;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;
using AiSprint.Tests;

namespace AiSprint.Placement.Tests.Analysis;

/// <summary>
/// The best-case bound of a path (AIS0051) is the analyzers' AIS1002 bound: component best cases plus each hop's least
/// transfer time, never above what any placement achieves.
/// </summary>
public sealed class InfeasibilityAnalysisTests
{
    /// <summary>
    /// The wind farm with c2 kept off the drones (so c1 → c2 must cross a network) and path p1 squeezed to 1 ms.
    /// </summary>
    private static PlacementProblem WindFarmWithRemoteC2(double pathSeconds = 0.001)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedData.PathOf("space4ai", "wind-farm", "system.json")))!;
        foreach (var (_, resources) in json["CompatibilityMatrix"]!["c2"]!.AsObject())
        {
            var kept = resources!.AsArray().Select(r => r!.GetValue<string>()).Where(r => !r.StartsWith("Drone", StringComparison.Ordinal)).ToArray();
            resources.AsArray().Clear();
            foreach (var r in kept) resources.AsArray().Add(r);
        }
        foreach (var (_, demands) in json["DemandMatrix"]!["c2"]!.AsObject())
        {
            foreach (var drone in demands!.AsObject().Select(p => p.Key).Where(r => r.StartsWith("Drone", StringComparison.Ordinal)).ToArray())
            {
                demands.AsObject().Remove(drone);
            }
        }
        json["GlobalConstraints"]!["p1"]!["global_res_time"] = pathSeconds;
        var system = Space4AiSystemReader.Parse(json.ToJsonString(), "system.json").GetValueOrThrow();
        return PlacementProblemBuilder.Build(system.Value, system.Map).GetValueOrThrow();
    }

    [Fact]
    public void A_path_bound_adds_the_least_transfer_between_components_that_cannot_share_a_resource()
    {
        var problem = WindFarmWithRemoteC2();
        var p1 = Assert.Single(InfeasibilityAnalysis.ImpossibleConstraints(problem), c => c.IsGlobal);

        // The least c1 -> c2 transfer, from the definition: any resource of c1's last partitions to any of c2's first.
        int Index(string name) => problem.Components.Select((c, i) => (c, i)).Single(x => x.c.Name == name).i;
        var (c1, c2) = (Index("c1"), Index("c2"));
        var least = problem.Components[c1].Deployments.Select(d => d.Partitions[^1]).SelectMany(sender =>
                problem.Components[c2].Deployments.Select(d => d.Partitions[0]).SelectMany(receiver =>
                    sender.Candidates.SelectMany(a => receiver.Candidates.Select(b =>
                        problem.TransferDelay(a.Resource, b.Resource, sender.DataToSuccessor.TryGetValue(c2, out var size) ? size : Megabytes.Zero)))))
            .Min();
        Assert.True(least > 0, "c1 and c2 share no resource, so the hop costs something");
        Assert.Contains($"c1 -> c2 {least * 1000:#,0.###} ms", p1.Breakdown, StringComparison.Ordinal);
        Assert.StartsWith("c1 ", p1.Breakdown, StringComparison.Ordinal);
        Assert.Contains(" + c4 ", p1.Breakdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bound_never_exceeds_the_path_time_of_a_placement_the_search_finds()
    {
        var relaxed = WindFarmWithRemoteC2(pathSeconds: 1000);
        var found = PlacementSearch.Run(relaxed, new SearchOptions { RandomGreedyIterations = 2_000, LocalSearchIterations = 100, Seed = 1 });
        Assert.True(found.Found);
        var path = found.Best!.PathTimes[0].Value;

        // Admissible: a threshold the found placement meets is never called impossible.
        Assert.DoesNotContain(InfeasibilityAnalysis.ImpossibleConstraints(WindFarmWithRemoteC2(pathSeconds: path)), c => c.IsGlobal);
        var p1 = Assert.Single(InfeasibilityAnalysis.ImpossibleConstraints(WindFarmWithRemoteC2(pathSeconds: 0.001)), c => c.IsGlobal);
        Assert.InRange(p1.BestCase.Value, 0.001, path);
    }
}
