using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>
/// What a container needs from the resource that runs it (AI-SPRINT candidate_deployments.yaml).
/// The security flags narrow compatibility: trusted execution needs SGX (or, as the design
/// document's fallback, secure and measured boot).
/// </summary>
public sealed record ContainerRequirements
{
    /// <summary>The container image (<c>image</c>), when the file names one.</summary>
    public string? Image { get; init; }
    /// <summary>The memory the container needs on its resource (<c>memorySize</c>, MB).</summary>
    public Megabytes Memory { get; init; }
    /// <summary>The computing units (cores) the container needs (<c>computingUnits</c>).</summary>
    public double ComputingUnits { get; init; }
    /// <summary>The container must run in a trusted execution environment (<c>trustedExecution</c>): only SGX-capable resources, or those with secure and measured boot, are compatible.</summary>
    public bool TrustedExecution { get; init; }
    internal bool NetworkProtection { get; init; }
    internal bool FileSystemProtection { get; init; }
    internal bool GpuRequired { get; init; }
    /// <summary>The key of the container in its file (<c>container1</c>).</summary>
    public string Key { get; init; } = "container1";

    internal bool NeedsSecurity => TrustedExecution || NetworkProtection || FileSystemProtection;
}

/// <summary>Data sent from a partition to the next partition or to a successor component.</summary>
/// <param name="Target">The next partition's name, or the successor component's.</param>
/// <param name="Size">The data sent per request.</param>
public sealed record DataTransfer(string Target, Megabytes Size);

/// <summary>
/// One resource a partition may run on: the memory it needs there and how its time is computed
/// there (null when the design has no demand for it yet).
/// </summary>
/// <param name="Resource">The resource's name.</param>
/// <param name="Memory">The memory the partition needs there; null when the design does not say.</param>
/// <param name="Performance">How its response time there is computed; null when no demand is known yet (AIS0017 at placement).</param>
public sealed record PartitionCandidate(string Resource, Megabytes? Memory, PerformanceModel? Performance);

/// <summary>
/// A piece of a component's DNN. <see cref="EarlyExitProbability"/> is the probability that
/// inference stops after this partition. <see cref="Outputs"/> of a non-last partition hold the
/// next partition; those of the last partition hold the successor components.
/// </summary>
/// <param name="Name">The partition's name, unique within its deployment.</param>
/// <param name="EarlyExitProbability">The probability that inference stops after this partition, in [0, 1]; 0 for a network without early exits.</param>
/// <param name="Outputs">The data sent on: to the next partition, or from the last one to each successor component.</param>
/// <param name="Candidates">The resources the partition may run on.</param>
public sealed record Partition(string Name, Probability EarlyExitProbability, ValueList<DataTransfer> Outputs, ValueList<PartitionCandidate> Candidates)
{
    /// <summary>What the partition's container needs, when the source format states it per partition (AI-SPRINT YAML); null otherwise.</summary>
    public ContainerRequirements? Requirements { get; init; }

    /// <summary>The size of the result a sink's last partition produces (it has no successor to send it to).</summary>
    public Megabytes? ResultSize { get; init; }

    /// <summary>The candidate for <paramref name="resource"/>, or null when the partition cannot run there.</summary>
    public PartitionCandidate? CandidateOn(string resource) => Candidates.FirstOrDefault(c => c.Resource == resource);
}

/// <summary>A way to run a component: its partitions in execution order.</summary>
/// <param name="Name">The deployment's name, unique within its component.</param>
/// <param name="Partitions">Its partitions, first to last; a whole-model deployment has one.</param>
public sealed record Deployment(string Name, ValueList<Partition> Partitions);

/// <summary>A component of the application (a node of the DAG) and its candidate deployments.</summary>
/// <param name="Name">The component's name, unique in the application.</param>
/// <param name="Deployments">Its candidate deployments; placement chooses exactly one.</param>
public sealed record Component(string Name, ValueList<Deployment> Deployments)
{
    /// <summary>The partitions of every deployment, deployment by deployment.</summary>
    public IEnumerable<Partition> AllPartitions => Deployments.SelectMany(d => d.Partitions);
}
