using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>Which tier a resource belongs to. It decides the queueing model, the cost formula and
/// the "never back from cloud to edge" rule.</summary>
public enum ResourceKind
{
    /// <summary>An edge device: owned hardware, paid per hour whether used or not, modelled as an M/G/1 queue.</summary>
    EdgeDevice,
    /// <summary>A cloud VM type: rented per node-hour, modelled as an M/G/1 queue; placement may not go back from cloud to edge.</summary>
    VirtualMachine,
    /// <summary>A FaaS configuration: billed per warm second of execution, with a cold-start model.</summary>
    Faas,
}

/// <summary>A processor of an edge device or VM, as AI-SPRINT's candidate_resources.yaml lists it.</summary>
/// <param name="Key">The processor's key in the file (<c>processor1</c>).</param>
/// <param name="Name">The model name, if given.</param>
/// <param name="Type">The processor type as the file states it, if given.</param>
/// <param name="Architecture">The architecture as the file states it (e.g. <c>amd64</c>), if given.</param>
/// <param name="ComputingUnits">Its cores.</param>
/// <param name="InternalMemory">A GPU's own memory; null when not stated.</param>
/// <param name="SgxFlag">The processor supports Intel SGX enclaves (trusted execution).</param>
public sealed record Processor(string Key, string? Name, string? Type, string? Architecture, double ComputingUnits, Megabytes? InternalMemory, bool SgxFlag);

/// <summary>
/// Descriptive facts of a host that no engine computes with but that AI-SPRINT files carry and
/// production_deployment.yaml must echo (storage, operating system, region).
/// </summary>
public sealed record HostDetails
{
    /// <summary>A host with no descriptive facts.</summary>
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
/// <param name="Name">The resource's name, unique in the design.</param>
/// <param name="Memory">The memory of one node, or the FaaS memory size.</param>
public abstract record Resource(string Name, Megabytes Memory)
{
    /// <summary>The tier the resource belongs to.</summary>
    public abstract ResourceKind Kind { get; }
    /// <summary>The free-text description the file gives, if any.</summary>
    public string? Description { get; init; }
    /// <summary>The key under which AI-SPRINT YAML lists the resource (<c>resource1</c>), if it came from there.</summary>
    public string? Key { get; init; }
    internal HostDetails Details { get; init; } = HostDetails.None;
}

/// <summary>An edge device or a VM type: a cluster of up to <see cref="MaxNodes"/> identical nodes.</summary>
/// <param name="Kind"><see cref="ResourceKind.EdgeDevice"/> or <see cref="ResourceKind.VirtualMachine"/>.</param>
/// <param name="CostPerHour">The cost of one node for one hour, in the files' currency.</param>
/// <param name="MaxNodes">The most replicas a placement may use, at least 1.</param>
public sealed record NodeResource(string Name, ResourceKind Kind, Megabytes Memory, Money CostPerHour, int MaxNodes) : Resource(Name, Memory)
{
    /// <inheritdoc/>
    public override ResourceKind Kind { get; } = Kind is ResourceKind.Faas
        ? throw new ArgumentException("A FaaS configuration is a FaasConfiguration, not a NodeResource.", nameof(Kind))
        : Kind;

    /// <summary><c>n_cores</c> of SPACE4AI-D files; null when the file does not state it.</summary>
    public int? Cores { get; init; }
    /// <summary>The processors of one node (AI-SPRINT's <c>processors</c>); empty when the file lists none.</summary>
    public ValueList<Processor> Processors { get; init; } = ValueList<Processor>.Empty;
    /// <summary>The node has secure boot; with <see cref="MeasuredBoot"/> it counts as trusted when no processor has SGX.</summary>
    public bool SecureBoot { get; init; }
    /// <summary>The node has measured boot; with <see cref="SecureBoot"/> it counts as trusted when no processor has SGX.</summary>
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
/// <param name="Cost">The price of one hour of warm execution, in the files' currency.</param>
/// <param name="IdleTimeBeforeKill">How long an idle instance stays warm before the platform stops it.</param>
public sealed record FaasConfiguration(string Name, Megabytes Memory, Money Cost, Seconds IdleTimeBeforeKill) : Resource(Name, Memory)
{
    /// <inheritdoc/>
    public override ResourceKind Kind => ResourceKind.Faas;
    /// <summary>Cost of moving a function between configurations; parsed, used by no formula of SPACE4AI-D.</summary>
    public Money TransitionCost { get; init; }
}
