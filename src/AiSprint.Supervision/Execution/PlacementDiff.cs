using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Execution;

/// <summary>What changes between two placements, one line per component that changes (place, deployment or replicas).</summary>
internal static class PlacementDiff
{
    public static IReadOnlyList<string> Lines(PlacementProblem before, PlacementDecision from, PlacementProblem after, PlacementDecision to)
    {
        var lines = new List<string>();
        for (var c = 0; c < after.Components.Count; c++)
        {
            var name = after.Components[c].Name;
            var b = before.ComponentIndex(name);
            var was = b >= 0 ? PlacementInForce.Describe(before, from, b) : null;
            var now = PlacementInForce.Describe(after, to, c);
            var deploymentWas = b >= 0 ? before.Components[b].Deployments[from.Deployments[b]].Name : null;
            var deploymentNow = after.Components[c].Deployments[to.Deployments[c]].Name;
            if (was == now && deploymentWas == deploymentNow) continue;
            var deployment = deploymentWas == deploymentNow ? "" : $" (deployment {deploymentWas ?? "none"} -> {deploymentNow})";
            lines.Add(was is null ? $"{name}: new, on {now}" : $"{name}: {was} -> {now}{deployment}");
        }
        foreach (var gone in before.Components.Where(c => after.ComponentIndex(c.Name) < 0))
        {
            lines.Add($"{gone.Name}: removed");
        }
        return lines;
    }
}
