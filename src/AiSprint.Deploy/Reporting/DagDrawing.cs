using System.Globalization;
using System.Xml.Linq;
using AiSprint.Model;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Deploy.Reporting;

/// <summary>
/// The application DAG as SVG for report.html: components top to bottom by depth (longest path from an entry), each a
/// box with one row per partition filled with the colour of the layer its resource belongs to; edges carry the
/// transition probability, the data sent and, once placed, the transfer time. A layered layout of a DAG this small
/// (a handful of components) is a few lines; a plotting library does not draw graphs, so this one is drawn here.
/// </summary>
internal static class DagDrawing
{
    private const double BoxWidth = 240, HeaderHeight = 40, RowHeight = 22, ColumnGap = 150, RowGap = 64, Margin = 20, LegendHeight = 34;

    /// <summary>Light colours, dark text readable on each; layer i takes colour i (mod 10).</summary>
    internal static readonly string[] LayerColours =
        ["#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#c7c7c7"];

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string ToSvg(PlacementProblem problem, PlacementEvaluation? placement)
    {
        var decision = placement?.Decision;
        var depth = new int[problem.Components.Count];
        foreach (var c in problem.TopologicalOrder)
        {
            foreach (var s in problem.Components[c].Successors) depth[s] = Math.Max(depth[s], depth[c] + 1);
        }
        var rows = problem.Components.Select((component, c) => decision is null ? 1 : component.Deployments[decision.Deployments[c]].Partitions.Count).ToArray();
        // Top to bottom: a chain, the common shape, stays as narrow as the page; the edge labels sit beside the edges.
        var boxHeights = rows.Select(r => HeaderHeight + r * RowHeight + 6).ToArray();
        var levels = depth.DefaultIfEmpty(0).Max() + 1;
        var levelTop = new double[levels + 1];
        levelTop[0] = Margin;
        for (var d = 0; d < levels; d++) levelTop[d + 1] = levelTop[d] + Enumerable.Range(0, depth.Length).Where(c => depth[c] == d).Select(c => boxHeights[c]).DefaultIfEmpty(0).Max() + RowGap;
        var boxes = new (double X, double Y, double Height)[problem.Components.Count];
        var placedInLevel = new int[levels];
        foreach (var c in problem.TopologicalOrder)
        {
            boxes[c] = (Margin + placedInLevel[depth[c]]++ * (BoxWidth + ColumnGap), levelTop[depth[c]], boxHeights[c]);
        }
        var legendWidth = Margin + problem.Layers.Sum(LegendEntryWidth);
        var width = Math.Max(legendWidth, Margin * 2 + placedInLevel.DefaultIfEmpty(1).Max() * (BoxWidth + ColumnGap));
        var graphHeight = levelTop[levels] - RowGap + Margin;
        var height = graphHeight + LegendHeight;

        var root = new XElement(Svg + "svg", new XAttribute("class", "dag"), new XAttribute("width", F(width)), new XAttribute("height", F(height)),
            new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"),
            new XElement(Svg + "title", "application DAG" + (decision is null ? "" : " and where each partition runs")),
            new XElement(Svg + "defs", new XElement(Svg + "marker", new XAttribute("id", "dag-arrow"), new XAttribute("viewBox", "0 0 10 10"), new XAttribute("refX", "10"),
                new XAttribute("refY", "5"), new XAttribute("markerWidth", "8"), new XAttribute("markerHeight", "8"), new XAttribute("orient", "auto-start-reverse"),
                new XElement(Svg + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z"), new XAttribute("fill", "#555")))));

        var edges = new XElement(Svg + "g", new XAttribute("class", "edges"));
        foreach (var c in problem.TopologicalOrder)
        {
            foreach (var s in problem.Components[c].Successors) edges.Add(Edge(problem, decision, c, s, boxes[c], boxes[s]));
        }
        root.Add(edges);
        var nodes = new XElement(Svg + "g", new XAttribute("class", "components"));
        foreach (var c in problem.TopologicalOrder) nodes.Add(Box(problem, placement, c, boxes[c]));
        root.Add(nodes);
        root.Add(Legend(problem, graphHeight));
        return root.ToString(SaveOptions.DisableFormatting) + "\n";
    }

    private static XElement Box(PlacementProblem problem, PlacementEvaluation? placement, int c, (double X, double Y, double Height) box)
    {
        var component = problem.Components[c];
        var decision = placement?.Decision;
        var threshold = component.LocalThreshold.Value;
        var timing = placement is null ? double.IsFinite(threshold) ? $"threshold {Ms(threshold)} ms" : ""
            : double.IsFinite(threshold) ? $"{Ms(placement.ComponentTimes[c].Value)} of {Ms(threshold)} ms" : $"{Ms(placement.ComponentTimes[c].Value)} ms";
        var group = new XElement(Svg + "g", new XAttribute("class", "component"),
            new XElement(Svg + "title", component.Name + (timing.Length > 0 ? ": " + timing : "")),
            new XElement(Svg + "rect", new XAttribute("x", F(box.X)), new XAttribute("y", F(box.Y)), new XAttribute("width", F(BoxWidth)), new XAttribute("height", F(box.Height)),
                new XAttribute("rx", "6"), new XAttribute("fill", "#ffffff"), new XAttribute("stroke", "#333")),
            new XElement(Svg + "text", new XAttribute("x", F(box.X + 8)), new XAttribute("y", F(box.Y + 17)), new XAttribute("font-weight", "bold"), Fit(component.Name, 30)),
            new XElement(Svg + "text", new XAttribute("x", F(box.X + 8)), new XAttribute("y", F(box.Y + 33)), new XAttribute("fill", "#555"), timing));
        if (decision is null)
        {
            group.Add(Row(box, 0, "#eeeeee", "not placed"));
            return group;
        }
        var deployment = component.Deployments[decision.Deployments[c]];
        for (var k = 0; k < deployment.Partitions.Count; k++)
        {
            var resource = problem.Resources[decision.Resources[c][k]];
            var replicas = resource.IsFaas ? " (FaaS)" : $" ×{decision.Replicas[c][k]}";
            var label = (deployment.Partitions.Count == 1 ? "" : deployment.Partitions[k].Name + " · ") + resource.Name + replicas;
            group.Add(Row(box, k, LayerColours[resource.Layer % LayerColours.Length], label, $"{deployment.Partitions[k].Name} on {resource.Name} (layer {resource.LayerName}): {Ms(placement!.PartitionTimes[c][k].Value)} ms"));
        }
        return group;
    }

    private static XElement Row((double X, double Y, double Height) box, int k, string fill, string label, string? tooltip = null) =>
        new(Svg + "g", new XAttribute("class", "partition"),
            tooltip is null ? null : new XElement(Svg + "title", tooltip),
            new XElement(Svg + "rect", new XAttribute("x", F(box.X + 6)), new XAttribute("y", F(box.Y + HeaderHeight + k * RowHeight)), new XAttribute("width", F(BoxWidth - 12)),
                new XAttribute("height", F(RowHeight - 3)), new XAttribute("rx", "3"), new XAttribute("fill", fill)),
            new XElement(Svg + "text", new XAttribute("x", F(box.X + 12)), new XAttribute("y", F(box.Y + HeaderHeight + k * RowHeight + 14)), Fit(label, 32)));

    private static XElement Edge(PlacementProblem problem, PlacementDecision? decision, int from, int to, (double X, double Y, double Height) a, (double X, double Y, double Height) b)
    {
        var (x1, y1, x2, y2) = (a.X + BoxWidth / 2, a.Y + a.Height, b.X + BoxWidth / 2, b.Y);
        var probability = problem.System.Dag.FirstOrDefault(e => e.From == problem.Components[from].Name && e.To == problem.Components[to].Name)?.Probability.Value ?? 1;
        var parts = new List<string> { $"p {probability.ToString("0.###", CultureInfo.InvariantCulture)}" };
        if (decision is not null)
        {
            var last = problem.Components[from].Deployments[decision.Deployments[from]].Partitions[^1];
            var size = last.DataToSuccessor.TryGetValue(to, out var data) ? data : Megabytes.Zero;
            if (size.Value > 0) parts.Add($"{N(size.Value)} MB");
            var delay = problem.TransferDelay(decision.Resources[from][^1], decision.Resources[to][0], size);
            parts.Add(delay == 0 ? "same resource" : $"{Ms(delay)} ms");
        }
        var label = string.Join(" · ", parts);
        return new XElement(Svg + "g", new XAttribute("class", "edge"),
            new XElement(Svg + "title", $"{problem.Components[from].Name} → {problem.Components[to].Name}: {label}"),
            new XElement(Svg + "path", new XAttribute("d", $"M {F(x1)} {F(y1)} C {F(x1)} {F(y1 + 40)}, {F(x2)} {F(y2 - 40)}, {F(x2)} {F(y2)}"),
                new XAttribute("fill", "none"), new XAttribute("stroke", "#555"), new XAttribute("stroke-width", "1.5"), new XAttribute("marker-end", "url(#dag-arrow)")),
            new XElement(Svg + "text", new XAttribute("x", F((x1 + x2) / 2 + 8)), new XAttribute("y", F((y1 + y2) / 2 + 4)),
                new XAttribute("font-size", "11"), new XAttribute("fill", "#333"), label));
    }

    private static XElement Legend(PlacementProblem problem, double top)
    {
        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"));
        var x = Margin;
        for (var l = 0; l < problem.Layers.Count; l++)
        {
            legend.Add(new XElement(Svg + "rect", new XAttribute("x", F(x)), new XAttribute("y", F(top + 8)), new XAttribute("width", "14"), new XAttribute("height", "14"),
                new XAttribute("fill", LayerColours[l % LayerColours.Length])));
            legend.Add(new XElement(Svg + "text", new XAttribute("x", F(x + 19)), new XAttribute("y", F(top + 19)), LegendName(problem.Layers[l])));
            x += LegendEntryWidth(problem.Layers[l]);
        }
        return legend;
    }

    private static string LegendName(string layer) => "layer " + Fit(layer, 24);

    /// <summary>Roughly seven pixels a character at 12 px sans-serif, plus the swatch and a gap.</summary>
    private static double LegendEntryWidth(string layer) => 40 + LegendName(layer).Length * 7;

    /// <summary>Long names cut with an ellipsis so they stay in their box (the tooltip keeps the whole name).</summary>
    private static string Fit(string text, int characters) => text.Length <= characters ? text : text[..(characters - 1)] + "…";

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Ms(double seconds) => (seconds * 1000).ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
