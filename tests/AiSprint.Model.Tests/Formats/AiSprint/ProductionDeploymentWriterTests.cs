using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Formats.AiSprint;

public class ProductionDeploymentWriterTests
{
    private static PartitionPlacement On(string partition, string layer, string resource, int? replicas) => new(partition, layer, resource, replicas);

    [Fact]
    public void Written_deployment_reads_back_with_the_selected_units_layers_and_used_resources_only()
    {
        var app = ConversionTests.LoadApp(AiSprintData.Example3).Value;
        var system = ConversionTests.Convert(AiSprintData.Example3).Value;
        var solution = new Solution(ValueList.Of(
            new ComponentPlacement("blurry-faces-onnx", "s1", ValueList.Of(On("h1", "computationalLayer1", "VM1", 3))),
            new ComponentPlacement("mask-detector-onnx", "s2", ValueList.Of(On("h2", "computationalLayer3", "VM3", 2), On("h3", "computationalLayer4", "AWS-FaaS1", null))),
            // A C++ solution names no deployment; the partitions identify it.
            new ComponentPlacement("third_component", null, ValueList.Of(On("h1", "computationalLayer4", "AWS-FaaS3", null)))
        )) { Feasible = true };

        var built = ProductionDeploymentBuilder.Build(solution, system, app);
        Assert.Empty(built.Diagnostics);
        var text = ProductionDeploymentYaml.Write(built.Value!);
        var read = ProductionDeploymentYaml.Read(text, "production_deployment.yaml");
        Assert.Empty(read.Diagnostics);
        var back = read.Value!.Value;

        Assert.Equal(
            [("component1", "blurry-faces-onnx", "VM1", 1), ("component2_partitionX_1", "mask-detector-onnx_partitionX_1", "VM3", 3),
             ("component2_partitionX_2", "mask-detector-onnx_partitionX_2", "AWS-FaaS1", 4), ("component3", "third_component", "AWS-FaaS3", 4)],
            back.Components.Select(u => (u.Key, u.Name, u.Containers.Single().SelectedExecutionResource, u.ExecutionLayer)));
        Assert.True(back.Feasible);
        Assert.Equal(["VM1", "VM3", "AWS-FaaS1", "AWS-FaaS3"], back.Resources.AllResources.Select(r => r.Name));
        Assert.Equal(3, ((NodeResource)back.Resources.AllResources.First(r => r.Name == "VM1")).MaxNodes);
        Assert.Equal(2, ((NodeResource)back.Resources.AllResources.First(r => r.Name == "VM3")).MaxNodes);
        Assert.Equal(["computationalLayer1", "computationalLayer3", "computationalLayer4"], back.Resources.AllLayers.Select(l => l.Name));
        Assert.Equal(["ND1", "ND2"], back.Resources.FindDomain("ND3")!.SubDomains);
        // The layer types stay those of candidate_resources.yaml, not the optimiser's edge view.
        Assert.Equal("Virtual", back.Resources.LayerOf("VM1")!.SourceType);
        Assert.Equal(app.Deployments.Entries[0].Containers[0].Requirements, back.Components[0].Containers[0].Requirements);
    }

    [Fact]
    public void Small_numbers_are_written_as_the_input_wrote_them_never_in_E_notation()
    {
        var app = ConversionTests.LoadApp(AiSprintData.Example3).Value;
        var system = ConversionTests.Convert(AiSprintData.Example3).Value;
        var solution = new Solution(ValueList.Of(new ComponentPlacement("blurry-faces-onnx", "s1", ValueList.Of(On("h1", "computationalLayer1", "VM1", 1))))) { Feasible = true };
        var text = ProductionDeploymentYaml.Write(ProductionDeploymentBuilder.Build(solution, system, app).Value!);

        // candidate_resources.yaml says AccessDelay: 0.00000277.
        Assert.Contains("AccessDelay: 0.00000277\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d[eE][+-]?\d", text);
    }

    [Fact]
    public void A_container_whose_memory_is_not_stated_is_written_null_not_0_and_reads_back()
    {
        var app = ConversionTests.LoadApp(AiSprintData.Example3).Value;
        var system = ConversionTests.Convert(AiSprintData.Example3).Value;
        // What the SDK's design builder makes of a component without [DeviceConstraints]: no memory requirement.
        app = app with
        {
            Deployments = new CandidateDeployments(app.Deployments.Entries.Select(e => e with
            {
                Containers = e.Containers.Select(c => c with { Requirements = c.Requirements with { Memory = Megabytes.Zero } }).ToValueList(),
            }).ToValueList()),
        };
        var solution = new Solution(ValueList.Of(new ComponentPlacement("blurry-faces-onnx", "s1", ValueList.Of(On("h1", "computationalLayer1", "VM1", 1))))) { Feasible = true };
        var text = ProductionDeploymentYaml.Write(ProductionDeploymentBuilder.Build(solution, system, app).Value!).ReplaceLineEndings("\n");

        Assert.Contains("          memorySize: null\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("memorySize: 0\n", text, StringComparison.Ordinal);
        var read = ProductionDeploymentYaml.Read(text, "production_deployment.yaml");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(0, read.Value!.Value.Components.Single().Containers.Single().Requirements.Memory.Value);
    }

    [Theory]
    [InlineData(2.77e-6, "0.00000277")]
    [InlineData(8.3e-6, "0.0000083")]
    [InlineData(-1.5e-7, "-0.00000015")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.25e16, "12500000000000000")]
    [InlineData(0.5, "0.5")]
    [InlineData(1024, "1024")]
    public void Numbers_are_written_in_positional_notation(double value, string expected) => Assert.Equal(expected, YamlOutput.PlainNumber(value));

    [Fact]
    public void Positional_numbers_read_back_to_the_same_double()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 22));
            var text = YamlOutput.PlainNumber(value);
            Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_partition_the_application_does_not_have_is_reported_not_thrown()
    {
        var app = ConversionTests.LoadApp(AiSprintData.Example3).Value;
        var system = ConversionTests.Convert(AiSprintData.Example3).Value;
        var solution = new Solution(ValueList.Of(new ComponentPlacement("blurry-faces-onnx", "s1", ValueList.Of(On("h7", "computationalLayer1", "VM1", 1)))));
        var built = ProductionDeploymentBuilder.Build(solution, system, app);
        var diagnostic = Assert.Single(built.Diagnostics);
        Assert.Equal("AIS0025", diagnostic.Code);
        Assert.Empty(built.Value!.Components);
    }
}
