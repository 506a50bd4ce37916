using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// space4ai-r/deployments_performance.yaml (aisprint-studio.md §1.4): the application metric, its threshold and,
/// best first, each deployment's implementations, DAG (probabilities included) and metric value.
/// </summary>
public sealed record DeploymentsPerformance(ApplicationMetric Metric, double? Threshold, ValueList<DeploymentPerformance> Deployments);

/// <summary>One entry of <c>sorted_deployments_performance</c>.</summary>
/// <param name="Name"><c>original_deployment</c> or <c>alternative_deployment&lt;k&gt;</c> (older files: <c>base</c>, <c>deploymentN</c>).</param>
public sealed record DeploymentPerformance(string Name, ValueList<string> Components, ValueList<DagEdge> Dependencies, double MetricValue);

/// <summary>Reads and writes deployments_performance.yaml with located errors; writes are atomic.</summary>
public static class DeploymentsPerformanceYaml
{
    /// <summary>The folder of the application directory holding the file.</summary>
    public const string Directory = "space4ai-r";
    /// <summary>The file's name in space4ai-r/.</summary>
    public const string FileName = "deployments_performance.yaml";

    /// <summary>The map key of a deployment entry, for located messages by later checks.</summary>
    public static string EntryKey(string deployment) => $"aisprint-performance:{deployment}";

    /// <summary>The source-map key of the file's <c>metric_name</c>, for located messages by later checks.</summary>
    public const string MetricKey = "aisprint-performance-metric";

    /// <summary>Reads the file at <paramref name="path"/>; problems come back located in the result, never thrown.</summary>
    public static LoadResult<Located<DeploymentsPerformance>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    /// <summary>Parses <paramref name="text"/> as the file's content; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<DeploymentsPerformance>> Read(string text, string file) => YamlInput.Run(text, file, Build);

    private static DeploymentsPerformance? Build(DocumentNode root, NodeReader reader, SourceMap map)
    {
        reader.Members(root, "the deployments performance");
        YamlInput.CheckKeys(reader, root, FileName, "System");
        if (reader.Required(root, "System", "the System mapping") is not { } system) return null;
        reader.Members(system, "System");
        YamlInput.CheckKeys(reader, system, "System", "metric_name", "metric_thr", "sorted_deployments_performance");

        ApplicationMetric? metric = null;
        if (reader.Required(system, "metric_name", "the application metric") is { } metricNode && reader.String(metricNode, "the application metric") is { } name)
        {
            map.Record(MetricKey, metricNode.Location);
            metric = ApplicationMetrics.Parse(name);
            if (metric is null)
            {
                reader.Error(DiagnosticCatalog.UnknownApplicationMetric, metricNode.Location,
                    $"metric_name '{name}' is not an application metric; expected one of {string.Join(", ", ApplicationMetrics.Names)}");
            }
        }
        double? threshold = null;
        if (NodeReader.Optional(system, "metric_thr") is { IsNull: false } thresholdNode && reader.Number(thresholdNode, "the metric threshold") is { } t)
        {
            if (!ApplicationMetrics.IsValidThreshold(t))
            {
                reader.Error(DiagnosticCatalog.MetricThresholdOutOfRange, thresholdNode.Location,
                    $"metric_thr {t} is outside (0, 1]; expected a threshold above 0 and at most 1, or null for none");
            }
            else threshold = t;
        }

        var deployments = new List<DeploymentPerformance>();
        if (reader.Required(system, "sorted_deployments_performance", "the deployments, best first") is { } list)
        {
            foreach (var item in reader.Items(list, "System.sorted_deployments_performance"))
            {
                var members = reader.Members(item, "a deployment entry {name: {components, dependencies, metric_value}}");
                if (!item.IsMapping) continue;
                if (members.Count != 1)
                {
                    reader.Error(DiagnosticCatalog.WrongType, item.Location, $"{item.Path} has {members.Count} keys; expected one, the deployment's name");
                    continue;
                }
                if (ReadEntry(members[0], reader) is { } entry)
                {
                    if (deployments.Any(d => d.Name == entry.Name))
                    {
                        reader.Error(DiagnosticCatalog.DuplicateName, members[0].KeyLocation, $"deployment '{entry.Name}' is listed twice; expected unique names");
                        continue;
                    }
                    map.Record(EntryKey(entry.Name), members[0].KeyLocation);
                    deployments.Add(entry);
                }
            }
        }
        return metric is null ? null : new DeploymentsPerformance(metric.Value, threshold, deployments.ToValueList());
    }

    private static DeploymentPerformance? ReadEntry(DocumentMember member, NodeReader reader)
    {
        var body = member.Value;
        reader.Members(body, member.Key);
        YamlInput.CheckKeys(reader, body, member.Key, "components", "dependencies", "metric_value");
        var components = reader.Required(body, "components", "the deployment's components") is { } c
            ? YamlInput.StringList(reader, c, $"{member.Key}.components")
            : ValueList<string>.Empty;
        var edges = new List<DagEdge>();
        foreach (var item in NodeReader.Optional(body, "dependencies") is { } d ? reader.Items(d, $"{member.Key}.dependencies", nullIsEmpty: true) : [])
        {
            var parts = reader.Items(item, "a dependency [from, to, probability]");
            if (!item.IsSequence) continue;
            if (parts.Count != 3)
            {
                reader.Error(DiagnosticCatalog.WrongType, item.Location, $"{item.Path} has {parts.Count} items; expected [from, to, probability]");
                continue;
            }
            var (from, to) = (reader.String(parts[0], "the source component"), reader.String(parts[1], "the target component"));
            var p = reader.Number(parts[2], "the transition probability", 0, 1);
            if (from is null || to is null || p is null) continue;
            foreach (var (end, node) in new[] { (from, parts[0]), (to, parts[1]) })
            {
                if (!components.Contains(end))
                {
                    reader.Error(DiagnosticCatalog.UnknownComponent, node.Location, $"dependency end '{end}' is not among {member.Key}'s components; expected one of {string.Join(", ", components)}");
                }
            }
            edges.Add(new DagEdge(from, to, new Probability(p.Value)));
        }
        if (NodeReader.Optional(body, "metric_value") is not { IsNull: false } valueNode)
        {
            reader.Error(DiagnosticCatalog.MissingDeploymentMetric, member.KeyLocation, $"deployment '{member.Key}' has no metric_value; expected its application metric in [0, 1]");
            return null;
        }
        var value = reader.Number(valueNode, "the metric value", 0, 1);
        return value is null ? null : new DeploymentPerformance(member.Key, components, edges.ToValueList(), value.Value);
    }

    /// <summary>
    /// The Studio's output: entries sorted by descending metric (ties keep their order), the original named
    /// <c>original_deployment</c> and the others <c>alternative_deployment&lt;k&gt;</c> by rank, values rounded to 4 decimals.
    /// </summary>
    public static string Write(ApplicationMetric metric, double? threshold, IEnumerable<AlternativeDeployment> deployments)
    {
        var ranked = deployments.Where(d => d.Metric is not null).OrderByDescending(d => d.Metric!.Value).ToList();
        var sorted = new YamlSequenceNode();
        var k = 0;
        foreach (var d in ranked)
        {
            var name = d.IsOriginal ? AlternativeDeployment.OriginalName : $"{AlternativeDeployment.AlternativePrefix}{++k}";
            var body = new YamlMappingNode
            {
                { "components", YamlOutput.Strings(d.Components) },
                { "dependencies", new YamlSequenceNode(d.Dependencies.Select(e => (YamlNode)new YamlSequenceNode(YamlOutput.Str(e.From), YamlOutput.Str(e.To), YamlOutput.Num(e.Probability.Value)))) },
                { "metric_value", YamlOutput.Num(Math.Round(d.Metric!.Value, 4)) },
            };
            sorted.Add(new YamlMappingNode { { name, body } });
        }
        var system = new YamlMappingNode
        {
            { "metric_name", YamlOutput.Str(metric.Name()) },
            { "metric_thr", threshold is { } t ? YamlOutput.Num(t) : YamlOutput.Null() },
            { "sorted_deployments_performance", sorted },
        };
        return YamlOutput.Emit(new YamlMappingNode { { "System", system } });
    }

    /// <summary>Writes the file at <paramref name="path"/> atomically: every deployment with its metric value, the metric's name and the threshold (none when null).</summary>
    public static void WriteFile(string path, ApplicationMetric metric, double? threshold, IEnumerable<AlternativeDeployment> deployments) =>
        AtomicFile.WriteAllText(path, Write(metric, threshold, deployments));
}
