using System.Xml.Linq;
using AiSprint.Onnx.Reporting;

namespace AiSprint.Onnx.Tests;

public sealed class LayerChartTests
{
    [Fact]
    public void The_chart_has_one_bar_per_node_one_marker_per_cut_and_a_rising_flop_line()
    {
        var analysis = ReferenceModels.Shared("squeezenet1_1");

        var svg = XDocument.Parse(LayerChart.RenderSvg(analysis));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(analysis.NodeCount, svg.Descendants(ns + "rect").Count());
        Assert.Equal(analysis.CutPoints.Count, svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "cut-points").Elements(ns + "line").Count());
        var ys = ((string)svg.Descendants(ns + "polyline").Single().Attribute("points")!).Split(' ')
            .Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(analysis.NodeCount, ys.Length);
        Assert.True(ys.Zip(ys.Skip(1)).All(p => p.Second <= p.First), "cumulative FLOPs never fall (SVG y grows downwards)");
    }
}
