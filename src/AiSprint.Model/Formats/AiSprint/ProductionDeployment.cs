using AiSprint.Model.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>A container of a deployed component or partition and the resource chosen for it.</summary>
public sealed record DeployedContainer(ContainerRequirements Requirements, string SelectedExecutionResource);

/// <summary>One deployed unit: a whole component (<c>component1</c>) or a partition (<c>component2_partitionX_1</c>).</summary>
public sealed record DeployedUnit(string Key, string Name, ValueList<DeployedContainer> Containers, int ExecutionLayer);

/// <summary>
/// space4ai-d/production_deployment.yaml: the selected containers, the resources in use (with
/// <c>totalNodes</c> = the replicas chosen) and whether the solution is feasible.
/// </summary>
public sealed record ProductionDeployment(ValueList<DeployedUnit> Components, ResourceSystem Resources)
{
    /// <summary>Whether the selected solution meets every constraint; null when the file does not say.</summary>
    public bool? Feasible { get; init; }
}

/// <summary>Reads and writes production_deployment.yaml.</summary>
public static class ProductionDeploymentYaml
{
    /// <summary>The file's name in space4ai-d/.</summary>
    public const string FileName = "production_deployment.yaml";

    /// <summary>Reads the file at <paramref name="path"/>; problems come back located in the result, never thrown.</summary>
    public static LoadResult<Located<ProductionDeployment>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    /// <summary>Parses <paramref name="text"/> as the file's content; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<ProductionDeployment>> Read(string text, string file) => YamlInput.Run(text, file, Build);

    private static ProductionDeployment? Build(DocumentNode root, NodeReader reader, SourceMap map)
    {
        reader.Members(root, "the production deployment");
        YamlInput.CheckKeys(reader, root, FileName, "System");
        if (reader.Required(root, "System", "the System mapping") is not { } system) return null;
        reader.Members(system, "System");
        YamlInput.CheckKeys(reader, system, "System", "Components", "Resources", "Feasible");
        var units = new List<DeployedUnit>();
        if (reader.Required(system, "Components", "the deployed Components") is { } componentsNode)
        {
            foreach (var member in reader.Members(componentsNode, "System.Components"))
            {
                if (ReadUnit(member, reader, map) is { } unit) units.Add(unit);
            }
        }
        var resources = reader.Required(system, "Resources", "the Resources in use") is { } resourcesNode
            ? ResourceSystemYaml.Read(resourcesNode, reader, map, ResourceSystemDialect.CandidateResources)
            : null;
        var feasible = YamlInput.OptionalBoolean(reader, system, "Feasible", "whether the deployment is feasible");
        return resources is null ? null : new ProductionDeployment(units.ToValueList(), resources) { Feasible = feasible };
    }

    private static DeployedUnit? ReadUnit(DocumentMember member, NodeReader reader, SourceMap map)
    {
        var node = member.Value;
        reader.Members(node, $"deployed component {member.Key}");
        if (!node.IsMapping) return null;
        map.Record(AiSprintKeys.Deployed(member.Key), member.KeyLocation);
        YamlInput.CheckKeys(reader, node, node.Path, "name", "Containers", "executionLayer");
        var name = YamlInput.RequiredString(reader, node, "name", "the component name");
        var layer = reader.Required(node, "executionLayer", "the layer number it runs on") is { } layerNode ? reader.Integer(layerNode, "the layer number", 1) : null;
        var containers = new List<DeployedContainer>();
        if (reader.Required(node, "Containers", "the Containers mapping") is { } containersNode)
        {
            foreach (var c in reader.Members(containersNode, $"{node.Path}.Containers"))
            {
                reader.Members(c.Value, $"container {c.Key}");
                if (!c.Value.IsMapping) continue;
                YamlInput.CheckKeys(reader, c.Value, c.Value.Path, [.. ContainerYaml.RequirementKeys, "selectedExecutionResource"]);
                var requirements = ContainerYaml.ReadRequirements(c.Key, c.Value, reader);
                var resource = YamlInput.RequiredString(reader, c.Value, "selectedExecutionResource", "the selected resource name");
                if (requirements is not null && resource is not null) containers.Add(new DeployedContainer(requirements, resource));
            }
        }
        return name is null || layer is null ? null : new DeployedUnit(member.Key, name, containers.ToValueList(), layer.Value);
    }

    /// <summary>The file's YAML text for <paramref name="deployment"/>.</summary>
    public static string Write(ProductionDeployment deployment)
    {
        var components = new YamlMappingNode();
        foreach (var unit in deployment.Components)
        {
            var containers = new YamlMappingNode();
            foreach (var c in unit.Containers)
            {
                var node = ContainerYaml.WriteRequirements(c.Requirements);
                node.Add("selectedExecutionResource", YamlOutput.Str(c.SelectedExecutionResource));
                containers.Add(c.Requirements.Key, node);
            }
            components.Add(unit.Key, new YamlMappingNode
            {
                { "name", YamlOutput.Str(unit.Name) },
                { "Containers", containers },
                { "executionLayer", YamlOutput.Num(unit.ExecutionLayer) },
            });
        }
        var system = new YamlMappingNode
        {
            { "Components", components },
            { "Resources", ResourceSystemYamlWriter.Write(deployment.Resources, ResourceSystemDialect.CandidateResources) },
        };
        system.AddIf("Feasible", YamlOutput.OptBool(deployment.Feasible));
        return YamlOutput.Emit(new YamlMappingNode { { "System", system } });
    }
}
