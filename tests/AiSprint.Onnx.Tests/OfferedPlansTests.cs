using AiSprint.Model.Formats.Partitions;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Verification;

namespace AiSprint.Onnx.Tests;

public sealed class OfferedPlansTests : IDisposable
{
    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("aisprint-onnx-offered-").FullName, "partitions");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    [Fact]
    public void The_offered_plans_hold_the_best_plans_of_every_K_ranked_with_the_overall_best_first()
    {
        var analysis = ReferenceModels.Shared("squeezenet1_1");
        var constraints = new PartitionConstraints { MinPartitions = 2, MaxPartitions = 4 };

        var offered = PartitionPlanner.Offered(analysis, constraints, perPartitionCount: 2);

        Assert.Equal(new[] { 2, 2, 3, 3, 4, 4 }, offered.Select(p => p.PartitionCount).Order());
        Assert.Equal(PartitionPlanner.Plan(analysis, constraints)[0].Cuts.Select(c => c.Tensor), offered[0].Cuts.Select(c => c.Tensor));
        for (var k = 2; k <= 4; k++)
        {
            var best = PartitionPlanner.Plan(analysis, constraints with { MinPartitions = k, MaxPartitions = k, MaxPlans = 2 });
            Assert.Equal(best.Select(p => string.Join(",", p.Cuts.Select(c => c.Tensor))),
                offered.Where(p => p.PartitionCount == k).Select(p => string.Join(",", p.Cuts.Select(c => c.Tensor))));
        }
        Assert.Equal(offered.Select(p => p.TransferredBytes).Order(), offered.Select(p => p.TransferredBytes));
    }

    [Fact]
    public void Every_offered_plan_is_written_in_its_own_folder_runs_in_onnx_runtime_and_reads_back_as_a_partitioning()
    {
        var analysis = ReferenceModels.Shared("squeezenet1_1");
        var plans = PartitionPlanner.Offered(analysis, new PartitionConstraints { MinPartitions = 2, MaxPartitions = 3 });
        Assert.Equal(2, plans.Count);

        var manifest = SubModelExtractor.ExtractPlans(analysis, plans, _directory);

        using var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { [analysis.Inputs[0]] = ReferenceModels.Input("squeezenet1_1") });
        Assert.True(verifier.VerifyFiles(plans[0], _directory).Passed);
        var second = verifier.VerifyFiles(plans[1], Path.Combine(_directory, SubModelExtractor.PlanDirectoryOf(2)));
        Assert.True(second.Passed, $"{second.RelativeDifference:E2}");
        Assert.False(Directory.Exists(_directory + ".tmp-" + Environment.ProcessId));

        var reread = PartitionManifestJson.Load(Path.Combine(_directory, SubModelExtractor.ManifestFileName)).GetValueOrThrow();
        var alternative = Assert.Single(reread.Alternatives!);
        Assert.Equal(plans[1].PartitionCount, alternative.PartitionCount);
        Assert.Equal(plans[1].Cuts.Select(c => c.Tensor), alternative.Cuts.Select(c => c.Tensor));
        Assert.All(alternative.Partitions, p => Assert.True(File.Exists(Path.Combine(_directory, p.File)), p.File));
        Assert.Equal(manifest.Alternatives![0].Partitions.Select(p => p.MemoryBytes), alternative.Partitions.Select(p => p.MemoryBytes));

        var partitionings = DesignPartitions.Partitionings(reread);
        Assert.Equal(plans.Select(p => p.PartitionCount), partitionings.Select(p => p.Pieces.Count));
        Assert.Equal(plans[1].Partitions.Select(p => (double)p.ForwardFlops!.Value), partitionings[1].Pieces.Select(p => p.ComputeShare));
        Assert.Equal(plans[1].Partitions[0].TransferBytesToNext!.Value / DesignPartitions.BytesPerMegabyte, partitionings[1].Pieces[0].DataSizeToNext!.Value.Value, 12);
    }

    [Fact]
    public void A_manifest_whose_alternative_lists_no_partitions_is_refused()
    {
        var analysis = ReferenceModels.Shared("squeezenet1_1");
        var manifest = SubModelExtractor.ManifestOf(analysis, PartitionPlanner.Describe(analysis, [analysis.CutPoints[3]]))
            with { Alternatives = [new ManifestPlan(2, 0, [], null!)] };

        var error = Assert.Throws<InvalidDataException>(() => DesignPartitions.Partitionings(manifest));
        Assert.Contains("alternative plan 2", error.Message);
    }
}
