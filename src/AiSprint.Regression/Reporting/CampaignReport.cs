using System.Globalization;
using System.Net;
using System.Text;
using AiSprint.Model.Formats.Aml;
using AiSprint.Model.Formats.Svg;
using ScottPlot;

namespace AiSprint.Regression.Reporting;

/// <summary>
/// The campaign's HTML report (issue 6): the per-run validation MAPE of every technique as a bar chart,
/// and for every final model a scatter of predicted against measured values on the
/// campaign's rows (ScottPlot 5, inline SVG). Self-contained (no scripts), identical for identical results.
/// </summary>
public static class CampaignReport
{
    /// <summary>The report as one self-contained HTML page for the campaign that <paramref name="file"/> configured over the rows of <paramref name="dataset"/>.</summary>
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
                ? Scatter(measured, predicted, $"scatter-{result.Final.ToList().IndexOf(final) + 1}")
                : "<p>(the preparation drops rows, so predictions do not line up with the CSV's rows; no plot)</p>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string MapeChart(CampaignResult result) => MapePlot(result) is { } plot
        ? SvgFragment.Normalise(plot.GetSvgXml(760, Math.Max(240, 60 + result.Runs.Sum(r => r.Techniques.Count) * 26)), "mape")
        : "";

    /// <summary>One horizontal bar per run and technique, its validation MAPE; null when the campaign ran none.</summary>
    internal static Plot? MapePlot(CampaignResult result)
    {
        var bars = result.Runs.SelectMany(r => r.Techniques.Select(t => (Label: $"run {r.Run} {t.Technique}", t.Validation.Mape))).ToList();
        if (bars.Count == 0) return null;
        var plot = new Plot();
        // Top to bottom in run order: the first bar at the highest position.
        var plotted = plot.Add.Bars(bars.Select((b, i) => new Bar
        {
            Position = bars.Count - 1 - i, Value = double.IsFinite(b.Mape) ? b.Mape : 0, FillColor = Colors.C0, LineWidth = 0,
            Label = b.Mape.ToString("0.000000", CultureInfo.InvariantCulture),
        }).ToList());
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontSize = 11;
        plot.Axes.Left.SetTicks(bars.Select((_, i) => (double)(bars.Count - 1 - i)).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Axes.Margins(left: 0);
        plot.XLabel("validation MAPE");
        return plot;
    }

    private static string Scatter(double[] measured, double[] predicted, string id) => SvgFragment.Normalise(ScatterPlot(measured, predicted).GetSvgXml(480, 400), id);

    /// <summary>Predicted against measured, one marker per row, over the diagonal where they would be equal.</summary>
    internal static Plot ScatterPlot(double[] measured, double[] predicted)
    {
        var finite = measured.Zip(predicted).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        var plot = new Plot();
        var all = finite.SelectMany(p => new[] { p.First, p.Second }).ToList();
        var (min, max) = all.Count == 0 ? (0.0, 1.0) : (all.Min(), all.Max());
        var diagonal = plot.Add.Line(min, min, max, max);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "predicted = measured";
        var points = plot.Add.Markers(finite.Select(p => p.First).ToArray(), finite.Select(p => p.Second).ToArray(), MarkerShape.FilledCircle, 5, Colors.C3.WithAlpha(0.7));
        points.LegendText = "rows";
        plot.XLabel("measured");
        plot.YLabel("predicted");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
