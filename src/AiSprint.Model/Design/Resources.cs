using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>Which tier a resource belongs to. It decides the queueing model, the cost formula and
/// the "never back from cloud to edge" rule.</summary>
public enum ResourceKind
{
    EdgeDevice,
    VirtualMachine,
    Faas,
}

/// <summary>A processor of an edge device or VM, as AI-SPRINT's candidate_resources.yaml lists it.</summary>
public sealed record Processor(string Key, string? Name, string? Type, string? Architecture, double ComputingUnits, Megabytes? InternalMemory, bool SgxFlag);

/// <summary>
/// Descriptive facts of a host that no engine computes with but that AI-SPRINT files carry and
/// production_deployment.yaml must echo (storage, operating system, region).
/// </summary>
public sealed record HostDetails
{
    public static readonly HostDetails None = new();
    internal double? StorageSize { get; init; }
    internal string? StorageType { get; init; }
    internal string? OperatingSystemDistribution { get; init; }
    internal string? OperatingSystemType { get; init; }
    internal string? OperatingSystemVersion { get; init; }
    internal string? OperatingSystemImageId { get; init; }
    internal string? Region { get; init; }
    internal string? Architecture { get; init; }
}

/// <summary>A candidate resource: an edge device, a VM type or a FaaS configuration.</summary>
public abstract record Resource(string Name, Megabytes Memory)
{
    public abstract ResourceKind Kind { get; }
    public string? Description { get; init; }
    /// <summary>The key under which AI-SPRINT YAML lists the resource (<c>resource1</c>), if it came from there.</summary>
    public string? Key { get; init; }
    internal HostDetails Details { get; init; } = HostDetails.None;
}

/// <summary>An edge device or a VM type: a cluster of up to <see cref="MaxNodes"/> identical nodes.</summary>
public sealed record NodeResource(string Name, ResourceKind Kind, Megabytes Memory, Money CostPerHour, int MaxNodes) : Resource(Name, Memory)
{
    public override ResourceKind Kind { get; } = Kind is ResourceKind.Faas
        ? throw new ArgumentException("A FaaS configuration is a FaasConfiguration, not a NodeResource.", nameof(Kind))
        : Kind;

    /// <summary><c>n_cores</c> of SPACE4AI-D files; null when the file does not state it.</summary>
    public int? Cores { get; init; }
    public ValueList<Processor> Processors { get; init; } = ValueList<Processor>.Empty;
    public bool SecureBoot { get; init; }
    public bool MeasuredBoot { get; init; }
    internal bool OnSpot { get; init; }

    /// <summary>Any processor is SGX-capable: the resource can run trusted execution enclaves.</summary>
    public bool HasSgx => Processors.Any(p => p.SgxFlag);
}

/// <summary>
/// A FaaS configuration (a function memory size on a provider). Its cost is billed as
/// cost × warm demand × arrival rate × horizon (placement-model.md §6), so <see cref="Cost"/> is the
/// price of one hour of warm execution in the files' currency.
/// </summary>
public sealed record FaasConfiguration(string Name, Megabytes Memory, Money Cost, Seconds IdleTimeBeforeKill) : Resource(Name, Memory)
{
    public override ResourceKind Kind => ResourceKind.Faas;
    /// <summary>Cost of moving a function between configurations; parsed, used by no formula of SPACE4AI-D.</summary>
    public Money TransitionCost { get; init; }
}
