using System.Globalization;
using System.Text;
using AiSprint.Placement.Analysis;

namespace AiSprint.Placement.Reporting;

/// <summary>
/// An SVG line chart of a Lambda sweep: minimum cost (left axis) and the binding constraint's
/// response time (right axis) against λ; infeasible rates are marked on the axis.
/// </summary>
public static class SweepChart
{
    private const int Width = 720, Height = 420, Left = 70, Right = 70, Top = 30, Bottom = 50;

    public static string ToSvg(IReadOnlyList<SweepPoint> points, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n");
        var lambdas = points.Select(p => p.Lambda.Value).ToList();
        var (xMin, xMax) = lambdas.Count > 1 ? (lambdas.Min(), lambdas.Max()) : Bounds(lambdas);
        var costs = points.Where(p => p.Cost is not null).Select(p => p.Cost!.Value).ToList();
        var times = points.Where(p => p.ResponseTime is not null).Select(p => p.ResponseTime!.Value.Value).ToList();
        var (cMin, cMax) = Bounds(costs.Append(0));
        var (tMin, tMax) = Bounds(times.Concat(points.Where(p => p.Threshold is not null).Select(p => p.Threshold!.Value.Value)).Append(0));
        double X(double v) => Left + (v - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Y(double v, double min, double max) => Height - Bottom - (v - min) / (max - min) * (Height - Top - Bottom);

        // Axes with five ticks each.
        svg.Append(CultureInfo.InvariantCulture, $"<g stroke=\"#333\"><line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\"/><line x1=\"{Width - Right}\" y1=\"{Top}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\"/></g>\n");
        for (var i = 0; i <= 4; i++)
        {
            var f = i / 4.0;
            var x = xMin + f * (xMax - xMin);
            var c = cMin + f * (cMax - cMin);
            var t = tMin + f * (tMax - tMin);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(x):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{x:0.###}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(c, cMin, cMax) + 4:0.#}\" text-anchor=\"end\" fill=\"#1f77b4\">{c:0.###}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 6}\" y=\"{Y(t, tMin, tMax) + 4:0.#}\" fill=\"#d62728\">{t:0.###}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">λ (requests/s)</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{Height / 2}\" transform=\"rotate(-90 16 {Height / 2})\" text-anchor=\"middle\" fill=\"#1f77b4\">minimum cost</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 14}\" y=\"{Height / 2}\" transform=\"rotate(90 {Width - 14} {Height / 2})\" text-anchor=\"middle\" fill=\"#d62728\">binding response time (s)</text>\n");

        Polyline(svg, points.Where(p => p.Cost is not null).Select(p => (X(p.Lambda.Value), Y(p.Cost!.Value, cMin, cMax))), "#1f77b4", "");
        Polyline(svg, points.Where(p => p.ResponseTime is not null).Select(p => (X(p.Lambda.Value), Y(p.ResponseTime!.Value.Value, tMin, tMax))), "#d62728", "");
        Polyline(svg, points.Where(p => p.Threshold is not null).Select(p => (X(p.Lambda.Value), Y(p.Threshold!.Value.Value, tMin, tMax))), "#d62728", " stroke-dasharray=\"4 3\"");
        foreach (var p in points.Where(p => p.Cost is null))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(p.Lambda.Value):0.#}\" y=\"{Height - Bottom - 4}\" text-anchor=\"middle\" fill=\"#888\">×</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 8}\" y=\"{Top + 14}\" fill=\"#555\">solid: cost and binding time · dashed: its threshold · ×: no feasible placement</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Polyline(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour, string extra)
    {
        var list = points.ToList();
        if (list.Count == 0) return;
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{extra} points=\"{string.Join(" ", list.Select(p => FormattableString.Invariant($"{p.X:0.#},{p.Y:0.#}")))}\"/>\n");
        foreach (var (x, y) in list) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3\" fill=\"{colour}\"/>\n");
    }

    private static (double Min, double Max) Bounds(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToList();
        if (list.Count == 0) return (0, 1);
        var (min, max) = (list.Min(), list.Max());
        return max > min ? (min, max * 1.05 - min * 0.05) : (min - 1, max + 1);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
