using System.Globalization;
using System.Text;
using AiSprint.Model.Alternatives;
using AiSprint.Placement.Alternatives;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// The report.txt section of an application with alternatives: every deployment with its metric, minimum cost and
/// largest sustainable Lambda, the chosen one, the Pareto front, and per infeasible deployment the constraint that binds.
/// No timing, so the text is byte-identical for a seed.
/// </summary>
public static class DeploymentChoiceReport
{
    /// <summary>The section's text for <paramref name="choice"/>.</summary>
    public static string Format(DeploymentChoice choice)
    {
        var text = new StringBuilder();
        var objective = choice.Objective == DeploymentObjective.HighestMetric
            ? "the highest metric with a feasible placement (ties: cheapest)"
            : "the cheapest feasible placement whose metric meets the threshold (ties: higher metric)";
        text.Append(CultureInfo.InvariantCulture,
            $"Alternative deployments: metric {choice.Metric.Name()}, threshold {(choice.Threshold is { } t ? N(t) : "none")}, Lambda {N(choice.Lambda.Value)} req/s; objective: {objective}.\n");
        var rows = choice.Outcomes.Select(o => new[]
        {
            o == choice.Chosen ? "* " + o.Deployment.Name : "  " + o.Deployment.Name,
            o.Deployment.Label,
            o.Deployment.Metric is { } m ? N(m) : "—",
            o.Cost is { } c ? N(c) : "infeasible",
            o.MaxLambda is { } l ? (o.MaxLambdaIsBound ? "" : "≥ ") + N(l.Value) : "—",
            o.Eligible ? "" : "below threshold",
        }).ToList();
        Table(text, ["  deployment", "implementations", "metric", "min cost", "max Lambda (req/s)", ""], rows);
        text.Append(choice.Chosen is { } chosen
            ? string.Create(CultureInfo.InvariantCulture, $"Chosen: {chosen.Deployment.Name} ({chosen.Deployment.Label}), {choice.Metric.Name()} {N(chosen.Deployment.Metric!.Value)}, cost {N(chosen.Cost!.Value)}; it sustains Lambda up to {(chosen.MaxLambdaIsBound ? "" : "at least ")}{N(chosen.MaxLambda!.Value.Value)} req/s.\n")
            : "Chosen: none — no deployment at or above the threshold has a feasible placement.\n");

        text.Append("\nPareto front (metric against minimum cost):\n");
        Table(text, ["  metric", "min cost", "deployment"], choice.ParetoFront.Select(o => new[] { "  " + N(o.Deployment.Metric!.Value), N(o.Cost!.Value), o.Deployment.Name }).ToList());

        var infeasible = choice.Outcomes.Where(o => !o.Feasible).ToList();
        if (infeasible.Count > 0)
        {
            text.Append("\nInfeasible deployments:\n");
            foreach (var o in infeasible) text.Append(CultureInfo.InvariantCulture, $"  {o.Deployment.Name}: {o.Infeasibility}\n");
        }
        return text.ToString();
    }

    private static void Table(StringBuilder text, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void Line(string[] cells) => text.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(header);
        foreach (var row in rows) Line(row);
    }

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
