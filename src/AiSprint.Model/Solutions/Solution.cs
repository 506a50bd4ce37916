using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>
/// The resource object a solution file prints next to a placement. Its <c>cost</c> follows the
/// writing tool's convention (placement-model.md §6–7), so it is kept as written, not recomputed.
/// </summary>
/// <param name="Description">The resource's description, if the file prints one.</param>
/// <param name="Cost">The cost as written (see the type's remarks on its convention).</param>
/// <param name="Memory">The resource's memory as written.</param>
public sealed record ResourceSnapshot(string? Description, Money Cost, Megabytes Memory)
{
    /// <summary>FaaS only.</summary>
    public Seconds? IdleTimeBeforeKill { get; init; }
    /// <summary>FaaS only.</summary>
    public Money? TransitionCost { get; init; }
}

/// <summary>Where one partition runs. <see cref="Replicas"/> is the VM/edge replica count (null for FaaS).</summary>
/// <param name="Partition">The partition's name.</param>
/// <param name="Layer">The computational layer of the resource.</param>
/// <param name="Resource">The resource's name.</param>
/// <param name="Replicas">The nodes of an edge device or VM, at least 1; null for FaaS.</param>
public sealed record PartitionPlacement(string Partition, string Layer, string Resource, int? Replicas)
{
    /// <summary>The partition's mean response time as the file reports it; null when not evaluated.</summary>
    public Seconds? ResponseTime { get; init; }
    /// <summary>The resource as the file prints it next to the placement; null when absent.</summary>
    public ResourceSnapshot? Snapshot { get; init; }
}

/// <summary>The chosen deployment of a component and the resource of each of its partitions.</summary>
/// <param name="Component">The component's name.</param>
/// <param name="Deployment">The chosen deployment's name; null in the C++ layout, which names none.</param>
/// <param name="Partitions">Where each partition of that deployment runs, in order.</param>
public sealed record ComponentPlacement(string Component, string? Deployment, ValueList<PartitionPlacement> Partitions)
{
    /// <summary>The component's mean response time as the file reports it; null when not evaluated.</summary>
    public Seconds? ResponseTime { get; init; }
    /// <summary>The local threshold the file states; <see cref="Seconds.Infinity"/> for an unconstrained component.</summary>
    public Seconds? Threshold { get; init; }

    /// <summary>
    /// The index of the deployment of <paramref name="component"/> this placement uses, or -1: the
    /// named one, or — the C++ layout names none — the one whose partitions are exactly those placed.
    /// </summary>
    public int DeploymentIndexIn(Component component)
    {
        for (var s = 0; s < component.Deployments.Count; s++)
        {
            var deployment = component.Deployments[s];
            if (Deployment is not null ? deployment.Name == Deployment
                : deployment.Partitions.Count == Partitions.Count && deployment.Partitions.All(p => Partitions.Any(q => q.Partition == p.Name)))
            {
                return s;
            }
        }
        return -1;
    }
}

/// <summary>A global constraint's path as a solution file reports it.</summary>
/// <param name="Name">The global constraint's name.</param>
/// <param name="Components">The path's components, in order.</param>
/// <param name="Threshold">The path's largest allowed response time; <see cref="Seconds.Infinity"/> when unconstrained.</param>
public sealed record PathResult(string Name, ValueList<string> Components, Seconds Threshold)
{
    /// <summary>The path's response time as the file reports it; null when not evaluated.</summary>
    public Seconds? ResponseTime { get; init; }
}

/// <summary>The two solution layouts of placement-model.md §7.</summary>
public enum SolutionFormat
{
    /// <summary>The Python tool and the authors' best_sol files: a deployment level, string costs and "inf".</summary>
    Python,
    /// <summary>The C++ tool: no deployment level, numeric cost, null for an unconstrained threshold.</summary>
    Cpp,
}

/// <summary>A placement decision and, when it was evaluated, its cost and response times.</summary>
/// <param name="Components">Every component's placement.</param>
public sealed record Solution(ValueList<ComponentPlacement> Components)
{
    /// <summary>The arrival rate the solution was computed for; null when the file does not state it.</summary>
    public RequestsPerSecond? Lambda { get; init; }
    /// <summary>The global constraints' paths with their thresholds and response times.</summary>
    public ValueList<PathResult> Paths { get; init; } = ValueList<PathResult>.Empty;
    /// <summary>The total cost over the horizon, as the file reports it; null when not evaluated.</summary>
    public Money? TotalCost { get; init; }
    /// <summary>Whether every constraint is met, as the file reports it; null when not evaluated.</summary>
    public bool? Feasible { get; init; }

    /// <summary>The placement of the component named <paramref name="name"/>, or null.</summary>
    public ComponentPlacement? FindComponent(string name) => Components.FirstOrDefault(c => c.Component == name);
}
