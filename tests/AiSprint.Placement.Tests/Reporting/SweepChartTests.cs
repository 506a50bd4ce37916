using System.Xml.Linq;
using AiSprint.Model.Units;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Reporting;
using ScottPlot.Plottables;

namespace AiSprint.Placement.Tests.Reporting;

public class SweepChartTests
{
    private static readonly SweepPoint[] Points =
    [
        new(new RequestsPerSecond(0.5), 3.2, "report", new Seconds(2.3), new Seconds(2.5)),
        new(new RequestsPerSecond(1), 5.3, "inspection", new Seconds(2.9), new Seconds(3)),
        new(new RequestsPerSecond(1.5), null, null, null, null),
    ];

    [Fact]
    public void The_chart_carries_the_cost_the_binding_time_its_threshold_and_the_infeasible_rates()
    {
        var plot = SweepChart.Build(Points, "wind farm");
        var scatters = plot.GetPlottables<Scatter>().ToDictionary(s => s.LegendText);

        Assert.Equal([(0.5, 3.2), (1, 5.3)], scatters[SweepChart.CostLegend].Data.GetScatterPoints().Select(p => (p.X, p.Y)));
        Assert.Equal([(0.5, 2.3), (1, 2.9)], scatters[SweepChart.TimeLegend].Data.GetScatterPoints().Select(p => (p.X, p.Y)));
        Assert.Equal([2.5, 3.0], scatters[SweepChart.ThresholdLegend].Data.GetScatterPoints().Select(p => p.Y));
        // Times share the right axis, away from the cost's scale.
        Assert.Same(plot.Axes.Right, scatters[SweepChart.TimeLegend].Axes.YAxis);
        var infeasible = plot.GetPlottables<Markers>().Single();
        Assert.Equal(SweepChart.InfeasibleLegend, infeasible.LegendText);
        Assert.Equal([1.5], infeasible.Data.GetScatterPoints().Select(p => p.X));
    }

    [Fact]
    public void The_svg_is_well_formed_has_no_declaration_and_shows_its_title_axes_and_legend()
    {
        var svg = SweepChart.ToSvg(Points, "a <b> & c");

        Assert.StartsWith("<svg", svg);
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("a <b> & c", texts);
        Assert.Contains("λ (requests/s)", texts);
        Assert.Contains(SweepChart.CostLegend, texts);
        Assert.Contains(SweepChart.InfeasibleLegend, texts);
        // The same chart gives the same bytes whatever the plotting library drew before.
        Assert.Equal(svg, SweepChart.ToSvg(Points, "a <b> & c"));
    }
}
