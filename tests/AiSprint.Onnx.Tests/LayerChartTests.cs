using System.Xml.Linq;
using AiSprint.Onnx.Reporting;
using ScottPlot.Plottables;

namespace AiSprint.Onnx.Tests;

public sealed class LayerChartTests
{
    [Fact]
    public void The_chart_has_one_bar_per_node_one_marker_per_cut_and_a_rising_flop_line()
    {
        var analysis = ReferenceModels.Shared("squeezenet1_1");

        var plot = LayerChart.Build(analysis);

        var bars = plot.GetPlottables<BarPlot>().Single();
        Assert.Equal(LayerChart.BytesLegend, bars.LegendText);
        Assert.Equal(analysis.Layers.Select(l => (double)(l.OutputBytes ?? 0)), bars.Bars.Select(b => b.Value));
        var flops = plot.GetPlottables<Scatter>().Single().Data.GetScatterPoints().Select(p => p.Y).ToArray();
        Assert.Equal(analysis.NodeCount, flops.Length);
        Assert.Equal(analysis.Layers.Select(l => (double)(l.CumulativeForwardFlops ?? 0)), flops);
        Assert.True(flops.Zip(flops.Skip(1)).All(p => p.Second >= p.First), "cumulative FLOPs never fall");
        var cuts = plot.GetPlottables<VerticalLine>().ToList();
        Assert.Equal(analysis.CutPoints.Count, cuts.Count);
        Assert.Equal(LayerChart.CutLegend, cuts[0].LegendText);
    }

    [Fact]
    public void The_svg_is_well_formed_and_names_the_model_and_its_series()
    {
        var analysis = ReferenceModels.Shared("squeezenet1_1");

        var svg = XDocument.Parse(LayerChart.RenderSvg(analysis));

        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains(texts, t => t.StartsWith(analysis.ModelName, StringComparison.Ordinal) && t.Contains($"{analysis.CutPoints.Count} cut points", StringComparison.Ordinal));
        Assert.Contains(LayerChart.BytesLegend, texts);
        Assert.Contains(LayerChart.FlopsLegend, texts);
        Assert.Contains(LayerChart.CutLegend, texts);
    }
}
