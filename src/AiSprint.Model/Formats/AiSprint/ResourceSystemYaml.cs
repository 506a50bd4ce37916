using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>Reads the resource part in either <see cref="ResourceSystemDialect"/>; <see cref="ResourceSystemYamlWriter"/> writes it.</summary>
internal static class ResourceSystemYaml
{
    private static readonly string[] SystemKeys = ["name", "NetworkDomains"];
    private static readonly string[] DomainKeys = ["name", "AccessDelay", "Bandwidth", "subNetworkDomains", "ComputationalLayers"];
    private static readonly string[] LayerKeys = ["name", "number", "type", "Resources"];
    private static readonly string[] FaasKeys = ["name", "description", "architecture", "cost", "memorySize", "storageSize", "region", "idleTime", "transitionCost"];
    private static readonly string[] ProcessorKeys = ["name", "type", "architecture", "computingUnits", "internalMemory", "SGXFlag"];

    private static string[] NodeKeys(ResourceSystemDialect dialect) =>
    [
        "name", "totalNodes", "description", "cost", "memorySize", "storageSize", "storageType",
        "operatingSystemDistribution", "operatingSystemType", "operatingSystemVersion", "operatingSystemImageId",
        "secureBoot", dialect.MeasuredBootKey, "onSpot", "processors",
    ];

    /// <summary>
    /// Reads a mapping holding <c>name</c> and <c>NetworkDomains</c>. <paramref name="extraKeys"/>
    /// are keys the enclosing format puts beside them (the appendix's <c>Containers</c>).
    /// </summary>
    public static ResourceSystem Read(DocumentNode system, NodeReader reader, SourceMap map, ResourceSystemDialect dialect, params string[] extraKeys)
    {
        reader.Members(system, "System");
        YamlInput.CheckKeys(reader, system, system.Path, [.. SystemKeys, .. extraKeys]);
        var name = YamlInput.OptionalText(reader, system, "name", "the system name");
        var domains = new List<ResourceDomain>();
        var layerKeys = new HashSet<string>(StringComparer.Ordinal);
        var resourceNames = new HashSet<string>(StringComparer.Ordinal);
        if (reader.Required(system, "NetworkDomains", "the NetworkDomains mapping") is { } domainsNode)
        {
            foreach (var member in reader.Members(domainsNode, "NetworkDomains"))
            {
                if (ReadDomain(member, reader, map, dialect, layerKeys, resourceNames) is { } domain) domains.Add(domain);
            }
        }
        CheckSubDomains(domains, reader, map);
        return new ResourceSystem(name, domains.ToValueList());
    }

    private static void CheckSubDomains(List<ResourceDomain> domains, NodeReader reader, SourceMap map)
    {
        foreach (var domain in domains)
        {
            foreach (var sub in domain.SubDomains)
            {
                if (!domains.Any(d => d.Id == sub))
                {
                    reader.Error(DiagnosticCatalog.UnknownLayer, map.Locate(AiSprintKeys.SubDomain(domain.Id, sub)),
                        $"sub-domain '{sub}' of {domain.Id} is not defined; expected one of {string.Join(", ", domains.Select(d => d.Id))}");
                }
            }
        }
    }

    private static ResourceDomain? ReadDomain(DocumentMember member, NodeReader reader, SourceMap map, ResourceSystemDialect dialect, HashSet<string> layerKeys, HashSet<string> resourceNames)
    {
        var node = member.Value;
        var where = node.Path;
        reader.Members(node, $"network domain {member.Key}");
        if (!node.IsMapping) return null;
        map.Record(ModelKeys.Domain(member.Key), member.KeyLocation);
        YamlInput.CheckKeys(reader, node, where, DomainKeys);
        var displayName = YamlInput.OptionalText(reader, node, "name", "the domain name");
        var accessDelay = reader.RequiredNumber(node, "AccessDelay", "the access delay (s)", 0);
        // Bandwidth is stated in Mbps; zero would make every transfer take forever.
        var bandwidth = reader.RequiredNumber(node, "Bandwidth", "the bandwidth (Mbps)", double.Epsilon);
        var subDomains = NodeReader.Optional(node, "subNetworkDomains") is { } subNode
            ? YamlInput.StringList(reader, subNode, $"{where}.subNetworkDomains", (sub, item) => map.Record(AiSprintKeys.SubDomain(member.Key, sub), item.Location))
            : ValueList<string>.Empty;
        var layers = new List<ComputationalLayer>();
        if (NodeReader.Optional(node, "ComputationalLayers") is { IsNull: false } layersNode)
        {
            foreach (var layerMember in Entries(layersNode, $"{where}.ComputationalLayers", reader, dialect.Layout))
            {
                if (!layerKeys.Add(layerMember.Key))
                {
                    reader.Error(DiagnosticCatalog.DuplicateName, layerMember.KeyLocation, $"layer '{layerMember.Key}' is defined twice; expected unique layer keys");
                    continue;
                }
                map.Record(ModelKeys.DomainLayer(member.Key, layerMember.Key), layerMember.KeyLocation);
                if (ReadLayer(layerMember, reader, map, dialect, resourceNames) is { } layer) layers.Add(layer);
            }
        }
        if (accessDelay is null || bandwidth is null) return null;
        return new ResourceDomain(member.Key, displayName, new Seconds(accessDelay.Value), Bandwidth.FromMegabitsPerSecond(bandwidth.Value), subDomains, layers.ToValueList());
    }

    /// <summary>The named children of a collection in either layout.</summary>
    public static IEnumerable<DocumentMember> Entries(DocumentNode node, string what, NodeReader reader, YamlCollectionLayout layout)
    {
        if (layout == YamlCollectionLayout.Mapping) return reader.Members(node, what);
        var result = new List<DocumentMember>();
        foreach (var item in reader.Items(node, what))
        {
            if (!item.IsMapping || item.Members.Count != 1)
            {
                reader.WrongType(item, "a mapping with a single key (- name: {...})");
                continue;
            }
            result.Add(item.Members[0]);
        }
        return result;
    }

    private static ComputationalLayer? ReadLayer(DocumentMember member, NodeReader reader, SourceMap map, ResourceSystemDialect dialect, HashSet<string> resourceNames)
    {
        var node = member.Value;
        var where = node.Path;
        reader.Members(node, $"computational layer {member.Key}");
        if (!node.IsMapping) return null;
        map.Record(ModelKeys.Layer(member.Key), member.KeyLocation);
        YamlInput.CheckKeys(reader, node, where, LayerKeys);
        var displayName = YamlInput.OptionalText(reader, node, "name", "the layer name");
        var number = reader.Required(node, "number", "the layer number") is { } numberNode ? reader.Integer(numberNode, "the layer number", 1) : null;
        string? type = null;
        ResourceKind? kind = null;
        var typeNode = dialect.LayerTypeRequired ? reader.Required(node, "type", "the layer type") : NodeReader.Optional(node, "type");
        if (typeNode is not null && reader.String(typeNode, "the layer type") is { } typeText)
        {
            type = typeText;
            kind = AiSprintLayerTypes.KindOf(typeText);
            if (kind is null)
            {
                reader.Error(DiagnosticCatalog.InvalidValue, typeNode.Location,
                    $"{typeNode.Path} is '{typeText}'; expected {AiSprintLayerTypes.Physical}, {AiSprintLayerTypes.Virtual} or {AiSprintLayerTypes.NativeCloudFunction}");
            }
        }
        var resourcesNode = reader.Required(node, "Resources", "the Resources of the layer");
        var entries = resourcesNode is null ? [] : Entries(resourcesNode, $"{where}.Resources", reader, dialect.Layout).ToList();
        // The appendix format states no layer type: a layer of functions is recognised by its
        // idle times, and a VM (which may be bought on spot) by onSpot; the rest are edge devices.
        kind ??= entries.Any(e => NodeReader.Optional(e.Value, "idleTime") is not null) ? ResourceKind.Faas
            : entries.Any(e => NodeReader.Optional(e.Value, "onSpot") is not null) ? ResourceKind.VirtualMachine
            : ResourceKind.EdgeDevice;
        var resources = new List<Resource>();
        foreach (var entry in entries)
        {
            var resource = kind == ResourceKind.Faas ? ReadFaas(entry, reader) : ReadNode(entry, kind.Value, reader, dialect);
            if (resource is null) continue;
            if (!resourceNames.Add(resource.Name))
            {
                reader.Error(DiagnosticCatalog.DuplicateName, entry.KeyLocation, $"resource '{resource.Name}' is defined twice; expected unique resource names");
                continue;
            }
            map.Record(ModelKeys.Resource(resource.Name), entry.KeyLocation);
            resources.Add(resource);
        }
        if (number is null) return null;
        return new ComputationalLayer(member.Key, kind.Value, resources.ToValueList())
        {
            Number = number,
            DisplayName = displayName,
            SourceType = type,
        };
    }

    private static HostDetails ReadDetails(DocumentNode node, NodeReader reader, string? architecture = null) => new()
    {
        StorageSize = YamlInput.OptionalNumber(reader, node, "storageSize", "the storage size", 0),
        StorageType = YamlInput.OptionalText(reader, node, "storageType", "the storage type"),
        OperatingSystemDistribution = YamlInput.OptionalText(reader, node, "operatingSystemDistribution", "the OS distribution"),
        OperatingSystemType = YamlInput.OptionalText(reader, node, "operatingSystemType", "the OS type"),
        OperatingSystemVersion = YamlInput.OptionalText(reader, node, "operatingSystemVersion", "the OS version"),
        OperatingSystemImageId = YamlInput.OptionalText(reader, node, "operatingSystemImageId", "the OS image id"),
        Region = YamlInput.OptionalText(reader, node, "region", "the region"),
        Architecture = architecture,
    };

    private static Resource? ReadNode(DocumentMember member, ResourceKind kind, NodeReader reader, ResourceSystemDialect dialect)
    {
        var node = member.Value;
        reader.Members(node, $"resource {member.Key}");
        if (!node.IsMapping) return null;
        YamlInput.CheckKeys(reader, node, node.Path, NodeKeys(dialect));
        var name = YamlInput.RequiredString(reader, node, "name", "the resource name");
        // The appendix lists one device or VM per resource, so a missing totalNodes means one node.
        int? totalNodes = dialect.TotalNodesRequired || NodeReader.Optional(node, "totalNodes") is not null
            ? reader.Required(node, "totalNodes", "the number of nodes") is { } totalNode ? reader.Integer(totalNode, "the number of nodes", 1) : null
            : 1;
        var cost = reader.RequiredNumber(node, "cost", "the cost per hour", 0);
        var memory = reader.RequiredNumber(node, "memorySize", "the memory (MB)", 0);
        var processors = new List<Processor>();
        if (NodeReader.Optional(node, "processors") is { IsNull: false } processorsNode)
        {
            foreach (var p in Entries(processorsNode, $"{node.Path}.processors", reader, dialect.Layout))
            {
                if (ReadProcessor(p, reader) is { } processor) processors.Add(processor);
            }
        }
        var details = ReadDetails(node, reader);
        var secureBoot = YamlInput.OptionalBoolean(reader, node, "secureBoot", "whether secure boot is on") ?? false;
        var measuredBoot = YamlInput.OptionalBoolean(reader, node, dialect.MeasuredBootKey, "whether measured boot is on") ?? false;
        var onSpot = YamlInput.OptionalBoolean(reader, node, "onSpot", "whether the VM is a spot instance") ?? false;
        if (name is null || totalNodes is null || cost is null || memory is null) return null;
        return new NodeResource(name, kind, new Megabytes(memory.Value), new Money(cost.Value), totalNodes.Value)
        {
            Key = member.Key,
            Description = YamlInput.OptionalText(reader, node, "description", "the description"),
            Details = details,
            Processors = processors.ToValueList(),
            SecureBoot = secureBoot,
            MeasuredBoot = measuredBoot,
            OnSpot = onSpot,
        };
    }

    private static Processor? ReadProcessor(DocumentMember member, NodeReader reader)
    {
        var node = member.Value;
        reader.Members(node, $"processor {member.Key}");
        if (!node.IsMapping) return null;
        YamlInput.CheckKeys(reader, node, node.Path, ProcessorKeys);
        var units = reader.RequiredNumber(node, "computingUnits", "the computing units", 0);
        // internalMemory is in GB in every file (4 for a Raspberry Pi 4, 64 for a Xeon host).
        var internalMemory = YamlInput.OptionalNumber(reader, node, "internalMemory", "the internal memory (GB)", 0);
        var sgx = YamlInput.OptionalBoolean(reader, node, "SGXFlag", "whether the processor has SGX") ?? false;
        if (units is null) return null;
        return new Processor(member.Key,
            YamlInput.OptionalText(reader, node, "name", "the processor name"),
            YamlInput.OptionalText(reader, node, "type", "the processor type"),
            YamlInput.OptionalText(reader, node, "architecture", "the architecture"),
            units.Value,
            internalMemory is null ? null : Megabytes.FromGigabytes(internalMemory.Value),
            sgx);
    }

    private static Resource? ReadFaas(DocumentMember member, NodeReader reader)
    {
        var node = member.Value;
        reader.Members(node, $"resource {member.Key}");
        if (!node.IsMapping) return null;
        YamlInput.CheckKeys(reader, node, node.Path, FaasKeys);
        var name = YamlInput.RequiredString(reader, node, "name", "the function configuration name");
        var cost = reader.RequiredNumber(node, "cost", "the cost", 0);
        var memory = reader.RequiredNumber(node, "memorySize", "the memory (MB)", 0);
        var idle = reader.RequiredNumber(node, "idleTime", "the idle time before kill (s)", 0);
        var transition = YamlInput.OptionalNumber(reader, node, "transitionCost", "the transition cost", 0) ?? 0;
        var details = ReadDetails(node, reader, YamlInput.OptionalText(reader, node, "architecture", "the architecture"));
        if (name is null || cost is null || memory is null || idle is null) return null;
        return new FaasConfiguration(name, new Megabytes(memory.Value), new Money(cost.Value), new Seconds(idle.Value))
        {
            Key = member.Key,
            Description = YamlInput.OptionalText(reader, node, "description", "the description"),
            TransitionCost = new Money(transition),
            Details = details,
        };
    }
}
