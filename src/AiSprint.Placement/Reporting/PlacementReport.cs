using System.Globalization;
using System.Text;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// The readable report of an evaluated placement: feasibility, cost breakdown, every component (in DAG
/// order), partition and path time against its threshold with the slack, the network's share of each
/// time, and per-resource utilisation and memory. Plain text with aligned columns, identical on every
/// run (it goes into build outputs).
/// </summary>
public static class PlacementReport
{
    /// <summary>The report's text for <paramref name="evaluation"/>.</summary>
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
                // A FaaS cost is a few requests' GB-seconds: fixed decimals would print it as 0.
                resources.Add(resource.Name, resource.LayerName, "FaaS", "-", N(cost.Value), "-", $"{N(resource.Memory.Value)} per function");
                continue;
            }
            if (evaluation.Replicas[r] == 0) continue;
            resources.Add(resource.Name, resource.LayerName, resource.IsEdge ? "edge" : "VM", evaluation.Replicas[r].ToString(CultureInfo.InvariantCulture),
                N(evaluation.NodeCosts[r].Value), N(evaluation.Utilisation[r]), $"{N(evaluation.MemoryUsed[r].Value)} / {N(resource.Memory.Value)}");
        }
        text.AppendLine().AppendLine("resources in use:").Append(resources.Render());

        var components = new Table("component / partition", "deployment", "resource", "time s", "network s", "threshold s", "slack s");
        foreach (var c in problem.TopologicalOrder)
        {
            var component = problem.Components[c];
            var deployment = component.Deployments[decision.Deployments[c]];
            var threshold = component.LocalThreshold.Value;
            var partitions = deployment.Partitions.Count;
            components.Add(component.Name, deployment.Name + (partitions == 1 ? " (whole)" : $" ({partitions} partitions)"), "",
                N(evaluation.ComponentTimes[c].Value), N(ComponentNetwork(evaluation, c)), Threshold(threshold), Slack(threshold, evaluation.ComponentTimes[c].Value));
            for (var k = 0; k < partitions; k++)
            {
                var r = decision.Resources[c][k];
                var replicas = problem.Resources[r].IsFaas ? "" : $" ×{decision.Replicas[c][k]}";
                var trust = deployment.Partitions[k].NeedsTrustedExecution ? TrustRule(problem.Resources[r]) : "";
                components.Add($"  {deployment.Partitions[k].Name}", "", problem.Resources[r].Name + replicas + trust, N(evaluation.PartitionTimes[c][k].Value), "", "", "");
            }
        }
        text.AppendLine().AppendLine("components (local constraints), in DAG order:").Append(components.Render());
        text.AppendLine("  Names are SPACE4AI-D's: sN is a candidate deployment of the component (s1 by convention the whole component,")
            .AppendLine("  s2, s3, ... cuts of its model), hN one of its partitions. A component's time is its")
            .AppendLine("  partitions' response times (queueing included, weighted by the share of requests that reach them) plus")
            .AppendLine("  the network: sending data between partitions on different resources.");

        if (problem.Paths.Count > 0)
        {
            var paths = new Table("path", "components", "time s", "components s", "network s", "threshold s", "slack s");
            for (var p = 0; p < problem.Paths.Count; p++)
            {
                var path = problem.Paths[p];
                var compute = path.Components.Sum(c => evaluation.ComponentTimes[c].Value);
                paths.Add(path.Name, string.Join(" -> ", path.Components.Select(c => problem.Components[c].Name)), N(evaluation.PathTimes[p].Value),
                    N(compute), N(evaluation.PathTimes[p].Value - compute), Threshold(path.Threshold.Value), Slack(path.Threshold.Value, evaluation.PathTimes[p].Value));
            }
            text.AppendLine().AppendLine("paths (global constraints):").Append(paths.Render());
            text.AppendLine("  A path's time is its components' times plus the network between consecutive components on different resources:");
            foreach (var path in problem.Paths)
            {
                for (var i = 1; i < path.Components.Count; i++)
                {
                    var (a, b) = (path.Components[i - 1], path.Components[i]);
                    var (from, to) = (decision.Resources[a][^1], decision.Resources[b][0]);
                    var last = problem.Components[a].Deployments[decision.Deployments[a]].Partitions[^1];
                    var size = last.DataToSuccessor.TryGetValue(b, out var data) ? data : Megabytes.Zero;
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"    {path.Name}: {problem.Components[a].Name} -> {problem.Components[b].Name}: {N(size.Value)} MB from {problem.Resources[from].Name} to {problem.Resources[to].Name}, {N(problem.TransferDelay(from, to, size))} s");
                }
            }
        }
        return text.ToString();
    }

    /// <summary>What the evaluator charged for the partitions on a FaaS configuration (placement-model.md §6), null when none runs there.</summary>
    internal static double? FaasCost(PlacementEvaluation evaluation, int resource)
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
                total = (total ?? 0) + partitions[k].CandidateOn(resource)!.Value.FaasCost;
            }
        }
        return total;
    }

    /// <summary>The part of a component's time spent sending data between its partitions (its time less its partitions' weighted times).</summary>
    private static double ComponentNetwork(PlacementEvaluation evaluation, int c)
    {
        var partitions = evaluation.Problem.Components[c].Deployments[evaluation.Decision!.Deployments[c]].Partitions;
        var times = evaluation.PartitionTimes[c];
        var compute = times[0].Value;
        for (var k = 1; k < partitions.Count; k++) compute += partitions[k].ReachProbability * times[k].Value;
        return Math.Max(0, evaluation.ComponentTimes[c].Value - compute);
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

    /// <summary>Six decimals, or four significant digits for a smaller non-zero value (a FaaS cost, a transfer), never E notation.</summary>
    private static string N(double value)
    {
        if (double.IsPositiveInfinity(value)) return "inf";
        var magnitude = Math.Abs(value);
        var decimals = magnitude is > 0 and < 1e-3 ? Math.Min(20, 3 - (int)Math.Floor(Math.Log10(magnitude))) : 6;
        return value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

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
