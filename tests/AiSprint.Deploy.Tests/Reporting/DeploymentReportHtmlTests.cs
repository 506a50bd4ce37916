using System.Text.RegularExpressions;
using System.Xml.Linq;
using AiSprint.Deploy.Reporting;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;
using AiSprint.Profiling.Components;

namespace AiSprint.Deploy.Tests.Reporting;

public class DeploymentReportHtmlTests
{
    /// <summary>A component name an HTML page must escape: markup, and an entity that must not be decoded.</summary>
    internal const string AwkwardName = "c2<b>&amp;";

    private static readonly SearchOptions Budget = new() { Method = SearchMethod.LocalSearch, RandomGreedyIterations = 300, LocalSearchIterations = 30 };

    /// <summary>The SPACE4AI-D wind farm with its second component renamed to <see cref="AwkwardName"/>, at <paramref name="lambda"/>.</summary>
    private static (Model.SystemDescription System, Model.Formats.SourceMap Map, PlacementProblem Problem) WindFarm(double? lambda = null)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-report-").FullName, "system.json");
        File.WriteAllText(path, File.ReadAllText(SharedData.PathOf("space4ai", "wind-farm", "system.json")).Replace("\"c2\"", $"\"{AwkwardName}\"", StringComparison.Ordinal));
        var (system, map) = Space4AiSystemReader.Load(path).GetValueOrThrow();
        Assert.NotNull(system.FindComponent(AwkwardName));
        return (system, map, PlacementProblemBuilder.Build(system, map, lambda is { } l ? new RequestsPerSecond(l) : null).GetValueOrThrow());
    }

    /// <summary>A placed wind farm with every optional section: a three-rate sweep, a profile's comparison and per-layer partition demands.</summary>
    internal static DeploymentReport Complete()
    {
        var (system, map, problem) = WindFarm();
        var best = PlacementSearch.Run(problem, Budget).Best!;
        Assert.True(best.IsFeasible);
        var sweep = LambdaSweep.Run(system, map, [new(system.Lambda.Value / 2), system.Lambda, new(system.Lambda.Value * 40)], Budget);
        MeasuredVersusPredicted.Comparison[] measured = [new(AwkwardName, "Laptop", [new("cores=1", 80, 78), new("cores=2", 41, 43)])];
        PartitionDemandSeries[] partitions = [new(AwkwardName, "RaspberryPi", "/models/rpi.layers.json", [12.5, 30.25]), new(AwkwardName, "Laptop", "/models/laptop.layers.json", [2.5, 6])];
        return new DeploymentReport("wind <farm>", problem, best, "report.txt's text with <markup> & an entity &amp;", sweep, measured, partitions);
    }

    private static IReadOnlyList<XDocument> Svgs(string html) =>
        [.. Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline).Select(m => XDocument.Parse(m.Value))];

    [Fact]
    public void A_placed_design_has_every_section_in_order_each_with_its_chart()
    {
        var html = DeploymentReportHtml.Write(Complete());

        string[] sections = [DeploymentReportHtml.Summary, DeploymentReportHtml.Dag, DeploymentReportHtml.Constraints, DeploymentReportHtml.Costs,
            DeploymentReportHtml.Sweep, DeploymentReportHtml.Measured, DeploymentReportHtml.Layers, DeploymentReportHtml.Text];
        var at = sections.Select(s => html.IndexOf($"id=\"{s}\"", StringComparison.Ordinal)).ToArray();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);
        // DAG, constraints, costs, sweep, measured, partition demands: each chart well-formed and drawn.
        var svgs = Svgs(html);
        Assert.Equal(6, svgs.Count);
        Assert.All(svgs, svg => Assert.True(svg.Descendants().Count(e => e.Name.LocalName is "path" or "rect" or "text") > 10));
        // Several charts in one page: an id defined twice would clip one chart with another's rectangle.
        var ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<?xml", html);
    }

    [Fact]
    public void The_DAG_has_a_box_per_component_an_edge_per_transition_and_each_partition_in_its_layers_colour()
    {
        var report = Complete();
        var dag = Svgs(DeploymentReportHtml.Write(report))[0];
        XNamespace svg = "http://www.w3.org/2000/svg";
        var problem = report.Problem;

        Assert.Equal(problem.Components.Count, dag.Descendants(svg + "g").Count(g => (string?)g.Attribute("class") == "component"));
        var edges = dag.Descendants(svg + "g").Where(g => (string?)g.Attribute("class") == "edge").ToList();
        Assert.Equal(problem.System.Dag.Count, edges.Count);
        // Each edge is labelled with its transition probability.
        foreach (var edge in problem.System.Dag)
        {
            Assert.Contains(edges, e => e.Element(svg + "title")!.Value.StartsWith($"{edge.From} → {edge.To}: p {edge.Probability.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal));
        }
        var decision = report.Placement!.Decision!;
        var fills = dag.Descendants(svg + "g").Where(g => (string?)g.Attribute("class") == "partition").Select(g => (string)g.Element(svg + "rect")!.Attribute("fill")!).ToList();
        var expected = problem.Components.SelectMany((_, c) => decision.Resources[c].Select(r => DagDrawing.LayerColours[problem.Resources[r].Layer % DagDrawing.LayerColours.Length]));
        Assert.Equal(expected.Order(), fills.Order());
    }

    [Fact]
    public void Every_name_is_escaped_and_nothing_is_loaded_from_elsewhere()
    {
        var html = DeploymentReportHtml.Write(Complete());

        Assert.DoesNotContain(AwkwardName, html);
        Assert.DoesNotContain("c2<", html);
        Assert.DoesNotContain("<markup>", html);
        Assert.Contains("c2&lt;b&gt;&amp;amp;", html);
        Assert.Contains("wind &lt;farm&gt;", html);
        Assert.Contains("report.txt&#39;s text with &lt;markup&gt; &amp; an entity &amp;amp;", html);
        // The only URLs are the SVG namespaces; no script, stylesheet, font or image is fetched.
        Assert.All(Regex.Matches(html, "https?://[^\"]*\"?").Select(m => m.Value), url => Assert.Contains(url, (string[])["http://www.w3.org/2000/svg\"", "http://www.w3.org/1999/xlink\""]));
        Assert.DoesNotMatch("<script|<link|<img|<iframe|@import|@font-face| src=", html);
    }

    [Fact]
    public void An_infeasible_design_shows_why_with_the_DAG_and_the_sweep_but_no_constraint_or_cost_section()
    {
        var (system, map, problem) = WindFarm(lambda: 40);
        var sweep = LambdaSweep.Run(system, map, [new(0.1), new(40)], Budget);
        var html = DeploymentReportHtml.Write(new DeploymentReport("wind farm", problem, null, "No feasible placement found.\nbecause", sweep, [], []));

        Assert.Contains("No feasible placement", html);
        Assert.Contains($"id=\"{DeploymentReportHtml.Dag}\"", html);
        Assert.Contains($"id=\"{DeploymentReportHtml.Sweep}\"", html);
        Assert.DoesNotContain($"id=\"{DeploymentReportHtml.Constraints}\"", html);
        Assert.DoesNotContain($"id=\"{DeploymentReportHtml.Costs}\"", html);
        Assert.DoesNotContain($"id=\"{DeploymentReportHtml.Measured}\"", html);
        Assert.DoesNotContain($"id=\"{DeploymentReportHtml.Layers}\"", html);
        // The explanation is open, not folded away.
        Assert.Contains("<details open>", html);
        Assert.Equal(2, Svgs(html).Count);
    }

    [Fact]
    public void The_page_is_identical_for_identical_inputs_and_replaces_an_earlier_one_in_one_step()
    {
        var report = Complete();
        var directory = Directory.CreateTempSubdirectory("aisprint-report-").FullName;
        var path = Path.Combine(directory, DeploymentReportHtml.FileName);
        File.WriteAllText(path, "an earlier build's report");

        DeploymentReportHtml.WriteFile(path, report);

        Assert.Equal(DeploymentReportHtml.Write(report), File.ReadAllText(path));
        // Written beside and renamed over the old one: no temporary file is left behind.
        Assert.Equal([DeploymentReportHtml.FileName], Directory.GetFiles(directory).Select(Path.GetFileName));
    }
}
