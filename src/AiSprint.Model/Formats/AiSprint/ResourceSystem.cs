using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// A network domain as AI-SPRINT files nest it: the computational layers defined inside it and the
/// ids of its sub-domains. The design model's <see cref="NetworkDomain"/> is the flattened view.
/// </summary>
public sealed record ResourceDomain(string Id, string? DisplayName, Seconds AccessDelay, Bandwidth Bandwidth, ValueList<string> SubDomains, ValueList<ComputationalLayer> Layers);

/// <summary>
/// The <c>System</c> of candidate_resources.yaml (and the <c>Resources</c> of
/// production_deployment.yaml, and the domains of the design document's System YAML).
/// Layers are <see cref="ComputationalLayer"/>s named by their key (<c>computationalLayer1</c>),
/// the name SPACE4AI-D.yaml and SPACE4AI-D JSON use for them.
/// </summary>
public sealed record ResourceSystem(string? Name, ValueList<ResourceDomain> Domains)
{
    /// <summary>Every layer of every domain.</summary>
    public IEnumerable<ComputationalLayer> AllLayers => Domains.SelectMany(d => d.Layers);

    /// <summary>Every resource of every layer.</summary>
    public IEnumerable<Resource> AllResources => AllLayers.SelectMany(l => l.Resources);

    internal ComputationalLayer? LayerOf(string resource) => AllLayers.FirstOrDefault(l => l.Resources.Any(r => r.Name == resource));

    internal ResourceDomain? FindDomain(string id) => Domains.FirstOrDefault(d => d.Id == id);
}

/// <summary>The two ways AI-SPRINT files write collections of named things.</summary>
internal enum YamlCollectionLayout
{
    /// <summary><c>ComputationalLayers: {computationalLayer1: {...}}</c> (candidate_resources.yaml, production_deployment.yaml).</summary>
    Mapping,
    /// <summary><c>ComputationalLayers: [{computationalLayer1: {...}}]</c> (the System YAML of the design document, D2.1 appendix C).</summary>
    ListOfSingleKeyMappings,
}

/// <summary>The AI-SPRINT layer types and the resource kind each one means.</summary>
internal static class AiSprintLayerTypes
{
    public const string Physical = "PhysicalAlreadyProvisioned";
    public const string Virtual = "Virtual";
    public const string NativeCloudFunction = "NativeCloudFunction";

    public static ResourceKind? KindOf(string type) => type switch
    {
        Physical => ResourceKind.EdgeDevice,
        Virtual => ResourceKind.VirtualMachine,
        NativeCloudFunction => ResourceKind.Faas,
        _ => null,
    };

    public static string TypeOf(ResourceKind kind) => kind switch
    {
        ResourceKind.EdgeDevice => Physical,
        ResourceKind.VirtualMachine => Virtual,
        _ => NativeCloudFunction,
    };
}
