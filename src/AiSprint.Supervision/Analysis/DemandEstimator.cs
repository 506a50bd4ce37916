using AiSprint.Supervision.Monitoring;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Analysis;

/// <summary>
/// The service demand D of each component on the edge device or VM it runs on, from its measured throughput X and mean
/// response time R over the window, by inverting the placement model's own queue (placement-model.md §3.1): with
/// R_c = D_c / (1 − U) and U = Σ_c X_c·D_c / y on a resource of y replicas, U = A / (1 + A) where A = Σ_c X_c·R_c / y
/// (Little's law: the mean number of requests in one replica), hence D_c = R_c / (1 + A). At low utilisation A → 0 and
/// D is the mean duration; under load it removes the queueing the model itself adds back. Components with several
/// partitions or on FaaS are not estimated (their timers measure no single resource's demand).
/// </summary>
internal static class DemandEstimator
{
    public static IReadOnlyList<DemandEstimate> Estimate(PlacementInForce inForce, Observation observation, int minimumCalls)
    {
        var measured = observation.Components
            .GroupBy(m => m.Component, StringComparer.Ordinal)
            .Select(g => (Component: g.Key, X: g.Sum(m => m.Throughput), Calls: g.Sum(m => m.Calls),
                R: g.Where(m => m.MeanResponseTime is not null).Sum(m => m.Throughput * m.MeanResponseTime!.Value.Value) / Math.Max(1e-12, g.Where(m => m.MeanResponseTime is not null).Sum(m => m.Throughput))))
            .Where(m => m.Calls >= minimumCalls && m.X > 0 && double.IsFinite(m.R) && m.R > 0)
            .ToDictionary(m => m.Component, StringComparer.Ordinal);

        var byResource = new Dictionary<string, List<(string Component, double Design, int Replicas)>>(StringComparer.Ordinal);
        for (var c = 0; c < inForce.Problem.Components.Count; c++)
        {
            if (inForce.SingleNodeDemand(c) is not { } node) continue;
            if (!byResource.TryGetValue(node.Resource, out var list)) byResource[node.Resource] = list = [];
            list.Add((inForce.Problem.Components[c].Name, node.Demand, node.Replicas));
        }

        var estimates = new List<DemandEstimate>();
        foreach (var (resource, components) in byResource.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // One count per resource (the optimiser keeps them equal); the largest if a hand-written file does not.
            var replicas = Math.Max(1, components.Max(c => c.Replicas));
            var inSystem = components.Where(c => measured.ContainsKey(c.Component)).Sum(c => measured[c.Component].X * measured[c.Component].R) / replicas;
            foreach (var (component, design, _) in components.Where(c => measured.ContainsKey(c.Component)))
            {
                estimates.Add(new DemandEstimate(component, resource, measured[component].R / (1 + inSystem), design, inSystem / (1 + inSystem)));
            }
        }
        return estimates;
    }
}
