using AiSprint.Model.Alternatives;
using AiSprint.Model.Formats.Svg;
using AiSprint.Placement.Alternatives;
using ScottPlot;

namespace AiSprint.Placement.Reporting;

/// <summary>The metric against the minimum cost of each feasible deployment (ScottPlot 5, SVG): the Pareto front joined, the chosen one marked, the threshold dashed.</summary>
public static class ParetoChart
{
    /// <summary>The chart's file name beside report.txt (deploy's deployment/, place's output folder).</summary>
    public const string FileName = "pareto.svg";

    /// <summary>The chart as an SVG fragment to embed in HTML, under <paramref name="title"/>.</summary>
    public static string RenderSvg(DeploymentChoice choice, string title)
    {
        var plot = new Plot();
        var feasible = choice.Outcomes.Where(o => o.Feasible && o.Deployment.Metric is not null).ToList();
        var others = feasible.Except(choice.ParetoFront).ToList();
        if (others.Count > 0)
        {
            var dominated = plot.Add.ScatterPoints(others.Select(o => o.Cost!.Value).ToArray(), others.Select(o => o.Deployment.Metric!.Value).ToArray(), Colors.Gray);
            dominated.LegendText = "dominated";
        }
        var front = choice.ParetoFront.OrderBy(o => o.Cost).ToList();
        if (front.Count > 0)
        {
            var line = plot.Add.Scatter(front.Select(o => o.Cost!.Value).ToArray(), front.Select(o => o.Deployment.Metric!.Value).ToArray(), Colors.SteelBlue);
            line.LegendText = "Pareto front";
            line.MarkerSize = 8;
        }
        foreach (var o in feasible)
        {
            var label = plot.Add.Text(o.Deployment.Name, o.Cost!.Value, o.Deployment.Metric!.Value);
            label.LabelFontSize = 11;
            label.OffsetY = -6;
        }
        if (choice.Chosen is { } chosen)
        {
            var marker = plot.Add.Marker(chosen.Cost!.Value, chosen.Deployment.Metric!.Value, MarkerShape.OpenCircle, 18, Colors.OrangeRed);
            marker.LegendText = $"chosen: {chosen.Deployment.Name}";
        }
        if (choice.Threshold is { } threshold)
        {
            var rule = plot.Add.HorizontalLine(threshold, 1, Colors.DarkRed, LinePattern.Dashed);
            rule.LegendText = "threshold";
        }
        plot.Title(title);
        plot.XLabel("minimum cost");
        plot.YLabel(choice.Metric.Name());
        plot.ShowLegend();
        // ScottPlot numbers clip paths from a process-wide counter; renumbered per document, the file is identical for a seed.
        return SvgFragment.Normalise(plot.GetSvgXml(800, 520), "pareto");
    }
}
