using AiSprint.Model.Formats.Partitions;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Protobuf;
using AiSprint.Onnx.Verification;

namespace AiSprint.Onnx.Tests;

public sealed class PartitionVerificationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-onnx-parts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static PartitionVerifier VerifierFor(string model)
    {
        var analysis = ReferenceModels.Shared(model);
        return new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { [analysis.Inputs[0]] = ReferenceModels.Input(model) });
    }

    [Theory]
    [MemberData(nameof(ReferenceModels.All), MemberType = typeof(ReferenceModels))]
    public void The_full_model_in_onnx_runtime_matches_the_reference_output_relatively(string model)
    {
        using var verifier = VerifierFor(model);
        var reference = ReferenceModels.Output(model);
        var full = verifier.FullOutput(ReferenceModels.Shared(model).Outputs[0]);

        var maxReference = reference.Data.Max(Math.Abs);
        var maxDifference = reference.Data.Zip(full).Max(p => Math.Abs((double)p.First - p.Second));
        Assert.True(maxDifference <= 1e-5 * maxReference, $"{maxDifference:E2} > 1e-5 × {maxReference:E2}");
    }

    [Theory]
    [MemberData(nameof(ReferenceModels.All), MemberType = typeof(ReferenceModels))]
    public void Every_two_way_partition_reproduces_the_full_model_within_the_relative_tolerance(string model)
    {
        var analysis = ReferenceModels.Shared(model);
        using var verifier = VerifierFor(model);

        var results = verifier.VerifyAll(PartitionPlanner.AllTwoWay(analysis).ToArray());

        Assert.Equal(analysis.CutPoints.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"cut {r.Plan.Cuts[0].Tensor}: {r.RelativeDifference:E2} relative"));
    }

    [Theory]
    [MemberData(nameof(ReferenceModels.All), MemberType = typeof(ReferenceModels))]
    public void Written_sub_models_load_in_onnx_runtime_carry_only_their_own_initializers_and_the_manifest_describes_them(string model)
    {
        var analysis = ReferenceModels.Shared(model);
        var middle = analysis.CutPoints[analysis.CutPoints.Count / 2];
        var plan = PartitionPlanner.Describe(analysis, [middle]);

        var manifest = SubModelExtractor.Extract(analysis, plan, _directory);
        using var verifier = VerifierFor(model);
        var result = verifier.VerifyFiles(plan, _directory);

        Assert.True(result.Passed, $"{result.RelativeDifference:E2}");
        var original = analysis.Graph.Model.Graph.Initializer.Select(i => i.Name).ToHashSet();
        var seen = new List<string>();
        foreach (var partition in manifest.Partitions)
        {
            var sub = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(_directory, partition.File)));
            var read = sub.Graph.Node.SelectMany(n => n.Input).ToHashSet();
            Assert.All(sub.Graph.Initializer, i => Assert.Contains(i.Name, read));
            Assert.Equal(partition.NodeCount, sub.Graph.Node.Count);
            seen.AddRange(sub.Graph.Initializer.Select(i => i.Name));
        }
        // Every weight the model reads lands in some partition; one read on both sides (the exporter's deduplicated
        // zero biases behind Identity nodes) is carried by both.
        var readByModel = analysis.Graph.Model.Graph.Node.SelectMany(n => n.Input).Where(original.Contains).ToHashSet();
        Assert.Equal(readByModel.Order(), seen.Distinct().Order());

        var reread = PartitionManifestJson.Load(Path.Combine(_directory, SubModelExtractor.ManifestFileName)).GetValueOrThrow();
        Assert.Equal(2, reread.PartitionCount);
        Assert.Equal(middle.Tensor, reread.Cuts[0].Tensor);
        Assert.Equal(middle.Bytes, reread.Partitions[0].DataSizeBytes);
        Assert.Equal(2, reread.Partitions[0].Next);
        Assert.Null(reread.Partitions[1].Next);
        Assert.Equal(analysis.NodeCount, reread.Partitions.Sum(p => p.NodeCount));
        Assert.Equal(analysis.TotalForwardFlops, reread.Partitions.Sum(p => p.ForwardFlops));
        Assert.Equal(manifest.Partitions.Select(p => p.MemoryBytes), reread.Partitions.Select(p => p.MemoryBytes));
    }
}

public sealed class DesignPartitionTests
{
    [Fact]
    public void A_manifest_maps_onto_the_design_model_partitions_with_memory_data_size_and_next()
    {
        var analysis = ReferenceModels.Shared("squeezenet1_1");
        var plan = AiSprint.Onnx.Partitioning.PartitionPlanner.Describe(analysis, [analysis.CutPoints[3], analysis.CutPoints[20]]);
        var manifest = SubModelExtractor.ManifestOf(analysis, plan);

        var partitions = DesignPartitions.From(manifest, "classifier", ["edge1", "vm1"], resultBytes: 4000);

        Assert.Equal(["classifier_partition1_of_3", "classifier_partition2_of_3", "classifier_partition3_of_3"], partitions.Select(p => p.Name));
        Assert.Equal("classifier_partition2_of_3", Assert.Single(partitions[0].Outputs).Target);
        Assert.Equal(analysis.CutPoints[3].Bytes!.Value / 1048576.0, partitions[0].Outputs[0].Size.Value, 12);
        Assert.Empty(partitions[2].Outputs);
        Assert.Equal(4000 / 1048576.0, partitions[2].ResultSize!.Value.Value, 12);
        Assert.Equal(plan.Partitions[1].MemoryBytes!.Value / 1048576.0, partitions[1].CandidateOn("vm1")!.Memory!.Value.Value, 12);
    }
}
