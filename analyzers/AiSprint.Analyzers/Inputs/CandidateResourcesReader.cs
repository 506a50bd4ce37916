using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// Reads the keys of candidate_resources.yaml the feasibility rules need (the full format, with every key checked, is
/// AiSprint.Model's ResourceSystemYaml, which an analyzer may not reference). Accepts both layouts the repository
/// reads: mappings, and the design document appendix's lists of single-key mappings with <c>measureBoot</c>.
/// </summary>
internal static class CandidateResourcesReader
{
    public const string FileName = "candidate_resources.yaml";

    public static ParsedFile<CandidateResources> Read(string path, SourceText text)
    {
        var yaml = YamlDocument.Load(path, text);
        var value = yaml.Root is { } root ? Build(yaml, root) : null;
        return new ParsedFile<CandidateResources>(path, value, yaml.Problems.ToImmutableArray());
    }

    private static CandidateResources? Build(YamlDocument yaml, YamlNode root)
    {
        if (yaml.Required(root, "System", FileName) is not { } system
            || yaml.Required(system, "NetworkDomains", "System") is not { } domainsNode)
        {
            return null;
        }

        var resources = new List<CandidateResource>();
        var domains = new List<NetworkDomain>();
        var names = new HashSet<string>();
        foreach (var domain in yaml.Entries(domainsNode, "NetworkDomains"))
        {
            var where = "network domain " + domain.Key;
            var layers = new List<string>();
            if (yaml.Member(domain.Value, "ComputationalLayers") is { } layersNode)
            {
                foreach (var layer in yaml.Entries(layersNode, where + ".ComputationalLayers"))
                {
                    layers.Add(layer.Key);
                    ReadLayer(yaml, layer.Key, layer.Value, resources, names);
                }
            }

            var subDomains = yaml.Member(domain.Value, "subNetworkDomains") is YamlSequenceNode subs
                ? subs.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList()
                : new List<string>();
            var accessDelay = yaml.Required(domain.Value, "AccessDelay", where) is { } delayNode ? yaml.Number(delayNode, where + " AccessDelay (s)", 0) : null;
            var bandwidth = yaml.Required(domain.Value, "Bandwidth", where) is { } bandwidthNode ? yaml.Number(bandwidthNode, where + " Bandwidth (Mbps)", double.Epsilon) : null;
            if (accessDelay is { } a && bandwidth is { } b)
            {
                domains.Add(new NetworkDomain(domain.Key, a, b, subDomains, layers));
            }
        }

        return new CandidateResources(resources, domains);
    }

    private static void ReadLayer(YamlDocument yaml, string layerKey, YamlNode layer, List<CandidateResource> resources, HashSet<string> names)
    {
        if (yaml.Required(layer, "Resources", "computational layer " + layerKey) is not { } resourcesNode)
        {
            return;
        }

        foreach (var entry in yaml.Entries(resourcesNode, layerKey + ".Resources"))
        {
            var where = "resource " + entry.Key + " of " + layerKey;
            var node = entry.Value;
            var name = yaml.Required(node, "name", where) is { } nameNode ? yaml.String(nameNode, where + " name") : null;
            var memory = yaml.Required(node, "memorySize", where) is { } memoryNode ? yaml.Number(memoryNode, where + " memorySize (MB)", 0) : null;
            var secureBoot = OptionalBoolean(yaml, node, "secureBoot", where);
            var measuredBoot = OptionalBoolean(yaml, node, "measuredBoot", where) ?? OptionalBoolean(yaml, node, "measureBoot", where);
            var sgx = false;
            if (yaml.Member(node, "processors") is { } processors)
            {
                foreach (var processor in yaml.Entries(processors, where + " processors"))
                {
                    sgx |= OptionalBoolean(yaml, processor.Value, "SGXFlag", "processor " + processor.Key + " of " + where) ?? false;
                }
            }

            if (name is null || memory is null)
            {
                continue;
            }

            if (!names.Add(name))
            {
                yaml.Problem(node, "resource '" + name + "' is defined twice; expected unique resource names");
                continue;
            }

            resources.Add(new CandidateResource(name, layerKey, memory.Value, sgx, secureBoot ?? false, measuredBoot ?? false, yaml.At(node)));
        }
    }

    private static bool? OptionalBoolean(YamlDocument yaml, YamlNode map, string key, string where) =>
        yaml.Member(map, key) is { } node ? yaml.Boolean(node, where + " " + key) : null;
}
