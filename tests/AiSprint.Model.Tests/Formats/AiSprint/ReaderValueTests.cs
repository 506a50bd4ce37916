using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Formats.AiSprint;

public class ReaderValueTests
{
    private static T Read<T>(Func<string, LoadResult<Located<T>>> read, string path) where T : class =>
        read(path).GetValueOrThrow().Value;

    [Fact]
    public void Candidate_resources_of_example_3_hold_nested_domains_and_every_resource_kind()
    {
        var system = Read(CandidateResourcesYaml.ReadFile, AiSprintData.FileOf(AiSprintData.Example3, "common_config", "candidate_resources.yaml"));
        Assert.Equal("Mask Detection Application PHD", system.Name);
        Assert.Equal(["ND1", "ND2", "ND3"], system.Domains.Select(d => d.Id));
        var nd3 = system.FindDomain("ND3")!;
        Assert.Equal(["ND1", "ND2"], nd3.SubDomains);
        Assert.Empty(nd3.Layers);
        Assert.Equal(new Bandwidth(18750), system.FindDomain("ND1")!.Bandwidth);
        Assert.Equal(150000, system.FindDomain("ND1")!.Bandwidth.MegabitsPerSecond);
        Assert.Equal(new Seconds(0.00000277), nd3.AccessDelay);

        var vm1 = Assert.IsType<NodeResource>(system.AllResources.Single(r => r.Name == "VM1"));
        Assert.Equal(new Money(1.2), vm1.CostPerHour);
        Assert.Equal(5, vm1.MaxNodes);
        Assert.Equal(new Megabytes(8192), vm1.Memory);
        Assert.Equal(ResourceKind.VirtualMachine, vm1.Kind);
        Assert.Equal("20.04", vm1.Details.OperatingSystemVersion);
        Assert.Equal("aws://us-east-1/ami-0149b2da6ceec4bb0", vm1.Details.OperatingSystemImageId);
        Assert.False(vm1.SecureBoot);
        var xeon = Assert.Single(vm1.Processors);
        Assert.Equal(("processor1", "Xeon", "amd64", 4.0, false), (xeon.Key, xeon.Name, xeon.Architecture, xeon.ComputingUnits, xeon.SgxFlag));
        Assert.Equal(64, xeon.InternalMemory!.Value.Gigabytes);

        var faas1 = Assert.IsType<FaasConfiguration>(system.AllResources.Single(r => r.Name == "AWS-FaaS1"));
        Assert.Equal(new Seconds(600), faas1.IdleTimeBeforeKill);
        Assert.Equal(new Money(0.02625), faas1.TransitionCost);
        Assert.Equal(new Money(0.0001561), faas1.Cost);
        Assert.Equal(("arm64", "Milan", 0.512), (faas1.Details.Architecture, faas1.Details.Region, faas1.Details.StorageSize!.Value));
        var layer4 = system.LayerOf("AWS-FaaS3")!;
        Assert.Equal(("computationalLayer4", 4, "NativeCloudFunction", ResourceKind.Faas), (layer4.Name, layer4.Number!.Value, layer4.SourceType, layer4.Kind));
        Assert.Equal(["resource1", "resource2", "resource3"], layer4.Resources.Select(r => r.Key));
    }

    [Fact]
    public void Application_dag_and_candidate_deployments_of_example_3()
    {
        var dag = Read(ApplicationDagYaml.ReadFile, AiSprintData.FileOf(AiSprintData.Example3, "common_config", "application_dag.yaml"));
        Assert.Equal("ai-sprint_mask_detection_app", dag.Name);
        Assert.Equal(["blurry-faces-onnx", "mask-detector-onnx", "third_component"], dag.Components);
        Assert.Equal(
            [new DagEdge("blurry-faces-onnx", "mask-detector-onnx", Probability.One), new DagEdge("mask-detector-onnx", "third_component", Probability.One)],
            dag.Dependencies);

        var deployments = Read(CandidateDeploymentsYaml.ReadFile, AiSprintData.FileOf(AiSprintData.Example3, "common_config", "candidate_deployments.yaml"));
        Assert.Equal(
            ["component1", "component1_partitionX_1", "component1_partitionX_2", "component2", "component2_partitionX_1", "component2_partitionX_2", "component3"],
            deployments.Entries.Select(e => e.Key));
        var third = deployments.Entries[^1];
        Assert.Equal("third_component", third.Name);
        Assert.Equal([4], third.CandidateExecutionLayers);
        var container = Assert.Single(third.Containers);
        Assert.Equal(["AWS-FaaS2", "AWS-FaaS3"], container.CandidateExecutionResources);
        Assert.Equal(new ContainerRequirements { Memory = new Megabytes(1024), ComputingUnits = 0.9 }, container.Requirements);
        Assert.Null(container.Requirements.Image);
    }

    [Fact]
    public void Optimizer_settings_give_layer_kinds_methods_and_seed()
    {
        var settings = Read(OptimizerSettingsYaml.ReadFile, AiSprintData.FileOf(AiSprintData.Example3, "space4ai-d", "SPACE4AI-D.yaml"));
        Assert.Equal(new Hours(1), settings.Time);
        Assert.Equal(["computationalLayer1", "computationalLayer2"], settings.EdgeResources!);
        Assert.Equal(["computationalLayer3"], settings.CloudResources!);
        Assert.Equal(["computationalLayer4"], settings.FaasResources!);
        Assert.Equal(ResourceKind.EdgeDevice, settings.KindOf("computationallayer2"));
        Assert.Equal((1, 1), (settings.Seed!.Value, settings.VerboseLevel!.Value));
        Assert.Equal(["RandomGreedy", "TabuSearch"], settings.Methods.Select(m => m.Name));
        var tabu = settings.Methods[1];
        Assert.Equal((10, 10, new Seconds(1)), (tabu.StartingPointNumber!.Value, tabu.Iterations!.Value, tabu.Duration!.Value));
        Assert.Equal([new MethodParameter("tabuSize", "50"), new MethodParameter("score", "nall")], tabu.SpecialParameters);

        var example1 = Read(OptimizerSettingsYaml.ReadFile, AiSprintData.FileOf(AiSprintData.Example1, "space4ai-d", "SPACE4AI-D.yaml"));
        Assert.Null(example1.EdgeResources);
        Assert.Equal(["computationalLayer1", "computationalLayer2"], example1.CloudResources!);
        Assert.Equal(1000, example1.Methods[0].Iterations);
        Assert.Equal(new Seconds(3600), example1.Methods[1].Duration);
    }

    [Fact]
    public void Production_deployment_and_data_sizes_of_example_3()
    {
        var production = Read(ProductionDeploymentYaml.ReadFile, AiSprintData.FileOf(AiSprintData.Example3, "space4ai-d", "production_deployment.yaml"));
        Assert.True(production.Feasible);
        Assert.Equal(
            [("component1", "VM1", 1), ("component2_partitionX_1", "VM2", 2), ("component2_partitionX_2", "VM3", 3), ("component3", "AWS-FaaS1", 4)],
            production.Components.Select(u => (u.Key, u.Containers.Single().SelectedExecutionResource, u.ExecutionLayer)));
        Assert.All(production.Resources.AllResources.OfType<NodeResource>(), r => Assert.Equal(1, r.MaxNodes));
        Assert.Equal(["AWS-FaaS1"], production.Resources.LayerOf("AWS-FaaS1")!.Resources.Select(r => r.Name));

        var sizes = Read(ComponentDataSizesYaml.ReadFile, AiSprintData.FileOf(AiSprintData.Example3, "oscarp", "components_data_size.yaml"));
        Assert.Equal(7, sizes.Sizes.Count);
        Assert.Equal(new Megabytes(13000), sizes.Of("blurry-faces-onnx_partition1_1"));
        Assert.Equal(new Megabytes(500), sizes.Of("third_component"));
    }

    [Fact]
    public void Design_document_system_yaml_reads_lists_of_single_key_mappings()
    {
        var design = Read(DesignSystemYaml.ReadFile, AiSprintData.AppendixSystem);
        var layers = design.Resources.AllLayers.ToList();
        Assert.Equal([("computationalLayer1", ResourceKind.EdgeDevice), ("computationalLayer2", ResourceKind.VirtualMachine)], layers.Select(l => (l.Name, l.Kind)));
        var raspi = Assert.IsType<NodeResource>(layers[0].Resources.Single());
        Assert.Equal(("RaspPi", 1, new Money(0.0375), "10"), (raspi.Name, raspi.MaxNodes, raspi.CostPerHour, raspi.Details.OperatingSystemVersion));
        Assert.False(raspi.MeasuredBoot);
        Assert.Equal(4, raspi.Processors.Single().InternalMemory!.Value.Gigabytes);
        Assert.Equal(new Bandwidth(1250), design.Resources.Domains.Single().Bandwidth);
        Assert.Equal([("c1", 1024.0, new[] { 1 }), ("c2", 2048.0, new[] { 1, 2 })],
            design.Containers.Select(c => (c.Component, c.Requirements.Memory.Value, c.CandidateExecutionLayers.ToArray())));
        Assert.Contains("measureBoot: false", DesignSystemYaml.Write(design));
        Assert.Contains("- computationalLayer1:", DesignSystemYaml.Write(design));
    }
}
