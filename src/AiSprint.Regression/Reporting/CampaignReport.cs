using System.Globalization;
using System.Net;
using System.Text;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Reporting;

/// <summary>
/// The campaign's HTML report (issue 6): the per-run validation MAPE of every technique as an SVG bar
/// chart, and for every final model an SVG scatter of predicted against measured values on the
/// campaign's rows. Self-contained (inline SVG, no scripts), identical for identical results.
/// </summary>
public static class CampaignReport
{
    private const int Width = 480, Height = 320, Margin = 48;

    public static string ToHtml(CampaignResult result, AmlConfigurationFile file, AmlDataset dataset)
    {
        var html = new StringBuilder();
        var title = WebUtility.HtmlEncode(Path.GetFileName(file.Path));
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Regression campaign: {title}</h1>\n<p>Target: <code>{WebUtility.HtmlEncode(file.Configuration.General.Y)}</code>. Best model: <b>{result.Best.Technique}</b>.</p>\n");

        html.Append("<h2>Validation MAPE per technique</h2>\n<table><tr><th>run</th><th>technique</th><th>hyper-parameters</th><th>training</th><th>hp selection</th><th>validation</th></tr>\n");
        foreach (var run in result.Runs)
        {
            foreach (var t in run.Techniques)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{run.Run}</td><td>{t.Technique}</td><td>{WebUtility.HtmlEncode(t.Chosen.ToString())}</td><td>{t.Training.Mape:0.000000}</td><td>{t.HpSelection.Mape:0.000000}</td><td>{t.Validation.Mape:0.000000}</td></tr>\n");
            }
        }
        html.Append("</table>\n");
        html.Append(MapeChart(result));

        html.Append("<h2>Predicted against measured (final models, every row)</h2>\n");
        var measured = dataset[file.Configuration.General.Y] is NumericColumn y ? y.Values.ToArray() : null;
        foreach (var final in result.Final)
        {
            var predicted = final.Model.Predict(dataset);
            html.Append(CultureInfo.InvariantCulture, $"<h3>{final.Technique} — full-data MAPE {final.FullData.Mape:0.000000}</h3>\n");
            html.Append(measured is not null && measured.Length == predicted.Length
                ? Scatter(measured, predicted)
                : "<p>(the preparation drops rows, so predictions do not line up with the CSV's rows; no plot)</p>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string MapeChart(CampaignResult result)
    {
        var bars = result.Runs.SelectMany(r => r.Techniques.Select(t => ($"run {r.Run} {t.Technique}", t.Validation.Mape))).ToList();
        if (bars.Count == 0) return "";
        var max = Math.Max(bars.Max(b => double.IsFinite(b.Mape) ? b.Mape : 0), 1e-12);
        var barHeight = 22;
        var height = Margin + bars.Count * barHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width + 250}\" height=\"{height}\" font-size=\"12\">\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, mape) = bars[i];
            var y = 20 + i * barHeight;
            var w = double.IsFinite(mape) ? mape / max * Width : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 14}\">{WebUtility.HtmlEncode(label)}</text>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"150\" y=\"{y}\" width=\"{w:0.#}\" height=\"16\" fill=\"#1f77b4\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{155 + w:0.#}\" y=\"{y + 13}\">{mape:0.000000}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Scatter(double[] measured, double[] predicted)
    {
        var all = measured.Concat(predicted).Where(double.IsFinite).ToList();
        var (min, max) = all.Count == 0 ? (0.0, 1.0) : (all.Min(), all.Max());
        if (max <= min) (min, max) = (min - 1, max + 1);
        double X(double v) => Margin + (v - min) / (max - min) * (Width - 2 * Margin);
        double Y(double v) => Height - Margin - (v - min) / (max - min) * (Height - 2 * Margin);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-size=\"11\">\n")
           .Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(min):0.#}\" y1=\"{Y(min):0.#}\" x2=\"{X(max):0.#}\" y2=\"{Y(max):0.#}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n")
           .Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">measured ({min:G4} – {max:G4})</text>")
           .Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Height / 2}\" transform=\"rotate(-90 12 {Height / 2})\" text-anchor=\"middle\">predicted</text>\n");
        for (var i = 0; i < measured.Length; i++)
        {
            if (!double.IsFinite(measured[i]) || !double.IsFinite(predicted[i])) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(measured[i]):0.#}\" cy=\"{Y(predicted[i]):0.#}\" r=\"2.5\" fill=\"#d62728\" fill-opacity=\"0.7\"/>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
