using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers.Inputs;

/// <summary>A resource of candidate_resources.yaml: what the feasibility rules compare requirements with.</summary>
internal sealed class CandidateResource
{
    public CandidateResource(string name, string layer, double memoryMb, bool hasSgx, bool secureBoot, bool measuredBoot, Location location)
    {
        Name = name;
        Layer = layer;
        MemoryMb = memoryMb;
        HasSgx = hasSgx;
        SecureBoot = secureBoot;
        MeasuredBoot = measuredBoot;
        Location = location;
    }

    public string Name { get; }

    /// <summary>The key of its computational layer (network domains list layers, not resources).</summary>
    public string Layer { get; }

    public double MemoryMb { get; }

    /// <summary>Some processor has <c>SGXFlag: True</c>. FaaS configurations have no processors, hence no SGX.</summary>
    public bool HasSgx { get; }

    public bool SecureBoot { get; }

    public bool MeasuredBoot { get; }

    /// <summary>SGX, or the fallback the AI-SPRINT tools accept for trusted execution: secure and measured boot together.</summary>
    public bool CanRunTrusted => AiSprint.Contract.Rules.TrustedExecution.CanRun(HasSgx, SecureBoot, MeasuredBoot);

    public Location Location { get; }
}

/// <summary>A network domain: its own layers and, through its sub-domains, theirs.</summary>
internal sealed class NetworkDomain
{
    public NetworkDomain(string id, double accessDelaySeconds, double bandwidthMbps, IReadOnlyList<string> subDomains, IReadOnlyList<string> layers)
    {
        Id = id;
        AccessDelaySeconds = accessDelaySeconds;
        BandwidthMbps = bandwidthMbps;
        SubDomains = subDomains;
        Layers = layers;
    }

    public string Id { get; }

    public double AccessDelaySeconds { get; }

    public double BandwidthMbps { get; }

    public IReadOnlyList<string> SubDomains { get; }

    public IReadOnlyList<string> Layers { get; }
}

/// <summary>The candidate resources of an application and the network between them.</summary>
internal sealed class CandidateResources
{
    private readonly Dictionary<string, CandidateResource> byName;
    private readonly Dictionary<string, HashSet<string>> layersOfDomain;

    public CandidateResources(IReadOnlyList<CandidateResource> resources, IReadOnlyList<NetworkDomain> domains)
    {
        Resources = resources;
        Domains = domains;
        byName = new Dictionary<string, CandidateResource>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (!byName.ContainsKey(resource.Name))
            {
                byName.Add(resource.Name, resource);
            }
        }

        layersOfDomain = domains.ToDictionary(d => d.Id, d => AllLayers(d, domains), StringComparer.Ordinal);
    }

    public IReadOnlyList<CandidateResource> Resources { get; }

    public IReadOnlyList<NetworkDomain> Domains { get; }

    public CandidateResource? Find(string name) => byName.TryGetValue(name, out var resource) ? resource : null;

    /// <summary>
    /// The least time (ms) to send <paramref name="megabytes"/> from <paramref name="from"/> to <paramref name="to"/>:
    /// nothing on the same resource, else the best domain holding both layers, access delay + 8·MB / Mbps
    /// (placement-model.md §4, the unit reading of the Python tool and of AiSprint.Placement). Null when no domain
    /// holds both (the placement tools reject such a pair; this analyzer then assumes no transfer time).
    /// </summary>
    public double? TransferMilliseconds(CandidateResource from, CandidateResource to, double megabytes)
    {
        if (ReferenceEquals(from, to))
        {
            return 0;
        }

        double? best = null;
        foreach (var domain in Domains)
        {
            var layers = layersOfDomain[domain.Id];
            if (layers.Contains(from.Layer) && layers.Contains(to.Layer))
            {
                var seconds = domain.AccessDelaySeconds + (8 * megabytes / domain.BandwidthMbps);
                best = best is { } b && b <= seconds * 1000 ? b : seconds * 1000;
            }
        }

        return best;
    }

    private static HashSet<string> AllLayers(NetworkDomain domain, IReadOnlyList<NetworkDomain> domains)
    {
        var layers = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<NetworkDomain>();
        pending.Push(domain);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!visited.Add(next.Id))
            {
                continue; // A cycle of sub-domains is the CLI validator's to report; here it just ends the walk.
            }

            layers.UnionWith(next.Layers);
            foreach (var sub in next.SubDomains)
            {
                if (domains.FirstOrDefault(d => d.Id == sub) is { } child)
                {
                    pending.Push(child);
                }
            }
        }

        return layers;
    }
}
