using System.Globalization;
using System.Text;
using AiSprint.Contract;
using AiSprint.Model.Formats.AiSprint;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.Operations;

/// <summary>
/// monitoring/rules.yml: one Prometheus alerting rule per constraint, over the metrics the generated
/// wrappers export through OpenTelemetry's Prometheus exporter. SPACE4AI-D constrains the MEAN response
/// time, so each rule compares sum/count over a window with the threshold, not a percentile.
/// </summary>
public static class PrometheusRules
{
    /// <summary>The rule file's name under the build's monitoring/ folder.</summary>
    public const string FileName = "rules.yml";

    /// <summary>aisprint.component.duration (ms) as the OpenTelemetry Prometheus exporter names it.</summary>
    public static string ComponentDuration => TelemetryNames.PrometheusComponentDuration;

    /// <summary>aisprint.path.duration (ms), recorded by the last component of a path.</summary>
    public static string PathDuration => TelemetryNames.PrometheusPathDuration;

    /// <summary>
    /// The rule file: one alert per local and global constraint, firing when the mean over <paramref name="window"/> stays
    /// above the threshold for <paramref name="holdFor"/> (both PromQL durations); an empty group when nothing is constrained.
    /// </summary>
    public static string Write(SystemDescription system, string window = "5m", string holdFor = "2m")
    {
        var rules = new YamlSequenceNode();
        foreach (var local in system.LocalConstraints)
        {
            var ms = local.MaxResponseTime.Value * 1000;
            rules.Add(Rule(
                $"AiSprintLocalConstraint_{Sanitize(local.Component)}",
                Mean(ComponentDuration, TelemetryNames.ComponentTag, local.Component, window, ms),
                holdFor, local.Component, "local",
                $"{local.Component} answers in {{{{ $value | printf \"%.0f\" }}}} ms on average over {window}; its local constraint is {Format(ms)} ms"));
        }
        foreach (var global in system.GlobalConstraints)
        {
            var ms = global.MaxResponseTime.Value * 1000;
            rules.Add(Rule(
                $"AiSprintGlobalConstraint_{Sanitize(global.Name)}",
                Mean(PathDuration, TelemetryNames.PathTag, global.Name, window, ms),
                holdFor, global.Name, "global",
                $"path {global.Name} ({string.Join(" -> ", global.Path)}) takes {{{{ $value | printf \"%.0f\" }}}} ms on average over {window}; its global constraint is {Format(ms)} ms"));
        }
        var group = new YamlMappingNode
        {
            { "name", YamlOutput.Str($"aisprint-{Sanitize(system.Name ?? "application")}") },
            { "rules", rules },
        };
        return YamlOutput.Emit(new YamlMappingNode { { "groups", new YamlSequenceNode(group) } });
    }

    private static YamlMappingNode Rule(string alert, string expression, string holdFor, string constraint, string scope, string summary) => new()
    {
        { "alert", YamlOutput.Str(alert) },
        { "expr", YamlOutput.Str(expression) },
        { "for", YamlOutput.Str(holdFor) },
        { "labels", new YamlMappingNode { { "severity", YamlOutput.Str("warning") }, { "constraint", YamlOutput.Str(constraint) }, { "scope", YamlOutput.Str(scope) } } },
        { "annotations", new YamlMappingNode { { "summary", YamlOutput.Str(summary) } } },
    };

    private static string Mean(string metric, string label, string value, string window, double thresholdMs) =>
        $"{PrometheusQueries.MeanOverWindow(metric, PrometheusQueries.Selector(label, value), window)} > {Format(thresholdMs)}";

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Alert names are label values, but a metric-name-like identifier reads better in every UI.</summary>
    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name) text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return text.ToString();
    }
}
