using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;

namespace AiSprint.Model.Validation;

/// <summary>
/// Checks that a solution is a placement of a given system: every component placed once with one
/// of its deployments, every partition of that deployment on a compatible resource of the stated
/// layer, replica counts within the resource's node count. It does not evaluate times or cost.
/// </summary>
public static class SolutionValidator
{
    /// <summary>Checks <paramref name="solution"/> against <paramref name="system"/> (known names, one resource per layer, compatibility, memory); problems are located through <paramref name="solutionMap"/>.</summary>
    public static IReadOnlyList<Diagnostic> Validate(Solution solution, SourceMap solutionMap, SystemDescription system)
    {
        var bag = new DiagnosticBag();
        foreach (var placement in solution.Components)
        {
            var location = solutionMap.Locate(ModelKeys.Component(placement.Component));
            var component = system.FindComponent(placement.Component);
            if (component is null)
            {
                bag.Add(DiagnosticCatalog.UnknownComponent, location, $"the solution places {placement.Component}, which the system does not define");
                continue;
            }
            var index = placement.DeploymentIndexIn(component);
            var deployment = index < 0 ? null : component.Deployments[index];
            if (deployment is null)
            {
                bag.Add(DiagnosticCatalog.UnknownPartition, location,
                    $"{placement.Component} is placed with {(placement.Deployment is null ? "partitions " + string.Join(", ", placement.Partitions.Select(p => p.Partition)) : "deployment " + placement.Deployment)}, which matches no deployment of the system; expected one of: {string.Join(", ", component.Deployments.Select(d => d.Name))}");
                continue;
            }
            CheckPartitions(placement, deployment, solutionMap, system, bag);
        }
        foreach (var missing in system.Components.Where(c => solution.FindComponent(c.Name) is null))
        {
            bag.Add(DiagnosticCatalog.InvalidValue, SourceLocation.WholeFile(solutionMap.DefaultFile), $"component {missing.Name} is not placed; expected every component of the system in the solution");
        }
        CheckReplicaConsistency(solution, solutionMap, bag);
        return bag.Items;
    }

    private static void CheckPartitions(ComponentPlacement placement, Deployment deployment, SourceMap map, SystemDescription system, DiagnosticBag bag)
    {
        foreach (var partition in deployment.Partitions.Where(p => placement.Partitions.All(q => q.Partition != p.Name)))
        {
            bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.Component(placement.Component)),
                $"partition {partition.Name} of {placement.Component}/{deployment.Name} is not placed; expected every partition of the chosen deployment");
        }
        foreach (var placed in placement.Partitions)
        {
            var location = map.Locate(ModelKeys.Partition(placement.Component, placement.Deployment ?? "", placed.Partition), ModelKeys.Component(placement.Component));
            var partition = deployment.Partitions.FirstOrDefault(p => p.Name == placed.Partition);
            if (partition is null)
            {
                bag.Add(DiagnosticCatalog.UnknownPartition, location, $"{placement.Component}/{deployment.Name} has no partition {placed.Partition}");
                continue;
            }
            var resource = system.FindResource(placed.Resource);
            if (resource is null)
            {
                bag.Add(DiagnosticCatalog.UnknownResource, location, $"{placement.Component}/{placed.Partition} is placed on {placed.Resource}, which the system does not define");
                continue;
            }
            if (partition.CandidateOn(placed.Resource) is null)
            {
                bag.Add(DiagnosticCatalog.InvalidValue, location,
                    $"{placement.Component}/{placed.Partition} is placed on {placed.Resource}, which it is not compatible with; expected one of: {string.Join(", ", partition.Candidates.Select(c => c.Resource))}");
            }
            var layer = system.LayerOf(placed.Resource)!;
            if (layer.Name != placed.Layer)
            {
                bag.Add(DiagnosticCatalog.UnknownLayer, location, $"{placed.Resource} is in {layer.Name}, not in {placed.Layer} as the solution states");
            }
            if (resource is NodeResource node && placed.Replicas is { } replicas && replicas > node.MaxNodes)
            {
                bag.Add(DiagnosticCatalog.InvalidValue, location, $"{placed.Resource} is used with {replicas} replicas but has at most {node.MaxNodes} nodes");
            }
        }
    }

    /// <summary>
    /// The authors' Python-written files give one VM different counts on different partitions
    /// (placement-model.md, errata E1/E2). Physically a resource has one cluster size: warn.
    /// </summary>
    private static void CheckReplicaConsistency(Solution solution, SourceMap map, DiagnosticBag bag)
    {
        var placements = solution.Components.SelectMany(c => c.Partitions.Select(p => (c.Component, Placement: p))).Where(x => x.Placement.Replicas is not null);
        foreach (var group in placements.GroupBy(x => x.Placement.Resource))
        {
            var counts = group.Select(x => x.Placement.Replicas!.Value).Distinct().Order().ToList();
            if (counts.Count > 1)
            {
                var first = group.First();
                bag.Add(DiagnosticCatalog.InconsistentReplicas, map.Locate(ModelKeys.Component(first.Component)),
                    $"{group.Key} has {string.Join(", ", counts)} replicas on different partitions; a resource has one cluster size (costs use the largest, {counts[^1]})");
            }
        }
    }
}
