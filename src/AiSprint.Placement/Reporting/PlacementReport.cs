using System.Globalization;
using System.Text;
using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// The readable report of an evaluated placement: feasibility, cost breakdown, every component,
/// partition and path time against its threshold with the slack, and per-resource utilisation and
/// memory. Plain text with aligned columns, identical on every run (it goes into build outputs).
/// </summary>
public static class PlacementReport
{
    public static string Format(PlacementEvaluation evaluation)
    {
        var problem = evaluation.Problem;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Lambda {N(problem.Lambda.Value)} req/s, horizon {N(problem.Time.Value)} h");
        text.AppendLine(evaluation.IsFeasible ? "feasible: yes" : $"feasible: NO ({evaluation.Violations.Count} violation(s))");
        foreach (var violation in evaluation.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {violation.Kind.ToString().ToLowerInvariant()}: {violation.Message}");
        }
        if (evaluation.Decision is not { } decision) return text.ToString();

        text.AppendLine(CultureInfo.InvariantCulture, $"total cost: {N(evaluation.TotalCost.Value)}");
        var resources = new Table("resource", "layer", "kind", "replicas", "cost", "utilisation", "memory MB");
        for (var r = 0; r < problem.Resources.Count; r++)
        {
            var resource = problem.Resources[r];
            if (resource.IsFaas)
            {
                var cost = FaasCost(evaluation, r);
                if (cost is null) continue;
                resources.Add(resource.Name, resource.LayerName, "FaaS", "-", N(cost.Value), "-", $"{N(resource.Memory.Value)} per function");
                continue;
            }
            if (evaluation.Replicas[r] == 0) continue;
            resources.Add(resource.Name, resource.LayerName, resource.IsEdge ? "edge" : "VM", evaluation.Replicas[r].ToString(CultureInfo.InvariantCulture),
                N(evaluation.NodeCosts[r]), N(evaluation.Utilisation[r]), $"{N(evaluation.MemoryUsed[r])} / {N(resource.Memory.Value)}");
        }
        text.AppendLine().AppendLine("resources in use:").Append(resources.Render());

        var components = new Table("component / partition", "deployment", "resource", "time s", "threshold s", "slack s");
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var component = problem.Components[c];
            var deployment = component.Deployments[decision.Deployments[c]];
            var threshold = component.LocalThreshold.Value;
            components.Add(component.Name, deployment.Name, "", N(evaluation.ComponentTimes[c]), Threshold(threshold), Slack(threshold, evaluation.ComponentTimes[c]));
            for (var k = 0; k < deployment.Partitions.Count; k++)
            {
                var r = decision.Resources[c][k];
                var replicas = problem.Resources[r].IsFaas ? "" : $" ×{decision.Replicas[c][k]}";
                var trust = deployment.Partitions[k].NeedsTrustedExecution ? TrustRule(problem.Resources[r]) : "";
                components.Add($"  {deployment.Partitions[k].Name}", "", problem.Resources[r].Name + replicas + trust, N(evaluation.PartitionTimes[c][k]), "", "");
            }
        }
        text.AppendLine().AppendLine("components (local constraints):").Append(components.Render());

        if (problem.Paths.Count > 0)
        {
            var paths = new Table("path", "components", "time s", "threshold s", "slack s");
            for (var p = 0; p < problem.Paths.Count; p++)
            {
                var path = problem.Paths[p];
                paths.Add(path.Name, string.Join(" -> ", path.Components.Select(c => problem.Components[c].Name)), N(evaluation.PathTimes[p]),
                    Threshold(path.Threshold.Value), Slack(path.Threshold.Value, evaluation.PathTimes[p]));
            }
            text.AppendLine().AppendLine("paths (global constraints):").Append(paths.Render());
        }
        return text.ToString();
    }

    private static double? FaasCost(PlacementEvaluation evaluation, int resource)
    {
        var problem = evaluation.Problem;
        var decision = evaluation.Decision!;
        double? total = null;
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var partitions = problem.Components[c].Deployments[decision.Deployments[c]].Partitions;
            for (var k = 0; k < partitions.Count; k++)
            {
                if (decision.Resources[c][k] != resource) continue;
                var demand = partitions[k].CandidateOn(resource)!.Value.Demand.Value;
                total = (total ?? 0) + problem.Resources[resource].UnitCost.Value * demand * problem.Components[c].ArrivalRate.Value * problem.Time.Value;
            }
        }
        return total;
    }

    /// <summary>Which rule let a resource run a partition that needs trusted execution (SGX first, the design document's fallback second).</summary>
    private static string TrustRule(Problem.ResourceSlot resource) => resource.Source switch
    {
        AiSprint.Model.NodeResource { HasSgx: true } => " (trusted: SGX)",
        AiSprint.Model.NodeResource { SecureBoot: true, MeasuredBoot: true } => " (trusted: secure + measured boot)",
        _ => " (trusted: NOT ADMISSIBLE)",
    };

    private static string Threshold(double threshold) => double.IsPositiveInfinity(threshold) ? "-" : N(threshold);

    private static string Slack(double threshold, double time) => double.IsPositiveInfinity(threshold) ? "-" : N(threshold - time);

    private static string N(double value) => double.IsPositiveInfinity(value) ? "inf" : value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Left-aligned text columns separated by two spaces.</summary>
    private sealed class Table(params string[] header)
    {
        private readonly List<string[]> _rows = [header];

        public void Add(params string[] row) => _rows.Add(row);

        public string Render()
        {
            var widths = Enumerable.Range(0, _rows[0].Length).Select(i => _rows.Max(r => r[i].Length)).ToArray();
            var text = new StringBuilder();
            foreach (var row in _rows)
            {
                text.Append("  ").AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            }
            return text.ToString();
        }
    }
}
