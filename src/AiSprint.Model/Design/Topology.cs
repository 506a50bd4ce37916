using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>A computational layer: a set of alternative resources of one kind (at most one of them is used).</summary>
/// <param name="Name">The layer's name, unique in the design.</param>
/// <param name="Kind">The tier of every resource in the layer.</param>
/// <param name="Resources">The alternatives; a placement uses at most one of them.</param>
public sealed record ComputationalLayer(string Name, ResourceKind Kind, ValueList<Resource> Resources)
{
    /// <summary>The layer number of AI-SPRINT files (<c>number: 1</c>); null for SPACE4AI-D JSON.</summary>
    public int? Number { get; init; }
    /// <summary>The human-readable name of AI-SPRINT files (<c>name: Edge Layer</c>).</summary>
    public string? DisplayName { get; init; }
    /// <summary>AI-SPRINT's layer type (<c>Virtual</c>, <c>PhysicalAlreadyProvisioned</c>, <c>NativeCloudFunction</c>).</summary>
    public string? SourceType { get; init; }
}

/// <summary>
/// A network domain: the layers it connects, its access delay and bandwidth. AI-SPRINT nests
/// domains (<c>subNetworkDomains</c>); a domain connects its own layers and those of its sub-domains.
/// </summary>
/// <param name="Id">The domain's id, unique in the design.</param>
/// <param name="AccessDelay">The delay added to every transfer through the domain.</param>
/// <param name="Bandwidth">The domain's bandwidth.</param>
/// <param name="Layers">The names of the layers the domain connects directly.</param>
public sealed record NetworkDomain(string Id, Seconds AccessDelay, Bandwidth Bandwidth, ValueList<string> Layers)
{
    internal string? DisplayName { get; init; }
    /// <summary>The ids of the domains nested in this one (AI-SPRINT's <c>subNetworkDomains</c>).</summary>
    public ValueList<string> SubDomains { get; init; } = ValueList<string>.Empty;
}
