using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// A constraint's predicted time split into what it is spent on, in seconds: the demands themselves (compute), waiting in
/// an edge/VM queue (M/G/1: response time less demand), FaaS cold starts (the serverless model's mean response time less
/// the warm demand) and sending data between resources (network). The parts add up to <see cref="Total"/>.
/// </summary>
/// <param name="IsGlobal">A path (global constraint) rather than a component (local constraint).</param>
public sealed record ConstraintTime(string Name, bool IsGlobal, double Threshold, double Compute, double Queueing, double ColdStart, double Network, double Total)
{
    /// <summary>Threshold minus total, in seconds; negative when the constraint is violated.</summary>
    public double Slack => Threshold - Total;
}

/// <summary>Every local and global constraint of an evaluated placement, broken down as <see cref="ConstraintTime"/> says.</summary>
public static class ConstraintBreakdown
{
    /// <summary>Components with a local constraint (in DAG order), then paths; constraints without a finite threshold are left out.</summary>
    public static IReadOnlyList<ConstraintTime> Of(PlacementEvaluation evaluation)
    {
        var problem = evaluation.Problem;
        if (evaluation.Decision is null) return [];
        var components = problem.Components.Select((_, c) => Component(evaluation, c)).ToArray();
        var result = new List<ConstraintTime>();
        foreach (var c in problem.TopologicalOrder)
        {
            if (double.IsFinite(problem.Components[c].LocalThreshold.Value)) result.Add(components[c]);
        }
        for (var p = 0; p < problem.Paths.Count; p++)
        {
            var path = problem.Paths[p];
            if (!double.IsFinite(path.Threshold.Value)) continue;
            var parts = path.Components.Select(c => components[c]).ToList();
            var between = Math.Max(0, evaluation.PathTimes[p].Value - parts.Sum(x => x.Total));
            result.Add(new ConstraintTime(path.Name, true, path.Threshold.Value, parts.Sum(x => x.Compute), parts.Sum(x => x.Queueing), parts.Sum(x => x.ColdStart),
                parts.Sum(x => x.Network) + between, evaluation.PathTimes[p].Value));
        }
        return result;
    }

    /// <summary>A component's time as the evaluator adds it up: its partitions weighted by the share of requests that reach them, then the network.</summary>
    private static ConstraintTime Component(PlacementEvaluation evaluation, int c)
    {
        var problem = evaluation.Problem;
        var component = problem.Components[c];
        var decision = evaluation.Decision!;
        var partitions = component.Deployments[decision.Deployments[c]].Partitions;
        double compute = 0, queueing = 0, cold = 0, weighted = 0;
        for (var k = 0; k < partitions.Count; k++)
        {
            var weight = k == 0 ? 1 : partitions[k].ReachProbability;
            var time = evaluation.PartitionTimes[c][k].Value;
            var resource = decision.Resources[c][k];
            var demand = partitions[k].CandidateOn(resource)?.Demand.Value ?? time;
            var extra = Math.Max(0, time - demand);
            compute += weight * Math.Min(demand, time);
            if (problem.Resources[resource].IsFaas) cold += weight * extra;
            else queueing += weight * extra;
            weighted += weight * time;
        }
        var network = Math.Max(0, evaluation.ComponentTimes[c].Value - weighted);
        return new ConstraintTime(component.Name, false, component.LocalThreshold.Value, compute, queueing, cold, network, evaluation.ComponentTimes[c].Value);
    }
}
