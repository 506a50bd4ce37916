using System.Text.RegularExpressions;
using AiSprint.Model;
using AiSprint.Model.Units;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;
using AiSprint.Placement.Tests.Search;

namespace AiSprint.Placement.Tests.Reporting;

public class PlacementReportTests
{
    /// <summary>
    /// The wind farm's five components with a global constraint over the whole chain, listed by name as a design
    /// document lists them (blade-detector, capture, ...), not in the order requests flow through them.
    /// </summary>
    private static string WindFarmReport(double? lambda = null)
    {
        var system = TrustedExecutionPlacementTests.SampleWithDemands();
        system = system with
        {
            Components = system.Components.OrderBy(c => c.Name, StringComparer.Ordinal).ToValueList(),
            GlobalConstraints = ValueList.Of(new GlobalConstraint("inspection", ValueList.Of("capture", "blade-detector", "defect-segmenter", "defect-classifier", "report"), new Seconds(60))),
        };
        var problem = PlacementProblemBuilder.Build(system, new AiSprint.Model.Formats.SourceMap("sample"), lambda is { } l ? new RequestsPerSecond(l) : null).GetValueOrThrow();
        var result = PlacementSearch.Run(problem, new SearchOptions { Method = SearchMethod.LocalSearch, RandomGreedyIterations = 2000, LocalSearchIterations = 200 });
        Assert.True(result.Found);
        return PlacementReport.Format(result.Best!).ReplaceLineEndings("\n");
    }

    [Fact]
    public void Components_are_listed_in_DAG_order_not_by_name()
    {
        var lines = WindFarmReport().Split('\n');
        int Row(string component) => Array.FindIndex(lines, l => Regex.IsMatch(l, $@"^  {component}\s+s\d+\b"));
        string[] order = ["capture", "blade-detector", "defect-segmenter", "defect-classifier", "report"];
        Assert.All(order, c => Assert.True(Row(c) > 0, c));
        Assert.Equal(order, order.OrderBy(Row));
    }

    [Fact]
    public void A_path_time_is_explained_as_its_components_plus_each_transfer_between_them()
    {
        var report = WindFarmReport();
        var path = Regex.Match(report, @"\n  (?<name>\S+)\s+capture -> [^\n]*?  (?<time>[\d.]+)\s+(?<compute>[\d.]+)\s+(?<network>[\d.]+)\s+[\d.]+\s+-?[\d.]+\n");
        Assert.True(path.Success, report);
        double Value(string group) => double.Parse(path.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Value("time"), Value("compute") + Value("network"), 5);
        // One line per hop of the path, with its data size, the two resources and the delay.
        var hops = Regex.Matches(report, $@"\n    {path.Groups["name"].Value}: (?<from>\S+) -> (?<to>\S+): [\d.]+ MB from \S+ to \S+, (?<delay>[\d.]+) s");
        Assert.Equal(4, hops.Count);
        Assert.Equal(Value("network"), hops.Sum(h => double.Parse(h.Groups["delay"].Value, System.Globalization.CultureInfo.InvariantCulture)), 5);
    }

    [Fact]
    public void The_SPACE4AI_D_deployment_and_partition_names_are_explained()
    {
        var report = WindFarmReport();
        Assert.Matches(@"\n  capture\s+s1 \(whole\)", report);
        Assert.Contains("sN is a candidate deployment of the component", report, StringComparison.Ordinal);
        Assert.Contains("hN one of its partitions", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_FaaS_cost_is_printed_with_its_significant_digits_not_as_0()
    {
        // At one request a day the FaaS configuration costs a few millionths per hour.
        var report = WindFarmReport(lambda: 1.0 / 86_400);
        var row = Regex.Match(report, @"\n  (?<name>\S+)\s+\S+\s+FaaS\s+-\s+(?<cost>\S+)");
        Assert.True(row.Success, report);
        Assert.Matches(@"^0\.0*[1-9]\d*$", row.Groups["cost"].Value);
        Assert.DoesNotMatch(@"\d[eE][+-]?\d", report);
    }
}
