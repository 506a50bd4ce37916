using System.Diagnostics;
using AiSprint.Model;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search.Exact;
using Xunit.Abstractions;

namespace AiSprint.Placement.Tests.Search.Exact;

public class ExactSearchTests(ITestOutputHelper output)
{
    public static TheoryData<string> SmallInstances() => new(ExactInstances.Small());

    [Theory]
    [MemberData(nameof(SmallInstances))]
    public void Proves_the_optimum_of_every_small_instance_no_dearer_than_the_recorded_best(string instance)
    {
        var problem = ExactInstances.Problem(instance);
        var result = ExactSearch.Solve(problem, new ExactOptions { TimeLimit = TimeSpan.FromSeconds(10) });
        output.WriteLine($"{instance}: cost {result.Cost:R} lb {result.LowerBound:R} proved {result.ProvedOptimal} nodes {result.NodesExplored} time {result.Elapsed.TotalMilliseconds:0} ms");

        var recorded = PlacementEvaluator.Evaluate(problem, ExactInstances.Recorded(problem, instance));
        Assert.True(recorded.IsFeasible);
        Assert.True(result.ProvedOptimal, $"{instance}: not proved within the limit; gap {result.Gap:P2} after {result.NodesExplored} nodes");
        Assert.Equal(result.Cost, result.LowerBound);
        AssertFeasibleWithConsistentCounts(problem, result);
        Assert.True(result.Cost <= recorded.TotalCost.Value * (1 + 1e-12), $"{instance}: optimum {result.Cost:R} > recorded {recorded.TotalCost.Value:R}");
    }

    /// <summary>Two 10-component instances the search proves in well under a second, one far below the recorded best.</summary>
    [Theory]
    [InlineData("Light/10-components/Ins1")]
    [InlineData("Strict/10-components/Ins1")]
    public void Proves_some_ten_component_instances_too(string instance)
    {
        var path = Path.Combine("space4ai", "instances", instance);
        var problem = ExactInstances.Problem(path);
        var result = ExactSearch.Solve(problem, new ExactOptions { TimeLimit = TimeSpan.FromSeconds(10) });
        output.WriteLine($"{instance}: cost {result.Cost:R} proved {result.ProvedOptimal} nodes {result.NodesExplored} time {result.Elapsed.TotalMilliseconds:0} ms");

        Assert.True(result.ProvedOptimal);
        AssertFeasibleWithConsistentCounts(problem, result);
        var recorded = PlacementEvaluator.Evaluate(problem, ExactInstances.Recorded(problem, path));
        Assert.True(result.Cost <= recorded.TotalCost.Value * (1 + 1e-12));
    }

    /// <summary>
    /// The recorded instances at Lambda 1.8, and stressed variants of Ins1 — a higher rate (more
    /// replicas, saturation) and tighter thresholds (the time bounds bite) — so that the cross-check
    /// exercises the replica search and the time pruning, not only the cost bound.
    /// </summary>
    [Theory]
    [InlineData("Light/5-components/Ins1", 1.8, 1.0)]
    [InlineData("Strict/5-components/Ins1", 1.8, 1.0)]
    [InlineData("Strict/5-components/Ins2", 1.8, 1.0)]
    [InlineData("Strict/5-components/Ins1", 6.0, 1.0)]
    [InlineData("Strict/5-components/Ins1", 4.0, 0.5)]
    [InlineData("Strict/5-components/Ins1", 1.8, 0.3)]
    [InlineData("Strict/5-components/Ins1", 9.0, 0.8)]
    public void Equals_a_brute_force_enumeration_of_every_placement(string instance, double lambda, double thresholdScale)
    {
        var path = Path.Combine("space4ai", "instances", instance);
        var problem = ExactInstances.Build(Scaled(ExactInstances.System(path), thresholdScale), path, new RequestsPerSecond(lambda));
        var clock = Stopwatch.StartNew();
        var brute = new BruteForce(problem);
        var optimum = brute.Run();
        output.WriteLine($"{instance} λ={lambda} thresholds×{thresholdScale}: brute force {optimum:R} over {brute.Assignments} assignments, {brute.Evaluations} count vectors, {clock.ElapsedMilliseconds} ms");

        var result = ExactSearch.Solve(problem, new ExactOptions());
        output.WriteLine($"branch-and-bound {result.Cost:R} in {result.NodesExplored} nodes, {result.Elapsed.TotalMilliseconds:0} ms");

        Assert.True(result.ProvedOptimal);
        if (double.IsPositiveInfinity(optimum))
        {
            Assert.Null(result.Best);
            return;
        }
        Assert.Equal(optimum, result.Cost, 1e-9);
        AssertFeasibleWithConsistentCounts(problem, result);
    }

    private static SystemDescription Scaled(SystemDescription system, double factor) => factor == 1 ? system : system with
    {
        LocalConstraints = system.LocalConstraints.Select(l => l with { MaxResponseTime = new Seconds(l.MaxResponseTime.Value * factor) }).ToValueList(),
        GlobalConstraints = system.GlobalConstraints.Select(g => g with { MaxResponseTime = new Seconds(g.MaxResponseTime.Value * factor) }).ToValueList(),
    };

    [Theory]
    [InlineData("Light/5-components/Ins1")]
    [InlineData("Strict/7-components/Ins2")]
    public void Proves_infeasibility_when_the_thresholds_are_scaled_down_a_thousandfold(string instance)
    {
        var path = Path.Combine("space4ai", "instances", instance);
        var problem = ExactInstances.Build(Scaled(ExactInstances.System(path), 0.001), path);

        var result = ExactSearch.Solve(problem, new ExactOptions());

        Assert.Null(result.Best);
        Assert.True(result.ProvedOptimal);
        Assert.True(double.IsPositiveInfinity(result.Cost));
        Assert.True(double.IsPositiveInfinity(result.LowerBound));
        // The recorded solution, feasible for the original, is indeed infeasible here.
        Assert.False(PlacementEvaluator.Evaluate(problem, ExactInstances.Recorded(problem, path)).IsFeasible);
    }

    [Fact]
    public void A_node_limit_stops_the_search_with_a_valid_lower_bound_and_gap()
    {
        var instance = Path.Combine("space4ai", "instances", "Light", "7-components", "Ins5");
        var problem = ExactInstances.Problem(instance);
        var full = ExactSearch.Solve(problem, new ExactOptions());
        Assert.True(full.ProvedOptimal);
        Assert.True(full.NodesExplored > 100);

        var cut = ExactSearch.Solve(problem, new ExactOptions { NodeLimit = 100 });

        Assert.False(cut.ProvedOptimal);
        Assert.True(cut.NodesExplored <= 101);
        Assert.True(cut.LowerBound <= full.Cost * (1 + 1e-12), $"bound {cut.LowerBound:R} above the optimum {full.Cost:R}");
        Assert.True(cut.LowerBound <= cut.Cost);
        if (cut.Best is not null)
        {
            AssertFeasibleWithConsistentCounts(problem, cut);
            Assert.InRange(cut.Gap, 0, 1);
        }
        else
        {
            Assert.True(double.IsPositiveInfinity(cut.Gap));
        }
    }

    [Fact]
    public void Starts_from_an_incumbent_and_keeps_it_when_nothing_cheaper_exists()
    {
        var instance = Path.Combine("space4ai", "instances", "Strict", "7-components", "Ins1");
        var problem = ExactInstances.Problem(instance);
        var cold = ExactSearch.Solve(problem, new ExactOptions());

        var warm = ExactSearch.Solve(problem, new ExactOptions { Incumbent = cold.Best });
        var fromRecorded = ExactSearch.Solve(problem, new ExactOptions { Incumbent = ExactInstances.Recorded(problem, instance) });

        Assert.True(warm.ProvedOptimal);
        Assert.Equal(cold.Cost, warm.Cost);
        Assert.True(warm.NodesExplored <= cold.NodesExplored);
        Assert.True(fromRecorded.ProvedOptimal);
        Assert.Equal(cold.Cost, fromRecorded.Cost, 1e-9);
    }

    [Fact]
    public void Is_deterministic()
    {
        var problem = ExactInstances.Problem(Path.Combine("space4ai", "instances", "Light", "7-components", "Ins2"));

        var first = ExactSearch.Solve(problem, new ExactOptions());
        var second = ExactSearch.Solve(problem, new ExactOptions());

        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(first.NodesExplored, second.NodesExplored);
        Assert.Equal(first.Best!.Deployments, second.Best!.Deployments);
        Assert.Equal(first.Best.Resources, second.Best.Resources);
        Assert.Equal(first.Best.Replicas, second.Best.Replicas);
    }

    [Fact]
    public void A_cancelled_search_reports_an_open_bound()
    {
        var problem = ExactInstances.Problem(Path.Combine("space4ai", "instances", "Light", "7-components", "Ins5"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = ExactSearch.Solve(problem, new ExactOptions { Cancellation = cancelled.Token });

        Assert.False(result.ProvedOptimal);
        Assert.Null(result.Best);
        Assert.True(result.LowerBound > 0 && result.LowerBound < double.PositiveInfinity);
    }

    private static void AssertFeasibleWithConsistentCounts(PlacementProblem problem, ExactResult result)
    {
        Assert.NotNull(result.Best);
        var evaluation = PlacementEvaluator.Evaluate(problem, result.Best);
        Assert.True(evaluation.IsFeasible, string.Join("\n", evaluation.Violations.Select(v => v.Message)));
        Assert.Equal(result.Cost, evaluation.TotalCost.Value);
        var counts = new Dictionary<int, int>();
        for (var c = 0; c < problem.Components.Count; c++)
        {
            for (var k = 0; k < result.Best.Resources[c].Length; k++)
            {
                var r = result.Best.Resources[c][k];
                if (problem.Resources[r].IsFaas) continue;
                var y = result.Best.Replicas[c][k];
                Assert.True(counts.TryAdd(r, y) || counts[r] == y, $"{problem.Resources[r].Name} has two replica counts");
            }
        }
    }
}
