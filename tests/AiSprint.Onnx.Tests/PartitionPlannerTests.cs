using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Verification;

namespace AiSprint.Onnx.Tests;

public sealed class PartitionPlannerTests
{
    private static IEnumerable<PartitionPlan> BruteForce(ModelAnalysis analysis, int k)
    {
        IEnumerable<List<CutPoint>> Sequences(int start, int remaining)
        {
            if (remaining == 0) { yield return []; yield break; }
            for (var i = start; i < analysis.CutPoints.Count; i++)
            {
                foreach (var rest in Sequences(i + 1, remaining - 1)) yield return [analysis.CutPoints[i], .. rest];
            }
        }
        return Sequences(0, k - 1).Select(s => PartitionPlanner.Describe(analysis, s));
    }

    [Theory]
    [InlineData("alexnet_features", 3)]
    [InlineData("squeezenet1_1", 3)]
    [InlineData("squeezenet1_1", 4)]
    public void The_best_plan_equals_the_best_of_an_exhaustive_enumeration(string model, int k)
    {
        var analysis = ReferenceModels.Shared(model);
        var expected = BruteForce(analysis, k).OrderBy(p => p.TransferredBytes).ThenBy(p => p.FlopImbalance).First();

        var best = PartitionPlanner.Plan(analysis, new PartitionConstraints { MinPartitions = k, MaxPartitions = k }).First();

        Assert.Equal(expected.TransferredBytes, best.TransferredBytes);
        Assert.Equal(expected.FlopImbalance!.Value, best.FlopImbalance!.Value, 12);
    }

    [Fact]
    public void Plans_respect_the_memory_bound_and_partition_count_bounds_and_are_ranked()
    {
        var analysis = ReferenceModels.Shared("mobilenet_v2");
        var unbounded = PartitionPlanner.Describe(analysis, []);
        var bound = unbounded.Partitions[0].MemoryBytes!.Value * 6 / 10;

        var plans = PartitionPlanner.Plan(analysis, new PartitionConstraints { MinPartitions = 2, MaxPartitions = 4, MaxPartitionMemoryBytes = bound, MaxPlans = 20 });

        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.InRange(p.PartitionCount, 2, 4));
        Assert.All(plans, p => Assert.All(p.Partitions, part => Assert.True(part.MemoryBytes <= bound)));
        Assert.Equal(plans.Select(p => p.TransferredBytes).Order(), plans.Select(p => p.TransferredBytes));
        Assert.Empty(PartitionPlanner.Plan(analysis, new PartitionConstraints { MaxPartitions = 4, MaxPartitionMemoryBytes = 1000 }));
    }

    [Fact]
    public void Partitions_of_a_plan_cover_every_node_once_and_add_up_to_the_model()
    {
        var analysis = ReferenceModels.Shared("shufflenet_v2_x0_5");
        var cuts = analysis.CutPoints;
        var plan = PartitionPlanner.Describe(analysis, [cuts[5], cuts[20], cuts[40]]);

        Assert.Equal(4, plan.PartitionCount);
        Assert.Equal(Enumerable.Range(0, analysis.NodeCount), plan.Partitions.SelectMany(p => p.NodeIndices).Order());
        Assert.Equal(analysis.TotalForwardFlops, plan.Partitions.Sum(p => p.ForwardFlops));
        Assert.Equal(cuts[5].Bytes + cuts[20].Bytes + cuts[40].Bytes, plan.TransferredBytes);
        Assert.All(plan.Partitions, p => Assert.True(p.PeakActivationBytes >= analysis.Tensors[p.InputTensors[0]].Bytes));
    }

    [Fact]
    public void A_three_way_plan_runs_in_onnx_runtime_and_matches_the_full_model()
    {
        var analysis = ReferenceModels.Shared("ch_ppocr_mobile_v2.0_cls_infer");
        var best = PartitionPlanner.Plan(analysis, new PartitionConstraints { MinPartitions = 3, MaxPartitions = 3 }).First();
        using var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { ["x"] = ReferenceModels.Input("ch_ppocr_mobile_v2.0_cls_infer") });

        var result = verifier.Verify(best);

        Assert.Equal(3, best.PartitionCount);
        Assert.True(result.Passed, $"{result.RelativeDifference:E2}");
    }

    [Fact]
    public void Inconsistent_bounds_are_rejected()
    {
        var analysis = ReferenceModels.Shared("alexnet_features");
        Assert.Throws<ArgumentException>(() => PartitionPlanner.Plan(analysis, new PartitionConstraints { MinPartitions = 3, MaxPartitions = 2 }));
    }
}
