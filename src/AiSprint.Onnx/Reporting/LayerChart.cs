using AiSprint.Model.Formats.Svg;
using ScottPlot;

namespace AiSprint.Onnx.Reporting;

/// <summary>
/// A chart along the graph in topological order (ScottPlot 5, SVG), for <c>aisprint inspect --svg</c>: one bar per node
/// for its output bytes (left axis), the cumulative forward FLOPs as a line (right axis), and each cut point as a
/// dashed vertical line after the node that produces its tensor.
/// </summary>
public static class LayerChart
{
    internal const string BytesLegend = "output bytes per node", FlopsLegend = "cumulative forward FLOPs", CutLegend = "cut point";

    /// <summary>The per-node chart (output bytes, cumulative forward FLOPs, cut points) as an SVG fragment to embed in HTML.</summary>
    public static string RenderSvg(ModelAnalysis analysis) =>
        SvgFragment.Normalise(Build(analysis).GetSvgXml(Math.Clamp(analysis.Layers.Count * 8, 960, 2400), 420), "layers");

    /// <summary>The plot before rendering: its plottables carry the per-node values (the tests read them).</summary>
    internal static Plot Build(ModelAnalysis analysis)
    {
        var layers = analysis.Layers;
        var plot = new Plot();
        var bars = plot.Add.Bars(layers.Select((l, i) => new Bar { Position = i, Value = l.OutputBytes ?? 0, FillColor = Colors.C0, LineWidth = 0 }).ToList());
        bars.LegendText = BytesLegend;
        var flops = plot.Add.Scatter(Enumerable.Range(0, layers.Count).Select(i => (double)i).ToArray(), layers.Select(l => (double)(l.CumulativeForwardFlops ?? 0)).ToArray(), Colors.C1);
        flops.LegendText = FlopsLegend;
        flops.LineWidth = 2;
        flops.MarkerSize = 0;
        flops.Axes.YAxis = plot.Axes.Right;
        var position = layers.Select((l, i) => (l.NodeIndex, i)).ToDictionary(x => x.NodeIndex, x => x.i);
        var first = true;
        foreach (var cut in analysis.CutPoints)
        {
            var line = plot.Add.VerticalLine(position[cut.ProducerIndex] + 0.5, 1, Colors.C3, LinePattern.Dashed);
            // One legend entry for all the cut points.
            if (first) line.LegendText = CutLegend;
            first = false;
        }
        plot.Title($"{analysis.ModelName}: {layers.Count} nodes in topological order, {analysis.CutPoints.Count} cut points");
        plot.XLabel("node (topological order)");
        plot.YLabel("output bytes");
        plot.Axes.Right.Label.Text = "cumulative forward FLOPs";
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
