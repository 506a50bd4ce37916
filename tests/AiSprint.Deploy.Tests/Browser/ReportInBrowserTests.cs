using System.Text.RegularExpressions;
using AiSprint.Deploy.Reporting;
using AiSprint.Deploy.Tests.Reporting;
using SkiaSharp;

namespace AiSprint.Deploy.Tests.Browser;

/// <summary>report.html opened by a real browser, offline: what a person gets when they double-click it.</summary>
public class ReportInBrowserTests
{
    private static readonly Placement.Search.SearchOptions Budget = new() { RandomGreedyIterations = 500, LocalSearchIterations = 50 };

    /// <summary>The DOM Chromium built from the page; fails with what the browser said when it did not load cleanly.</summary>
    private static string DumpDom(string page)
    {
        var run = Chromium.Run(page, "--dump-dom");
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.True(run.Output.Contains("</html>", StringComparison.Ordinal), run.Log);
        // Console messages (script errors among them) are logged as "INFO:CONSOLE:1] ..." with --enable-logging.
        Assert.DoesNotMatch(@"CONSOLE[:(]|Uncaught", run.Log);
        // Nothing asked of the network: no font, script, stylesheet or image from elsewhere.
        Assert.Empty(run.RequestedUrls);
        return run.Output;
    }

    [ChromiumFact]
    public void The_report_a_deploy_writes_renders_offline_with_every_section_and_chart()
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-browser-").FullName;
        var design = Path.Combine(directory, "design.json");
        File.WriteAllText(design, DesignSamples.WindFarmJson);
        var measured = Path.Combine(directory, "measured-vs-predicted.txt");
        File.WriteAllText(measured, "blade-detector on Laptop: measured vs predicted over 2 configuration(s), MAPE 0.9 %\n"
            + "  blade-detector image_side=128 cores=1: measured 78.4 ms, predicted 78.8 ms\n  blade-detector image_side=128 cores=2: measured 41.2 ms, predicted 40.6 ms\n");
        var output = Path.Combine(directory, "aisprint");
        var outcome = DeployPipeline.Run(new DeployRequest(design, DesignSamples.WindFarmResources, output)
        {
            Demands = [DesignSamples.WindFarmDemands],
            MeasuredReport = measured,
            Search = Budget,
            SweepPoints = 4,
        });
        Assert.True(outcome.Status == DeployStatus.Placed, string.Join("\n", outcome.Diagnostics));
        var page = Path.Combine(output, DeploymentReportHtml.FileName);
        var html = File.ReadAllText(page);

        var dom = DumpDom(page);

        Assert.Contains("<title>WindFarm: AiSprint deployment report</title>", dom);
        foreach (var section in new[] { DeploymentReportHtml.Summary, DeploymentReportHtml.Dag, DeploymentReportHtml.Constraints, DeploymentReportHtml.Costs,
                     DeploymentReportHtml.Sweep, DeploymentReportHtml.Measured, DeploymentReportHtml.Text })
        {
            Assert.Contains($"id=\"{section}\"", dom);
        }
        // Every chart of the file is an SVG element of the page: DAG, constraints, costs, sweep, measured.
        var charts = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline).Select(m => System.Xml.Linq.XDocument.Parse(m.Value)).ToList();
        Assert.Equal(5, charts.Count);
        Assert.All(charts, chart => Assert.True(chart.Descendants().Count(e => e.Name.LocalName is "path" or "rect" or "text") > 10, chart.ToString()[..200]));
        Assert.Equal(5, Regex.Matches(dom, "<svg[ >]").Count);
        Assert.Contains("blade-detector on Laptop (MAPE", dom);

        // Drawn, not just parsed: a screenshot of the page has the charts' colours over much of it.
        var screenshot = Path.Combine(directory, "report.png");
        var shot = Chromium.Run(page, $"--screenshot={screenshot}", "--window-size=1280,2400", "--hide-scrollbars");
        Assert.True(shot.ExitCode == 0 && File.Exists(screenshot), shot.Log);
        Assert.Empty(shot.RequestedUrls);
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.Equal((1280, 2400), (bitmap.Width, bitmap.Height));
        var pixels = bitmap.Pixels;
        var inked = pixels.Count(p => p.Red < 235 || p.Green < 235 || p.Blue < 235);
        var colours = pixels.Where((_, i) => i % 7 == 0).Select(p => (p.Red / 32, p.Green / 32, p.Blue / 32)).Distinct().Count();
        Assert.True(inked > pixels.Length / 20, $"only {inked} of {pixels.Length} pixels are not white");
        Assert.True(colours >= 12, $"only {colours} colour bins: the charts' colours are missing");
    }

    [ChromiumFact]
    public void The_checks_catch_a_page_with_a_script_error_or_a_request_to_the_network()
    {
        // The harness itself, on a page that breaks both rules: without this, the two tests above could pass on a blind check.
        var page = Path.Combine(Directory.CreateTempSubdirectory("aisprint-browser-").FullName, "bad.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><img src=\"http://example.invalid/x.png\"><script>notDefined();</script></body></html>");

        var run = Chromium.Run(page, "--dump-dom");

        Assert.Matches(@"CONSOLE[:(]", run.Log);
        Assert.Equal(["http://example.invalid/x.png"], run.RequestedUrls);
    }

    [ChromiumFact]
    public void A_report_with_every_optional_section_and_awkward_names_loads_cleanly()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("aisprint-browser-").FullName, DeploymentReportHtml.FileName);
        DeploymentReportHtml.WriteFile(page, DeploymentReportHtmlTests.Complete());

        var dom = DumpDom(page);

        Assert.Contains($"id=\"{DeploymentReportHtml.Layers}\"", dom);
        Assert.Equal(6, Regex.Matches(dom, "<svg[ >]").Count);
        // The awkward component name came through as text: escaped in the DOM, never as a <b> element.
        Assert.Contains("c2&lt;b&gt;&amp;amp;", dom);
        Assert.DoesNotContain("c2<b>", dom);
    }
}
