using AiSprint.Model.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>A container of the design document's System YAML: one component, its requirements and its candidate layer numbers.</summary>
internal sealed record DesignContainer(string Component, ContainerRequirements Requirements, ValueList<int> CandidateExecutionLayers);

/// <summary>The System YAML of the design document (D2.1 appendix C): resources and containers in one file.</summary>
internal sealed record DesignSystem(ResourceSystem Resources, ValueList<DesignContainer> Containers);

/// <summary>
/// Reads and writes the design document's System YAML. Its ComputationalLayers, Resources,
/// processors and Containers are lists of single-key mappings, and it spells <c>measureBoot</c>.
/// </summary>
internal static class DesignSystemYaml
{
    public static LoadResult<Located<DesignSystem>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    public static LoadResult<Located<DesignSystem>> Read(string text, string file) => YamlInput.Run(text, file, (root, reader, map) =>
    {
        reader.Members(root, "the System YAML");
        YamlInput.CheckKeys(reader, root, "the System YAML", "System");
        if (reader.Required(root, "System", "the System mapping") is not { } system) return null;
        var resources = ResourceSystemYaml.Read(system, reader, map, ResourceSystemDialect.DesignDocument, "Containers");
        var containers = new List<DesignContainer>();
        if (reader.Required(system, "Containers", "the list of Containers") is { } containersNode)
        {
            foreach (var member in ResourceSystemYaml.Entries(containersNode, "System.Containers", reader, YamlCollectionLayout.ListOfSingleKeyMappings))
            {
                if (ReadContainer(member, reader, map) is { } container) containers.Add(container);
            }
        }
        return new DesignSystem(resources, containers.ToValueList());
    });

    private static DesignContainer? ReadContainer(DocumentMember member, NodeReader reader, SourceMap map)
    {
        var node = member.Value;
        reader.Members(node, $"container {member.Key}");
        if (!node.IsMapping) return null;
        YamlInput.CheckKeys(reader, node, node.Path, [.. ContainerYaml.RequirementKeys, "name", "candidateExecutionLayers"]);
        var component = YamlInput.RequiredString(reader, node, "name", "the component name");
        var requirements = ContainerYaml.ReadRequirements(member.Key, node, reader);
        var layers = new List<int>();
        if (reader.Required(node, "candidateExecutionLayers", "the list of candidate layer numbers") is { } layersNode)
        {
            foreach (var item in reader.Items(layersNode, $"{node.Path}.candidateExecutionLayers"))
            {
                if (reader.Integer(item, "a layer number", 1) is { } number) layers.Add(number);
            }
        }
        if (component is null || requirements is null) return null;
        map.Record(ModelKeys.Requirements(component, "h1"), member.KeyLocation);
        return new DesignContainer(component, requirements, layers.ToValueList());
    }

    public static string Write(DesignSystem system)
    {
        var dialect = ResourceSystemDialect.DesignDocument;
        var containers = ResourceSystemYamlWriter.Collection(dialect, system.Containers.Select(c =>
        {
            var node = new YamlMappingNode { { "name", YamlOutput.Str(c.Component) } };
            foreach (var (key, value) in ContainerYaml.WriteRequirements(c.Requirements).Children) node.Add(key, value);
            node.Add("candidateExecutionLayers", YamlOutput.Numbers(c.CandidateExecutionLayers.Select(l => (double)l)));
            return (c.Requirements.Key, (YamlNode)node);
        }));
        return YamlOutput.Emit(new YamlMappingNode { { "System", ResourceSystemYamlWriter.Write(system.Resources, dialect, ("Containers", containers)) } });
    }
}
