using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>A container of a candidate_deployments.yaml entry: what it needs and where it may run.</summary>
public sealed record CandidateContainer(ContainerRequirements Requirements, ValueList<string> CandidateExecutionResources);

/// <summary>
/// One entry under <c>Components</c>: <c>componentN</c> (a whole component) or
/// <c>componentN_partitionX_i</c> (the i-th partition of a partitioned deployment).
/// </summary>
public sealed record CandidateEntry(string Key, string Name, ValueList<int> CandidateExecutionLayers, ValueList<CandidateContainer> Containers);

/// <summary>common_config/candidate_deployments.yaml.</summary>
public sealed record CandidateDeployments(ValueList<CandidateEntry> Entries);

/// <summary>Reads and writes candidate_deployments.yaml.</summary>
public static class CandidateDeploymentsYaml
{
    /// <summary>The file's name in common_config/.</summary>
    public const string FileName = "candidate_deployments.yaml";

    /// <summary>Reads the file at <paramref name="path"/>; problems come back located in the result, never thrown.</summary>
    public static LoadResult<Located<CandidateDeployments>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    /// <summary>Parses <paramref name="text"/> as the file's content; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<CandidateDeployments>> Read(string text, string file) => YamlInput.Run(text, file, Build);

    private static CandidateDeployments? Build(DocumentNode root, NodeReader reader, SourceMap map)
    {
        reader.Members(root, "candidate deployments");
        YamlInput.CheckKeys(reader, root, "candidate_deployments.yaml", "Components");
        if (reader.Required(root, "Components", "the Components mapping") is not { } components) return null;
        map.Record(AiSprintKeys.Components, components.Location);
        var entries = new List<CandidateEntry>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in reader.Members(components, "Components"))
        {
            if (ReadEntry(member, reader, map) is not { } entry) continue;
            if (!seenNames.Add(entry.Name))
            {
                reader.Error(DiagnosticCatalog.DuplicateName, map.Locate(AiSprintKeys.EntryName(entry.Key)),
                    $"the name '{entry.Name}' of {member.Key} is used by another entry; expected unique names");
            }
            entries.Add(entry);
        }
        return new CandidateDeployments(entries.ToValueList());
    }

    private static CandidateEntry? ReadEntry(DocumentMember member, NodeReader reader, SourceMap map)
    {
        var node = member.Value;
        var where = $"Components.{member.Key}";
        reader.Members(node, where);
        if (!node.IsMapping) return null;
        map.Record(AiSprintKeys.Entry(member.Key), member.KeyLocation);
        YamlInput.CheckKeys(reader, node, where, "name", "candidateExecutionLayers", "Containers");
        var name = YamlInput.RequiredString(reader, node, "name", "the component name");
        if (NodeReader.Optional(node, "name") is { } nameNode) map.Record(AiSprintKeys.EntryName(member.Key), nameNode.Location);
        var layers = new List<int>();
        if (reader.Required(node, "candidateExecutionLayers", "the list of candidate layer numbers") is { } layersNode)
        {
            foreach (var item in reader.Items(layersNode, $"{where}.candidateExecutionLayers"))
            {
                if (reader.Integer(item, "a layer number", 1) is { } number) layers.Add(number);
            }
        }
        var containers = new List<CandidateContainer>();
        if (reader.Required(node, "Containers", "the Containers mapping") is { } containersNode)
        {
            foreach (var container in reader.Members(containersNode, $"{where}.Containers"))
            {
                if (ReadContainer(member.Key, container, reader, map) is { } c) containers.Add(c);
            }
            if (containersNode.IsMapping && containersNode.Members.Count == 0)
            {
                reader.Error(DiagnosticCatalog.MissingKey, containersNode.Location, $"{where}.Containers is empty; expected at least one container");
            }
        }
        return name is null ? null : new CandidateEntry(member.Key, name, layers.ToValueList(), containers.ToValueList());
    }

    private static CandidateContainer? ReadContainer(string entryKey, DocumentMember member, NodeReader reader, SourceMap map)
    {
        var node = member.Value;
        reader.Members(node, $"container {member.Key}");
        if (!node.IsMapping) return null;
        map.Record(AiSprintKeys.EntryContainer(entryKey, member.Key), member.KeyLocation);
        YamlInput.CheckKeys(reader, node, member.Key, [.. ContainerYaml.RequirementKeys, "candidateExecutionResources"]);
        var requirements = ContainerYaml.ReadRequirements(member.Key, node, reader);
        var resources = new List<string>();
        if (reader.Required(node, "candidateExecutionResources", "the list of candidate resource names") is { } list)
        {
            YamlInput.StringList(reader, list, $"{node.Path}.candidateExecutionResources", (resource, item) =>
            {
                resources.Add(resource);
                map.Record(AiSprintKeys.EntryCandidate(entryKey, member.Key, resource), item.Location);
            });
        }
        return requirements is null ? null : new CandidateContainer(requirements, resources.ToValueList());
    }

    /// <summary>The file's YAML text for <paramref name="deployments"/>.</summary>
    public static string Write(CandidateDeployments deployments)
    {
        var components = new YamlMappingNode();
        foreach (var entry in deployments.Entries)
        {
            var containers = new YamlMappingNode();
            foreach (var container in entry.Containers)
            {
                var node = ContainerYaml.WriteRequirements(container.Requirements);
                node.Add("candidateExecutionResources", YamlOutput.Strings(container.CandidateExecutionResources));
                containers.Add(container.Requirements.Key, node);
            }
            components.Add(entry.Key, new YamlMappingNode
            {
                { "name", YamlOutput.Str(entry.Name) },
                { "candidateExecutionLayers", YamlOutput.Numbers(entry.CandidateExecutionLayers.Select(l => (double)l)) },
                { "Containers", containers },
            });
        }
        return YamlOutput.Emit(new YamlMappingNode { { "Components", components } });
    }
}

/// <summary>The container fields shared by candidate_deployments.yaml and production_deployment.yaml.</summary>
internal static class ContainerYaml
{
    public static readonly string[] RequirementKeys =
        ["image", "memorySize", "computingUnits", "trustedExecution", "networkProtection", "fileSystemProtection", "GPURequirement"];

    public static ContainerRequirements? ReadRequirements(string key, DocumentNode node, NodeReader reader)
    {
        // image: is left empty in every example (the image is built later by the AI-SPRINT toolchain).
        var image = YamlInput.OptionalText(reader, node, "image", "the container image");
        // null: the memory is not stated (a component without [DeviceConstraints]); it constrains nothing, as 0 would.
        var memory = NodeReader.Optional(node, "memorySize") is { IsNull: true } ? 0 : reader.RequiredNumber(node, "memorySize", "the container memory (MB)", 0);
        var units = reader.RequiredNumber(node, "computingUnits", "the computing units", 0);
        var trusted = YamlInput.RequiredBoolean(reader, node, "trustedExecution", "whether trusted execution is needed");
        var network = YamlInput.RequiredBoolean(reader, node, "networkProtection", "whether network protection is needed");
        var fileSystem = YamlInput.RequiredBoolean(reader, node, "fileSystemProtection", "whether file-system protection is needed");
        var gpu = YamlInput.RequiredBoolean(reader, node, "GPURequirement", "whether a GPU is needed");
        if (memory is null || units is null || trusted is null || network is null || fileSystem is null || gpu is null) return null;
        return new ContainerRequirements
        {
            Key = key,
            Image = string.IsNullOrEmpty(image) ? null : image,
            Memory = new Megabytes(memory.Value),
            ComputingUnits = units.Value,
            TrustedExecution = trusted.Value,
            NetworkProtection = network.Value,
            FileSystemProtection = fileSystem.Value,
            GpuRequired = gpu.Value,
        };
    }

    public static YamlMappingNode WriteRequirements(ContainerRequirements r) => new()
    {
        { "image", YamlOutput.Str(r.Image) },
        // 0 MB is no memory a container runs in: the requirement was not stated, and a deployer must not read it as a limit.
        { "memorySize", r.Memory.Value > 0 ? YamlOutput.Num(r.Memory.Value) : YamlOutput.Null() },
        { "computingUnits", YamlOutput.Num(r.ComputingUnits) },
        { "trustedExecution", YamlOutput.Bool(r.TrustedExecution) },
        { "networkProtection", YamlOutput.Bool(r.NetworkProtection) },
        { "fileSystemProtection", YamlOutput.Bool(r.FileSystemProtection) },
        { "GPURequirement", YamlOutput.Bool(r.GpuRequired) },
    };
}
