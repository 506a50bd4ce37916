using System.Globalization;
using System.Net;
using System.Text;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.Svg;
using AiSprint.Placement.Reporting;
using ScottPlot;

namespace AiSprint.Deploy.Reporting;

/// <summary>
/// aisprint/report.html: one self-contained page per build (issue 13) — the DAG with each partition on its resource, every
/// constraint's time broken down against its threshold, the cost per resource, cost and feasibility against λ, and when
/// the build has them, the profile's measured-vs-predicted times and the per-layer partition demands. Inline SVG and CSS
/// only: no script, no font or file from elsewhere, so it opens offline and reads the same without JavaScript. Every
/// name is HTML-escaped. Identical for identical inputs.
/// </summary>
internal static class DeploymentReportHtml
{
    public const string FileName = BuildFolderLayout.ReportHtmlFile;

    /// <summary>The section ids, in page order; a section with nothing to show is left out.</summary>
    public const string Summary = "summary", Dag = "dag", Constraints = "constraints", Costs = "costs", Sweep = "sweep", Measured = "measured", Layers = "layers", Text = "report-text";

    public static void WriteFile(string path, DeploymentReport report) => AtomicFile.WriteAllText(path, Write(report));

    public static string Write(DeploymentReport report)
    {
        var problem = report.Problem;
        var placement = report.Placement;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(report.Title)}: AiSprint deployment report</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}h1{font-size:1.6em}section{margin-top:2em}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
            .Append(".bad{color:#b00020;font-weight:bold}.good{color:#1b7a1b;font-weight:bold}svg{max-width:100%;height:auto;display:block}pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style>\n")
            .Append("</head><body>\n");

        html.Append(CultureInfo.InvariantCulture, $"<header id=\"{Summary}\"><h1>{E(report.Title)}: deployment report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Arrival rate λ = {N(problem.Lambda.Value)} req/s; costs over a horizon of {N(problem.Time.Value)} h. ");
        if (placement is { Decision: not null })
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"good\">Feasible</span>: total cost <b>{N(placement.TotalCost.Value)}</b>.</p>\n");
            html.Append("<p>").Append(E(PlacementSummary.Format(placement)).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }
        else
        {
            html.Append("<span class=\"bad\">No feasible placement</span>: the reasons and what would fix it are at the end of this page (report.txt).</p>\n");
        }
        html.Append("</header>\n");

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Dag}\"><h2>Application DAG{(placement is null ? "" : " and placement")}</h2>\n")
            .Append("<p>Components top to bottom in DAG order; each row of a box is a partition, coloured by the layer of the resource it runs on. ")
            .Append("Edges give the transition probability, the data sent and the transfer time (zero on the same resource).</p>\n")
            .Append(DagDrawing.ToSvg(problem, placement)).Append("</section>\n");

        if (placement is { Decision: not null })
        {
            AppendConstraints(html, ConstraintBreakdown.Of(placement));
            AppendCosts(html, ResourceCosts.Of(placement), problem.Layers);
        }
        AppendSweep(html, report);
        AppendMeasured(html, report);
        AppendLayers(html, report);

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Text}\"><h2>report.txt</h2>\n<details{(placement is null ? " open" : "")}><summary>The whole text report</summary><pre>")
            .Append(E(report.ReportText)).Append("</pre></details></section>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AppendConstraints(StringBuilder html, IReadOnlyList<ConstraintTime> constraints)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Constraints}\"><h2>Constraints</h2>\n");
        if (constraints.Count == 0)
        {
            html.Append("<p>The design states no response-time constraint.</p></section>\n");
            return;
        }
        html.Append("<p>Each local (component) and global (path) constraint: its predicted mean response time split into compute (the demands), ")
            .Append("queueing on edge devices and VMs, FaaS cold starts and the network, against its threshold. Times in ms.</p>\n")
            .Append(Chart(ReportCharts.Constraints(constraints), 900, 120 + constraints.Count * 46, "constraints-chart"))
            .Append("<table><tr><th>constraint</th><th>threshold</th><th>predicted</th><th>compute</th><th>queueing</th><th>cold start</th><th>network</th><th>slack</th></tr>\n");
        foreach (var c in constraints)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{(c.IsGlobal ? "path" : "component")} {E(c.Name)}</td><td>{Ms(c.Threshold)}</td><td>{Ms(c.Total)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Ms(c.Compute)}</td><td>{Ms(c.Queueing)}</td><td>{Ms(c.ColdStart)}</td><td>{Ms(c.Network)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"{(c.Slack >= 0 ? "good" : "bad")}\">{Ms(c.Slack)}</td></tr>\n");
        }
        html.Append("</table></section>\n");
    }

    private static void AppendCosts(StringBuilder html, IReadOnlyList<ResourceCost> costs, IReadOnlyList<string> layers)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Costs}\"><h2>Cost per resource</h2>\n")
            .Append(Chart(ReportCharts.Costs(costs, layers), 900, 380, "costs-chart"))
            .Append("<table><tr><th>resource</th><th>layer</th><th>kind</th><th>replicas</th><th>cost</th></tr>\n");
        foreach (var c in costs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Resource)}</td><td>{E(c.Layer)}</td><td>{c.Kind}</td><td>{(c.Replicas is { } n ? n.ToString(CultureInfo.InvariantCulture) : "-")}</td><td>{N(c.Cost)}</td></tr>\n");
        }
        html.Append("</table></section>\n");
    }

    private static void AppendSweep(StringBuilder html, DeploymentReport report)
    {
        if (report.Sweep.Count == 0) return;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Sweep}\"><h2>Cost and feasibility against the arrival rate</h2>\n")
            .Append("<p>The cheapest placement found at each rate (a shorter search than the build's), and the constraint closest to its threshold there.</p>\n")
            .Append(SvgFragment.Normalise(SweepChart.ToSvg(report.Sweep, $"{report.Title}: cost and binding response time against λ"), "sweep-chart"))
            .Append("<table><tr><th>λ (req/s)</th><th>feasible</th><th>minimum cost</th><th>binding constraint</th><th>its time (ms)</th><th>its threshold (ms)</th></tr>\n");
        foreach (var p in report.Sweep)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{N(p.Lambda.Value)}</td><td>{(p.Cost is null ? "<span class=\"bad\">no</span>" : "yes")}</td><td>{(p.Cost is { } cost ? N(cost) : "-")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(p.BindingConstraint ?? "-")}</td><td>{(p.ResponseTime is { } t ? Ms(t.Value) : "-")}</td><td>{(p.Threshold is { } h ? Ms(h.Value) : "-")}</td></tr>\n");
        }
        html.Append("</table></section>\n");
    }

    private static void AppendMeasured(StringBuilder html, DeploymentReport report)
    {
        if (report.Measured.Count == 0) return;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Measured}\"><h2>Measured against predicted</h2>\n")
            .Append("<p>What aisprint profile measured on this machine against the trained performance model's predictions, per profiled configuration.</p>\n")
            .Append(Chart(ReportCharts.Measured(report.Measured), 760, 480, "measured-chart"))
            .Append("<table><tr><th>component</th><th>resource</th><th>configuration</th><th>measured (ms)</th><th>predicted (ms)</th></tr>\n");
        foreach (var comparison in report.Measured)
        {
            foreach (var c in comparison.Configurations)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(comparison.Component)}</td><td>{E(comparison.Resource)}</td><td>{E(c.Description)}</td><td>{N(c.MeasuredMilliseconds)}</td><td>{N(c.PredictedMilliseconds)}</td></tr>\n");
            }
        }
        html.Append("</table></section>\n");
    }

    private static void AppendLayers(StringBuilder html, DeploymentReport report)
    {
        if (report.PartitionDemands.Count == 0) return;
        var partitions = report.PartitionDemands.Max(s => s.PartitionMilliseconds.Count);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Layers}\"><h2>Partition demands from per-layer models</h2>\n")
            .Append("<p>The demand of each partition as the sum of its layers' predicted times, on each resource a per-layer model was measured on.</p>\n")
            .Append(Chart(ReportCharts.Partitions(report.PartitionDemands), 900, 440, "layers-chart"))
            .Append("<table><tr><th>component</th><th>resource</th><th>per-layer model</th>")
            .Append(string.Concat(Enumerable.Range(1, partitions).Select(k => $"<th>partition {k} (ms)</th>"))).Append("</tr>\n");
        foreach (var s in report.PartitionDemands)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Component)}</td><td>{E(s.Resource)}</td><td>{E(Path.GetFileName(s.ModelPath))}</td>")
                .Append(string.Concat(Enumerable.Range(0, partitions).Select(k => $"<td>{(k < s.PartitionMilliseconds.Count ? N(s.PartitionMilliseconds[k]) : "")}</td>"))).Append("</tr>\n");
        }
        html.Append("</table>\n");
        foreach (var (s, i) in report.PartitionDemands.Select((s, i) => (s, i)).Where(x => x.s.LayerChartSvg is not null))
        {
            // Re-numbered per figure: several per-layer charts share the page, and a browser resolves url(#id) page-wide.
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(s.Component)} on {E(s.Resource)}: predicted time per layer</h3>\n")
                .Append(SvgFragment.Normalise(s.LayerChartSvg!, $"layers-per-layer-{i + 1}"));
        }
        html.Append("</section>\n");
    }

    private static string Chart(Plot plot, int width, int height, string id) => SvgFragment.Normalise(plot.GetSvgXml(width, height), id);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Ms(double seconds) => double.IsFinite(seconds) ? (seconds * 1000).ToString("#,0.###", CultureInfo.InvariantCulture) : "-";

    private static string N(double value) => double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : "-";
}
