using AiSprint.Placement.Evaluation;
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
        var result = ExactSearch.Solve(problem, new ExactOptions { TimeLimit = TimeSpan.FromSeconds(60) });
        output.WriteLine($"{instance}: cost {result.Cost:R} lb {result.LowerBound:R} proved {result.ProvedOptimal} nodes {result.NodesExplored} time {result.Elapsed.TotalMilliseconds:0} ms");

        var recorded = PlacementEvaluator.Evaluate(problem, ExactInstances.Recorded(problem, instance));
        Assert.True(recorded.IsFeasible);
        Assert.True(result.ProvedOptimal, $"{instance}: not proved within the limit; gap {result.Gap:P2} after {result.NodesExplored} nodes");
        Assert.NotNull(result.Best);
        var evaluation = PlacementEvaluator.Evaluate(problem, result.Best);
        Assert.True(evaluation.IsFeasible, string.Join("\n", evaluation.Violations.Select(v => v.Message)));
        Assert.Equal(result.Cost, evaluation.TotalCost.Value);
        Assert.True(result.Cost <= recorded.TotalCost.Value * (1 + 1e-12), $"{instance}: optimum {result.Cost:R} > recorded {recorded.TotalCost.Value:R}");
    }
}
