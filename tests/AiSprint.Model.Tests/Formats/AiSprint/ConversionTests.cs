using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Formats.AiSprint;

public class ConversionTests
{
    internal static Located<AiSprintApplication> LoadApp(string example)
    {
        var result = AiSprintApplicationLoader.Load(AiSprintData.Dir(example));
        Assert.Empty(result.Diagnostics);
        return result.GetValueOrThrow();
    }

    internal static Located<SystemDescription> Convert(string example, AiSprintConversionOptions? options = null)
    {
        var result = AiSprintConverter.ToSystemDescription(LoadApp(example), options ?? new AiSprintConversionOptions { Lambda = new RequestsPerSecond(1) });
        Assert.Empty(result.Diagnostics);
        return result.GetValueOrThrow();
    }

    /// <summary>component → deployment → partition → candidate resources, as a compact string.</summary>
    private static string Shape(SystemDescription system) => string.Join(" | ", system.Components.Select(c =>
        c.Name + ": " + string.Join("; ", c.Deployments.Select(d =>
            d.Name + "[" + string.Join(", ", d.Partitions.Select(p => p.Name + "@" + string.Join("/", p.Candidates.Select(x => x.Resource)))) + "]"))));

    [Theory]
    [InlineData(AiSprintData.Example1,
        "blurry-faces-onnx: s1[h1@VM1]; s2[h2@VM1, h3@VM1] | mask-detector: s1[h1@VM2]")]
    [InlineData(AiSprintData.Example2,
        "blurry-faces-onnx: s1[h1@VM1]; s2[h2@VM1, h3@VM2] | mask-detector-onnx: s1[h1@VM2]; s2[h2@VM2, h3@VM2]")]
    [InlineData(AiSprintData.Example3,
        "blurry-faces-onnx: s1[h1@VM1]; s2[h2@VM1, h3@VM2] | mask-detector-onnx: s1[h1@VM3]; s2[h2@VM3, h3@AWS-FaaS1] | third_component: s1[h1@AWS-FaaS2/AWS-FaaS3]")]
    public void Every_example_converts_with_SPACE4AI_D_deployment_and_partition_names(string example, string expected)
    {
        var system = Convert(example).Value;
        Assert.Equal(expected, Shape(system));
        Assert.All(system.Components.SelectMany(c => c.AllPartitions), p =>
        {
            Assert.Equal(Probability.Zero, p.EarlyExitProbability);
            Assert.NotNull(p.Requirements);
            Assert.All(p.Candidates, c => Assert.Equal((new Megabytes(1024), (PerformanceModel?)null), (c.Memory!.Value, c.Performance)));
        });
        Assert.Equal(new Hours(1), system.Time);
        Assert.Equal(new RequestsPerSecond(1), system.Lambda);
    }

    [Fact]
    public void Example_3_layers_take_their_kind_from_SPACE4AI_D_yaml_and_domains_are_flattened()
    {
        var system = Convert(AiSprintData.Example3).Value;
        Assert.Equal(
            [("computationalLayer1", ResourceKind.EdgeDevice), ("computationalLayer2", ResourceKind.EdgeDevice), ("computationalLayer3", ResourceKind.VirtualMachine), ("computationalLayer4", ResourceKind.Faas)],
            system.Layers.Select(l => (l.Name, l.Kind)));
        Assert.Equal(ResourceKind.EdgeDevice, system.FindResource("VM1")!.Kind);
        Assert.Equal(ResourceKind.Faas, system.FindResource("AWS-FaaS2")!.Kind);
        var nd3 = system.NetworkDomains.Single(d => d.Id == "ND3");
        Assert.Equal(["ND1", "ND2"], nd3.SubDomains);
        Assert.Equal(["computationalLayer1", "computationalLayer2", "computationalLayer3", "computationalLayer4"], nd3.Layers);
        Assert.Equal(new Bandwidth(5000), nd3.Bandwidth);
        Assert.Equal(["computationalLayer3", "computationalLayer4"], system.NetworkDomains.Single(d => d.Id == "ND2").Layers);
    }

    [Fact]
    public void Example_3_data_sizes_go_to_partition_outputs_and_dag_edges()
    {
        var system = Convert(AiSprintData.Example3).Value;
        var blurry = system.FindComponent("blurry-faces-onnx")!;
        var s2 = blurry.Deployments.Single(d => d.Name == "s2");
        Assert.Equal([new DataTransfer("h3", new Megabytes(13000))], s2.Partitions[0].Outputs);
        Assert.Equal([new DataTransfer("mask-detector-onnx", new Megabytes(415))], s2.Partitions[1].Outputs);
        Assert.Equal([new DataTransfer("mask-detector-onnx", new Megabytes(415))], blurry.Deployments[0].Partitions[0].Outputs);
        Assert.Empty(system.FindComponent("third_component")!.Deployments[0].Partitions[0].Outputs);
        Assert.Equal([new Megabytes(415), new Megabytes(625)], system.Dag.Select(e => e.DataSize!.Value));
    }

    [Fact]
    public void Without_data_sizes_outputs_still_chain_partitions_and_layers_default_to_their_type()
    {
        var system = Convert(AiSprintData.Example1).Value;
        var s2 = system.FindComponent("blurry-faces-onnx")!.Deployments[1];
        Assert.Equal([new DataTransfer("h3", Megabytes.Zero)], s2.Partitions[0].Outputs);
        Assert.Equal([new DataTransfer("mask-detector", Megabytes.Zero)], s2.Partitions[1].Outputs);
        Assert.Null(system.Dag.Single().DataSize);
        Assert.All(system.Layers, l => Assert.Equal(ResourceKind.VirtualMachine, l.Kind));
    }

    [Fact]
    public void Options_supply_lambda_and_constraints()
    {
        var options = new AiSprintConversionOptions
        {
            Lambda = new RequestsPerSecond(1.8),
            LocalConstraints = ValueList.Of(new LocalConstraint("mask-detector-onnx", new Seconds(10))),
            GlobalConstraints = ValueList.Of(new GlobalConstraint("p1", ValueList.Of("blurry-faces-onnx", "mask-detector-onnx"), new Seconds(30))),
        };
        var system = Convert(AiSprintData.Example2, options).Value;
        Assert.Equal(new RequestsPerSecond(1.8), system.Lambda);
        Assert.Equal(options.LocalConstraints, system.LocalConstraints);
        Assert.Equal(options.GlobalConstraints, system.GlobalConstraints);
    }

    [Fact]
    public void Source_map_points_partitions_and_candidates_at_their_lines()
    {
        var located = Convert(AiSprintData.Example3);
        var deployments = AiSprintData.FileOf(AiSprintData.Example3, "common_config", "candidate_deployments.yaml");
        var lines = File.ReadAllLines(deployments);
        var partition = located.Map.Locate(ModelKeys.Partition("mask-detector-onnx", "s2", "h3"));
        Assert.Equal((deployments, Array.IndexOf(lines, "  component2_partitionX_2:") + 1, 3), (partition.File, partition.Line, partition.Column));
        var candidate = located.Map.Locate(ModelKeys.Candidate("third_component", "h1", "AWS-FaaS3"));
        Assert.Equal((Array.IndexOf(lines, "          - AWS-FaaS3") + 1, 13), (candidate.Line, candidate.Column));
        var resource = located.Map.Locate(ModelKeys.Resource("VM3"));
        Assert.EndsWith("candidate_resources.yaml", resource.File);
        var edge = located.Map.Locate(ModelKeys.DagEdge("mask-detector-onnx", "third_component"));
        Assert.Equal(4, edge.Line);
    }
}
