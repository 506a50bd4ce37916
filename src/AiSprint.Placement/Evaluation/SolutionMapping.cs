using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Units;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Evaluation;

/// <summary>Between solution files (<see cref="Solution"/>) and <see cref="PlacementDecision"/>s.</summary>
public static class SolutionMapping
{
    /// <summary>
    /// The decision a solution file states. Either layout of placement-model.md §7: without a
    /// deployment level, the deployment is the one whose partitions the file places.
    /// </summary>
    public static LoadResult<PlacementDecision> ToDecision(PlacementProblem problem, Solution solution, SourceMap map)
    {
        var bag = new DiagnosticBag();
        var count = problem.Components.Count;
        var deployments = new int[count];
        var resources = new int[count][];
        var replicas = new int[count][];
        for (var c = 0; c < count; c++)
        {
            var component = problem.Components[c];
            var placement = solution.FindComponent(component.Name);
            var location = map.Locate(ModelKeys.Component(component.Name));
            if (placement is null)
            {
                bag.Add(DiagnosticCatalog.InvalidValue, SourceLocation.WholeFile(map.DefaultFile), $"the solution does not place {component.Name}; expected every component");
                continue;
            }
            var s = placement.DeploymentIndexIn(problem.System.Components[c]);
            if (s < 0)
            {
                bag.Add(DiagnosticCatalog.UnknownPartition, location, $"{component.Name}'s placement matches none of its deployments");
                continue;
            }
            deployments[c] = s;
            var partitions = component.Deployments[s].Partitions;
            resources[c] = new int[partitions.Count];
            replicas[c] = new int[partitions.Count];
            for (var k = 0; k < partitions.Count; k++)
            {
                var entry = placement.Partitions.FirstOrDefault(p => p.Partition == partitions[k].Name);
                var r = entry is null ? -1 : problem.ResourceIndex(entry.Resource);
                if (r < 0)
                {
                    bag.Add(DiagnosticCatalog.UnknownResource, location, entry is null
                        ? $"{component.Name}/{partitions[k].Name} is not placed"
                        : $"{component.Name}/{partitions[k].Name} is placed on {entry.Resource}, which the system does not define");
                    continue;
                }
                resources[c][k] = r;
                replicas[c][k] = problem.Resources[r].IsFaas ? 1 : entry!.Replicas ?? 1;
            }
        }
        return new(bag.HasErrors ? null : new PlacementDecision(deployments, resources, replicas), bag.Items);
    }

    /// <summary>
    /// The solution file of an evaluation, in the layout of the authors' files: a resource entry's
    /// <c>cost</c> is the unit cost × replicas (edge/VM) or the unit price (FaaS), its <c>memory</c>
    /// the resource's memory.
    /// </summary>
    public static Solution ToSolution(PlacementEvaluation evaluation)
    {
        var problem = evaluation.Problem;
        var decision = evaluation.Decision ?? throw new ArgumentException("an evaluation that stopped at the assignment check has no solution", nameof(evaluation));
        var components = new List<ComponentPlacement>();
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var component = problem.Components[c];
            var deployment = component.Deployments[decision.Deployments[c]];
            var partitions = deployment.Partitions.Select((partition, k) =>
            {
                var resource = problem.Resources[decision.Resources[c][k]];
                var y = resource.IsFaas ? (int?)null : decision.Replicas[c][k];
                var snapshot = resource.Source is FaasConfiguration faas
                    ? new ResourceSnapshot(faas.Description, faas.Cost, faas.Memory) { IdleTimeBeforeKill = faas.IdleTimeBeforeKill, TransitionCost = faas.TransitionCost }
                    : new ResourceSnapshot(resource.Source.Description, new Money(resource.UnitCost.Value * y!.Value), resource.Memory);
                return new PartitionPlacement(partition.Name, resource.LayerName, resource.Name, y)
                {
                    ResponseTime = evaluation.PartitionTimes[c][k],
                    Snapshot = snapshot,
                };
            });
            components.Add(new ComponentPlacement(component.Name, deployment.Name, partitions.ToValueList())
            {
                ResponseTime = evaluation.ComponentTimes[c],
                Threshold = component.LocalThreshold,
            });
        }
        return new Solution(components.ToValueList())
        {
            Lambda = problem.Lambda,
            Paths = problem.Paths.Select((path, p) => new PathResult(path.Name, path.Components.Select(c => problem.Components[c].Name).ToValueList(), path.Threshold)
            {
                ResponseTime = evaluation.PathTimes[p],
            }).ToValueList(),
            TotalCost = evaluation.TotalCost,
            Feasible = evaluation.IsFeasible,
        };
    }
}
