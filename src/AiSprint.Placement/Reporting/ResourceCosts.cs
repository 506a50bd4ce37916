using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Reporting;

/// <summary>What one resource of a placement costs over the horizon; <paramref name="Replicas"/> is null for FaaS.</summary>
public sealed record ResourceCost(string Resource, string Layer, string Kind, int? Replicas, double Cost);

/// <summary>The cost of every resource a placement uses, in resource order; they add up to the total cost.</summary>
public static class ResourceCosts
{
    /// <summary>The cost of every resource <paramref name="evaluation"/>'s placement uses, in resource order.</summary>
    public static IReadOnlyList<ResourceCost> Of(PlacementEvaluation evaluation)
    {
        var problem = evaluation.Problem;
        if (evaluation.Decision is null) return [];
        var result = new List<ResourceCost>();
        for (var r = 0; r < problem.Resources.Count; r++)
        {
            var resource = problem.Resources[r];
            if (resource.IsFaas)
            {
                if (PlacementReport.FaasCost(evaluation, r) is { } cost) result.Add(new ResourceCost(resource.Name, resource.LayerName, "FaaS", null, cost));
                continue;
            }
            if (evaluation.Replicas[r] == 0) continue;
            result.Add(new ResourceCost(resource.Name, resource.LayerName, resource.IsEdge ? "edge" : "VM", evaluation.Replicas[r], evaluation.NodeCosts[r].Value));
        }
        return result;
    }
}
