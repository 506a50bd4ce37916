using AiSprint.Placement.Analysis;
using AiSprint.Model.Formats.Svg;
using ScottPlot;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// A Lambda sweep as a chart (ScottPlot 5, SVG): minimum cost on the left axis and the binding constraint's response
/// time with its threshold on the right, against λ; rates without a feasible placement are crosses on the λ axis.
/// </summary>
public static class SweepChart
{
    /// <summary>The legend entries of the chart's series (tests and readers find the series by them).</summary>
    public const string CostLegend = "minimum cost", TimeLegend = "binding response time (s)", ThresholdLegend = "its threshold (s)", InfeasibleLegend = "no feasible placement";

    /// <summary>The chart as an SVG fragment of <paramref name="width"/> × <paramref name="height"/> pixels to embed in HTML, under <paramref name="title"/>.</summary>
    public static string ToSvg(IReadOnlyList<SweepPoint> points, string title, int width = 760, int height = 440) =>
        SvgFragment.Normalise(Build(points, title).GetSvgXml(width, height), "sweep");

    /// <summary>The plot before rendering: its plottables carry the sweep's values (the tests read them).</summary>
    internal static Plot Build(IReadOnlyList<SweepPoint> points, string title)
    {
        var plot = new Plot();
        var feasible = points.Where(p => p.Cost is not null).ToList();
        if (feasible.Count > 0)
        {
            var cost = plot.Add.Scatter(feasible.Select(p => p.Lambda.Value).ToArray(), feasible.Select(p => p.Cost!.Value).ToArray(), Colors.C0);
            cost.LegendText = CostLegend;
            cost.LineWidth = 2;
        }
        var binding = points.Where(p => p.ResponseTime is not null && p.Threshold is not null).ToList();
        if (binding.Count > 0)
        {
            var time = plot.Add.Scatter(binding.Select(p => p.Lambda.Value).ToArray(), binding.Select(p => p.ResponseTime!.Value.Value).ToArray(), Colors.C3);
            time.LegendText = TimeLegend;
            time.LineWidth = 2;
            time.Axes.YAxis = plot.Axes.Right;
            var threshold = plot.Add.Scatter(binding.Select(p => p.Lambda.Value).ToArray(), binding.Select(p => p.Threshold!.Value.Value).ToArray(), Colors.C3);
            threshold.LegendText = ThresholdLegend;
            threshold.LinePattern = LinePattern.Dashed;
            threshold.MarkerSize = 0;
            threshold.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "binding constraint's time (s)";
        }
        var infeasible = points.Where(p => p.Cost is null).ToList();
        if (infeasible.Count > 0)
        {
            var crosses = plot.Add.Markers(infeasible.Select(p => p.Lambda.Value).ToArray(), new double[infeasible.Count], MarkerShape.Cross, 10, Colors.Gray);
            crosses.LegendText = InfeasibleLegend;
        }
        plot.Title(title);
        plot.XLabel("λ (requests/s)");
        plot.YLabel("minimum cost");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
