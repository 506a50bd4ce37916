using AiSprint.Model;
using AiSprint.Model.Units;

namespace AiSprint.Placement.Problem;

/// <summary>A candidate resource of a partition, with everything the evaluation needs precomputed.</summary>
/// <param name="Resource">Index into <see cref="PlacementProblem.Resources"/>.</param>
/// <param name="Memory">The partition's memory need on that resource (0 when the design does not say).</param>
/// <param name="Demand">Edge/VM: the service demand D (time at zero utilisation). FaaS: the warm demand.</param>
/// <param name="FaasResponseTime">FaaS only: the serverless model's mean response time at the component rate.</param>
/// <param name="Load">Edge/VM: D·λ_{c,h}, the utilisation it adds to a single replica.</param>
/// <param name="FaasCost">FaaS only: cost × warm demand × λ_c × Time (placement-model.md §6).</param>
public readonly record struct CandidateSlot(int Resource, Megabytes Memory, Seconds Demand, Seconds FaasResponseTime, double Load, double FaasCost)
{
    /// <summary>The resource's layer, copied here so the Random Greedy draw never leaves the candidate array.</summary>
    public int Layer { get; init; }
    /// <summary>The resource's tier.</summary>
    public ResourceKind Kind { get; init; }
    /// <summary>True for a FaaS configuration (no queue, no replicas).</summary>
    public bool IsFaas => Kind == ResourceKind.Faas;
    internal bool IsEdge => Kind == ResourceKind.EdgeDevice;
}

/// <summary>A partition of a deployment, in execution order.</summary>
/// <param name="ArrivalRate">λ_{c,h}: the component rate thinned by the early exits of earlier partitions.</param>
/// <param name="ReachProbability">P_k = Π_{j&lt;k}(1 − e_j): the share of the component's requests that reach it.</param>
/// <param name="DataToNext">Data sent to the next partition (non-last partitions).</param>
/// <param name="DataToSuccessor">Last partition: data sent to each successor component, by component index.</param>
public sealed record PartitionSlot(
    string Name,
    RequestsPerSecond ArrivalRate,
    double ReachProbability,
    Probability EarlyExit,
    Megabytes DataToNext,
    IReadOnlyDictionary<int, Megabytes> DataToSuccessor,
    IReadOnlyList<CandidateSlot> Candidates,
    bool NeedsTrustedExecution)
{
    /// <summary>The same candidates as an array: the search's inner loops index it directly.</summary>
    internal CandidateSlot[] CandidateArray { get; } = Candidates as CandidateSlot[] ?? [.. Candidates];

    /// <summary>The candidate on <paramref name="resource"/>, without boxing: the evaluators' inner loops call it.</summary>
    internal bool TryGetCandidate(int resource, out CandidateSlot candidate)
    {
        foreach (var slot in CandidateArray)
        {
            if (slot.Resource == resource)
            {
                candidate = slot;
                return true;
            }
        }
        candidate = default;
        return false;
    }

    /// <summary>The candidate on resource index <paramref name="resource"/>, or null when the partition cannot run there.</summary>
    public CandidateSlot? CandidateOn(int resource)
    {
        for (var i = 0; i < Candidates.Count; i++)
        {
            if (Candidates[i].Resource == resource) return Candidates[i];
        }
        return null;
    }
}

/// <summary>One deployment of a component: its partitions in execution order.</summary>
/// <param name="Name">The deployment's name in the design.</param>
/// <param name="Partitions">The partitions, first to last.</param>
public sealed record DeploymentSlot(string Name, IReadOnlyList<PartitionSlot> Partitions)
{
    internal PartitionSlot[] PartitionArray { get; } = Partitions as PartitionSlot[] ?? [.. Partitions];
}

/// <param name="Successors">Indices of the successor components in the DAG.</param>
/// <param name="LocalThreshold">The local constraint, or +∞.</param>
public sealed record ComponentSlot(string Name, RequestsPerSecond ArrivalRate, IReadOnlyList<DeploymentSlot> Deployments, IReadOnlyList<int> Successors, Seconds LocalThreshold)
{
    internal DeploymentSlot[] DeploymentArray { get; } = Deployments as DeploymentSlot[] ?? [.. Deployments];
    internal int[] SuccessorArray { get; } = Successors as int[] ?? [.. Successors];
}

/// <summary>A candidate resource, by index in <see cref="PlacementProblem.Resources"/>.</summary>
/// <param name="Name">The resource's name in the design.</param>
/// <param name="Kind">Its tier.</param>
/// <param name="Layer">Index into <see cref="PlacementProblem.Layers"/>: a placement uses at most one resource per layer.</param>
/// <param name="LayerName">The computational layer's name.</param>
/// <param name="Memory">The memory of one node (or the FaaS memory size).</param>
/// <param name="UnitCost">Edge/VM: the cost of one node per hour. FaaS: the cost per hour of warm execution.</param>
/// <param name="MaxNodes">The most replicas an edge device or VM may have; 1 for FaaS.</param>
/// <param name="Source">The resource as the design describes it.</param>
public sealed record ResourceSlot(string Name, ResourceKind Kind, int Layer, string LayerName, Megabytes Memory, Money UnitCost, int MaxNodes, Resource Source)
{
    /// <summary>True for a FaaS configuration (no queue, no replicas).</summary>
    public bool IsFaas => Kind == ResourceKind.Faas;
    /// <summary>Edge devices are the only resources a request may not return to once it reached the cloud.</summary>
    public bool IsEdge => Kind == ResourceKind.EdgeDevice;
}

/// <summary>A global constraint compiled: the path's components by index and its threshold.</summary>
/// <param name="Name">The constraint's name.</param>
/// <param name="Components">Indices into <see cref="PlacementProblem.Components"/>, in path order.</param>
/// <param name="Threshold">The path's maximum response time.</param>
public sealed record PathSlot(string Name, IReadOnlyList<int> Components, Seconds Threshold);

/// <summary>
/// A SPACE4AI-D instance compiled for evaluation and search: integer indices instead of names,
/// arrival rates, FaaS response times and network routes computed once (placement-model.md §1.3,
/// §3.2, §4). Immutable; safe to share across threads.
/// </summary>
public sealed class PlacementProblem
{
    internal PlacementProblem(SystemDescription system, RequestsPerSecond lambda, IReadOnlyList<ComponentSlot> components, IReadOnlyList<int> topologicalOrder,
        IReadOnlyList<ResourceSlot> resources, IReadOnlyList<string> layers, NetworkRoutes routes, IReadOnlyList<PathSlot> paths)
    {
        System = system;
        Lambda = lambda;
        Components = components;
        TopologicalOrder = topologicalOrder;
        Resources = resources;
        Layers = layers;
        Routes = routes;
        Paths = paths;
        ComponentArray = [.. components];
        ResourceArray = [.. resources];
        TopologicalArray = [.. topologicalOrder];
        NodeResourcesByLayer = Enumerable.Range(0, layers.Count)
            .Select(l => Enumerable.Range(0, resources.Count).Where(r => resources[r].Layer == l && !resources[r].IsFaas).ToArray())
            .ToArray();
    }

    // Array views of the lists above for the search's inner loops (no interface dispatch).
    internal ComponentSlot[] ComponentArray { get; }
    internal ResourceSlot[] ResourceArray { get; }
    internal int[] TopologicalArray { get; }
    /// <summary>Per layer, its edge/VM resources (empty for FaaS layers).</summary>
    internal int[][] NodeResourcesByLayer { get; }

    /// <summary>The design the problem was compiled from.</summary>
    public SystemDescription System { get; }
    /// <summary>The exogenous arrival rate the problem was compiled for (the design's, or a sweep's).</summary>
    public RequestsPerSecond Lambda { get; }
    /// <summary>The billing horizon every cost is multiplied by.</summary>
    public Hours Time => System.Time;
    /// <summary>The components, in the design's order; a decision indexes them the same way.</summary>
    public IReadOnlyList<ComponentSlot> Components { get; }
    /// <summary>Component indices, every component after all its predecessors.</summary>
    public IReadOnlyList<int> TopologicalOrder { get; }
    /// <summary>Every candidate resource; partitions and decisions refer to them by index.</summary>
    public IReadOnlyList<ResourceSlot> Resources { get; }
    /// <summary>The computational layers' names, by layer index.</summary>
    public IReadOnlyList<string> Layers { get; }
    internal NetworkRoutes Routes { get; }
    /// <summary>The global constraints.</summary>
    public IReadOnlyList<PathSlot> Paths { get; }

    /// <summary>
    /// The delay of sending <paramref name="size"/> from resource <paramref name="from"/> to
    /// <paramref name="to"/>: nothing on the same resource, otherwise the best shared network domain
    /// (+∞ when they share none). placement-model.md §4; both evaluators use it.
    /// </summary>
    public double TransferDelay(int from, int to, Megabytes size) =>
        from == to ? 0 : Routes.Delay(ResourceArray[from].Layer, ResourceArray[to].Layer, size).Value;

    /// <summary>The index of the component named <paramref name="name"/>, or -1 when there is none.</summary>
    public int ComponentIndex(string name)
    {
        for (var i = 0; i < Components.Count; i++)
        {
            if (Components[i].Name == name) return i;
        }
        return -1;
    }

    /// <summary>The index of the resource named <paramref name="name"/>, or -1 when there is none.</summary>
    public int ResourceIndex(string name)
    {
        for (var i = 0; i < Resources.Count; i++)
        {
            if (Resources[i].Name == name) return i;
        }
        return -1;
    }
}
