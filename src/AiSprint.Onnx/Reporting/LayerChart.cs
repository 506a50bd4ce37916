using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace AiSprint.Onnx.Reporting;

/// <summary>
/// An SVG chart along the graph (topological order): one bar per node for its output bytes, the cumulative
/// forward FLOPs as a line, and the cut points as vertical markers; for <c>aisprint inspect</c>.
/// </summary>
public static class LayerChart
{
    private const double Width = 960, Height = 360, Left = 70, Right = 70, Top = 30, Bottom = 40;

    public static string RenderSvg(ModelAnalysis analysis)
    {
        var layers = analysis.Layers;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = plotWidth / Math.Max(1, layers.Count);
        var maxBytes = Math.Max(1, layers.Max(l => l.OutputBytes ?? 0));
        var maxFlops = Math.Max(1, layers.Max(l => l.CumulativeForwardFlops ?? 0));
        var position = layers.Select((l, i) => (l.NodeIndex, i)).ToDictionary(x => x.NodeIndex, x => x.i);
        XNamespace svg = "http://www.w3.org/2000/svg";
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        var root = new XElement(svg + "svg",
            new XAttribute("width", F(Width)), new XAttribute("height", F(Height)), new XAttribute("viewBox", $"0 0 {F(Width)} {F(Height)}"),
            new XElement(svg + "title", $"{analysis.ModelName}: output bytes per node and cumulative forward FLOPs"),
            new XElement(svg + "text", new XAttribute("x", F(Left)), new XAttribute("y", "18"), new XAttribute("font-size", "13"),
                $"{analysis.ModelName}: output bytes per node (bars, max {maxBytes:N0} B), cumulative forward FLOPs (line, total {maxFlops:N0}), cut points (dashed)"));
        var bars = new XElement(svg + "g", new XAttribute("fill", "#4a90d9"), new XAttribute("class", "output-bytes"));
        for (var i = 0; i < layers.Count; i++)
        {
            var h = (layers[i].OutputBytes ?? 0) / (double)maxBytes * plotHeight;
            bars.Add(new XElement(svg + "rect", new XAttribute("x", F(Left + i * step)), new XAttribute("y", F(Top + plotHeight - h)),
                new XAttribute("width", F(Math.Max(0.5, step * 0.8))), new XAttribute("height", F(h)),
                new XElement(svg + "title", $"{layers[i].Op} {layers[i].NodeName}: {layers[i].OutputBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} B")));
        }
        root.Add(bars);
        var cuts = new XElement(svg + "g", new XAttribute("stroke", "#d0021b"), new XAttribute("stroke-dasharray", "3,3"), new XAttribute("class", "cut-points"));
        foreach (var cut in analysis.CutPoints)
        {
            var x = Left + (position[cut.ProducerIndex] + 0.9) * step;
            cuts.Add(new XElement(svg + "line", new XAttribute("x1", F(x)), new XAttribute("x2", F(x)), new XAttribute("y1", F(Top)), new XAttribute("y2", F(Top + plotHeight)),
                new XElement(svg + "title", $"cut {cut.Tensor}: {cut.Bytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} B")));
        }
        root.Add(cuts);
        var points = new StringBuilder();
        for (var i = 0; i < layers.Count; i++)
        {
            var y = Top + plotHeight - (layers[i].CumulativeForwardFlops ?? 0) / (double)maxFlops * plotHeight;
            points.Append(F(Left + (i + 0.4) * step)).Append(',').Append(F(y)).Append(' ');
        }
        root.Add(new XElement(svg + "polyline", new XAttribute("class", "cumulative-flops"), new XAttribute("fill", "none"), new XAttribute("stroke", "#f5a623"),
            new XAttribute("stroke-width", "2"), new XAttribute("points", points.ToString().TrimEnd())));
        root.Add(new XElement(svg + "line", new XAttribute("x1", F(Left)), new XAttribute("x2", F(Left + plotWidth)), new XAttribute("y1", F(Top + plotHeight)),
            new XAttribute("y2", F(Top + plotHeight)), new XAttribute("stroke", "#333")));
        root.Add(new XElement(svg + "text", new XAttribute("x", F(Left)), new XAttribute("y", F(Height - 12)), new XAttribute("font-size", "12"),
            $"{layers.Count} nodes in topological order, {analysis.CutPoints.Count} cut points"));
        return root.ToString();
    }
}
