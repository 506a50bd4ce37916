using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>Writes the resource part read by <see cref="ResourceSystemYaml"/>, in either <see cref="ResourceSystemDialect"/>.</summary>
internal static class ResourceSystemYamlWriter
{
    public static YamlMappingNode Write(ResourceSystem system, ResourceSystemDialect dialect, params (string Key, YamlNode Value)[] extra)
    {
        var domains = new YamlMappingNode();
        foreach (var domain in system.Domains)
        {
            var node = new YamlMappingNode();
            node.AddIf("name", YamlOutput.OptStr(domain.DisplayName));
            node.Add("AccessDelay", YamlOutput.Num(domain.AccessDelay.Value));
            node.Add("Bandwidth", YamlOutput.Num(domain.Bandwidth.MegabitsPerSecond));
            if (dialect.Layout == YamlCollectionLayout.Mapping || domain.SubDomains.Count > 0)
            {
                node.Add("subNetworkDomains", YamlOutput.Strings(domain.SubDomains));
            }
            if (domain.Layers.Count > 0)
            {
                node.Add("ComputationalLayers", Collection(dialect, domain.Layers.Select(l => (l.Name, (YamlNode)WriteLayer(l, dialect)))));
            }
            domains.Add(domain.Id, node);
        }
        var result = new YamlMappingNode();
        result.AddIf("name", YamlOutput.OptStr(system.Name));
        result.Add("NetworkDomains", domains);
        foreach (var (key, value) in extra) result.Add(key, value);
        return result;
    }

    public static YamlNode Collection(ResourceSystemDialect dialect, IEnumerable<(string Key, YamlNode Value)> entries)
    {
        if (dialect.Layout == YamlCollectionLayout.Mapping)
        {
            var map = new YamlMappingNode();
            foreach (var (key, value) in entries) map.Add(key, value);
            return map;
        }
        return new YamlSequenceNode(entries.Select(e => (YamlNode)new YamlMappingNode { { e.Key, e.Value } }));
    }

    private static YamlMappingNode WriteLayer(ComputationalLayer layer, ResourceSystemDialect dialect)
    {
        var node = new YamlMappingNode();
        node.AddIf("name", YamlOutput.OptStr(layer.DisplayName));
        node.Add("number", YamlOutput.Num(layer.Number ?? 0));
        var type = layer.SourceType ?? (dialect.LayerTypeRequired ? AiSprintLayerTypes.TypeOf(layer.Kind) : null);
        node.AddIf("type", YamlOutput.OptStr(type));
        node.Add("Resources", Collection(dialect, layer.Resources.Select((r, i) => (r.Key ?? $"resource{i + 1}", (YamlNode)WriteResource(r, dialect)))));
        return node;
    }

    public static YamlMappingNode WriteResource(Resource resource, ResourceSystemDialect dialect)
    {
        var d = resource.Details;
        var node = new YamlMappingNode { { "name", YamlOutput.Str(resource.Name) } };
        switch (resource)
        {
            case FaasConfiguration f:
                node.AddIf("description", YamlOutput.OptStr(f.Description));
                node.AddIf("architecture", YamlOutput.OptStr(d.Architecture));
                node.Add("cost", YamlOutput.Num(f.Cost.Value));
                node.Add("memorySize", YamlOutput.Num(f.Memory.Value));
                node.AddIf("storageSize", YamlOutput.OptNum(d.StorageSize));
                node.AddIf("region", YamlOutput.OptStr(d.Region));
                node.Add("idleTime", YamlOutput.Num(f.IdleTimeBeforeKill.Value));
                node.Add("transitionCost", YamlOutput.Num(f.TransitionCost.Value));
                break;
            case NodeResource n:
                if (dialect.TotalNodesRequired || n.MaxNodes != 1) node.Add("totalNodes", YamlOutput.Num(n.MaxNodes));
                node.AddIf("description", YamlOutput.OptStr(n.Description));
                node.Add("cost", YamlOutput.Num(n.CostPerHour.Value));
                node.Add("memorySize", YamlOutput.Num(n.Memory.Value));
                node.AddIf("storageSize", YamlOutput.OptNum(d.StorageSize));
                node.AddIf("storageType", YamlOutput.OptStr(d.StorageType));
                node.AddIf("operatingSystemDistribution", YamlOutput.OptStr(d.OperatingSystemDistribution));
                node.AddIf("operatingSystemType", YamlOutput.OptStr(d.OperatingSystemType));
                node.AddIf("operatingSystemVersion", YamlOutput.OptStr(d.OperatingSystemVersion));
                node.AddIf("operatingSystemImageId", YamlOutput.OptStr(d.OperatingSystemImageId));
                node.AddIf("region", YamlOutput.OptStr(d.Region));
                node.Add("secureBoot", YamlOutput.Bool(n.SecureBoot));
                node.Add(dialect.MeasuredBootKey, YamlOutput.Bool(n.MeasuredBoot));
                // Only VMs are bought on spot; the appendix's edge devices carry no onSpot, and its
                // presence is what tells a VM layer from an edge layer there.
                if (n.Kind == ResourceKind.VirtualMachine || n.OnSpot) node.Add("onSpot", YamlOutput.Bool(n.OnSpot));
                if (n.Processors.Count > 0)
                {
                    node.Add("processors", Collection(dialect, n.Processors.Select(p => (p.Key, (YamlNode)WriteProcessor(p)))));
                }
                break;
        }
        return node;
    }

    private static YamlMappingNode WriteProcessor(Processor p)
    {
        var node = new YamlMappingNode();
        node.AddIf("name", YamlOutput.OptStr(p.Name));
        node.AddIf("type", YamlOutput.OptStr(p.Type));
        node.AddIf("architecture", YamlOutput.OptStr(p.Architecture));
        node.Add("computingUnits", YamlOutput.Num(p.ComputingUnits));
        node.AddIf("internalMemory", YamlOutput.OptNum(p.InternalMemory?.Gigabytes));
        node.Add("SGXFlag", YamlOutput.Bool(p.SgxFlag));
        return node;
    }
}
