using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Alternatives;

public class DeploymentsPerformanceTests
{
    private static string FixtureFile => Path.Combine(Fixtures.Alternatives, DeploymentsPerformanceYaml.Directory, DeploymentsPerformanceYaml.FileName);

    [Fact]
    public void The_file_reads_the_metric_the_threshold_and_every_deployment_in_order()
    {
        var read = DeploymentsPerformanceYaml.ReadFile(FixtureFile);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        var performance = read.Value!.Value;
        Assert.Equal((ApplicationMetric.AverageF1, 0.8), (performance.Metric, performance.Threshold));
        Assert.Equal(["original_deployment", "alternative_deployment1", "alternative_deployment2", "alternative_deployment3"], performance.Deployments.Select(d => d.Name));
        Assert.Equal([0.9, 0.85, 0.8, 0.76], performance.Deployments.Select(d => d.MetricValue));
        Assert.Equal(0.75, performance.Deployments[2].Dependencies[0].Probability.Value);
    }

    [Theory]
    [InlineData("  metric_name: top1\n", "AIS0030", 2)]
    [InlineData("  metric_thr: 0\n", "AIS0031", 3)]
    [InlineData("  metric_thr: 1.5\n", "AIS0031", 3)]
    public void A_bad_metric_or_threshold_is_reported_at_its_line(string line, string code, int expectedLine)
    {
        var text = "System:\n  metric_name: average_f1\n  metric_thr: 0.5\n  sorted_deployments_performance: []\n";
        var key = line.Trim().Split(':')[0];
        var lines = text.Split('\n').Select(l => l.Trim().StartsWith(key + ":", StringComparison.Ordinal) ? line.TrimEnd('\n') : l);
        var read = DeploymentsPerformanceYaml.Read(string.Join('\n', lines), "deployments_performance.yaml");
        var error = Assert.Single(read.Diagnostics);
        Assert.Equal((code, expectedLine), (error.Code, error.Location.Line));
    }

    [Fact]
    public void A_deployment_without_metric_value_is_AIS0032_at_its_name()
    {
        var read = DeploymentsPerformanceYaml.Read("System:\n  metric_name: average_f1\n  metric_thr: null\n  sorted_deployments_performance:\n  - base:\n      components: [a]\n", "p.yaml");
        var error = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0032", 5), (error.Code, error.Location.Line));
    }

    [Fact]
    public void A_combination_the_file_lacks_and_one_the_DAG_cannot_make_are_both_AIS0032()
    {
        var dag = ApplicationDagYaml.Read("System:\n  name: x\n  components: [a, b]\n  dependencies: [[a, b, 1]]\n  alternative_components:\n    b: [b2]\n", "dag.yaml").Value!.Value;
        var file = DeploymentsPerformanceYaml.Read("""
            System:
              metric_name: average_recall
              metric_thr: 0.5
              sorted_deployments_performance:
              - original_deployment: {components: [a, b], dependencies: [[a, b, 0.6]], metric_value: 0.9}
              - alternative_deployment1: {components: [a, c], dependencies: [], metric_value: 0.8}
            """, "p.yaml").Value!;
        var bag = new DiagnosticBag();
        var deployments = DeploymentsPerformanceMatch.Apply(dag, file.Value, file.Map, bag);
        Assert.Equal(2, bag.Items.Count(d => d.Code == "AIS0032"));
        Assert.Contains(bag.Items, d => d.Location.Line == 6 && d.Message.Contains("no combination"));
        Assert.Contains(bag.Items, d => d.Message.Contains("no metric value for the deployment running a, b2"));
        Assert.Equal(0.6, deployments[0].Dependencies[0].Probability.Value);
    }

    [Fact]
    public void The_writer_sorts_by_metric_names_by_rank_rounds_and_reads_back()
    {
        AlternativeDeployment Deployment(string b, double metric) =>
            new("x", new[] { new ImplementationChoice("a", "a"), new ImplementationChoice("b", b) }.ToValueList(),
                new[] { new DagEdge("a", b, new Probability(0.65)) }.ToValueList(), metric);
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-perf-").FullName, DeploymentsPerformanceYaml.FileName);
        DeploymentsPerformanceYaml.WriteFile(path, ApplicationMetric.AverageAccuracy, null,
            [Deployment("b2", 0.811111), Deployment("b", 0.7), Deployment("b3", 0.93333333)]);
        var read = DeploymentsPerformanceYaml.ReadFile(path);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        var value = read.Value!.Value;
        Assert.Null(value.Threshold);
        Assert.Equal(["alternative_deployment1", "alternative_deployment2", "original_deployment"], value.Deployments.Select(d => d.Name));
        Assert.Equal([0.9333, 0.8111, 0.7], value.Deployments.Select(d => d.MetricValue));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }
}
