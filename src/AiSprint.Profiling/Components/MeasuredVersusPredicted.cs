using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AiSprint.Model.Diagnostics;
using AiSprint.Regression.Models;

namespace AiSprint.Profiling.Components;

/// <summary>
/// How well a component's trained model reproduces what was measured on the profiled resource: per configuration
/// (the workload's feature values on a core count) the mean measured time next to the mean prediction, and their
/// mean absolute percentage error — the figure the OSCAR-P paper reports (below 30 % in every scenario).
/// </summary>
public static partial class MeasuredVersusPredicted
{
    /// <summary>One configuration: its feature values and core count, measured and predicted means in milliseconds.</summary>
    public sealed record Configuration(string Description, double MeasuredMilliseconds, double PredictedMilliseconds);

    /// <summary>The comparison of one component on one resource.</summary>
    public sealed record Comparison(string Component, string Resource, IReadOnlyList<Configuration> Configurations)
    {
        /// <summary>Mean absolute percentage error of the predicted means, in percent.</summary>
        public double MapePercent => Configurations.Count == 0 ? double.NaN
            : 100 * Configurations.Average(c => Math.Abs(c.PredictedMilliseconds - c.MeasuredMilliseconds) / c.MeasuredMilliseconds);
    }

    /// <summary>Compares <paramref name="model"/> with the rows of <paramref name="datasetPath"/> measured on <paramref name="resource"/>.</summary>
    public static Comparison Compare(string component, string datasetPath, RegressionModel model, string resource)
    {
        var predictions = model.PredictCsv(datasetPath);
        var lines = File.ReadAllLines(datasetPath).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var at ? at
            : throw new ProfilingException($"{datasetPath}:1:1: error {DiagnosticCatalog.ProfileOutputUnusable.Code}: no '{name}' column; expected a dataset written by aisprint profile");
        var resourceAt = Column("resource");
        var timeAt = Column(ProfileDataset.TimeColumn);
        var descriptive = header.Select((name, at) => (name, at))
            .Where(c => c.at != timeAt && !ProfileDataset.TextColumns.Contains(c.name) && c.name != "memory_mb")
            .ToArray();
        var configurations = lines.Skip(1)
            .Select((line, row) => (Fields: line.Split(','), Prediction: predictions[row]))
            .Where(r => r.Fields.Length == header.Length && r.Fields[resourceAt] == resource)
            .GroupBy(r => string.Join(" ", descriptive.Select(c => $"{c.name}={r.Fields[c.at]}")))
            .Select(g => new Configuration(
                g.Key,
                g.Average(r => double.Parse(r.Fields[timeAt], CultureInfo.InvariantCulture)),
                g.Average(r => r.Prediction)))
            .ToArray();
        return new Comparison(component, resource, configurations);
    }

    /// <summary>The lines the build prints: the summary first, then one line per configuration.</summary>
    public static string ToText(Comparison comparison, double? demandMilliseconds)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{comparison.Component} on {comparison.Resource}: measured vs predicted over {comparison.Configurations.Count} configuration(s), MAPE {comparison.MapePercent:0.0} %");
        if (demandMilliseconds is { } demand) text.Append(CultureInfo.InvariantCulture, $"; placed with the predicted demand {demand:0.####} ms");
        text.Append('\n');
        foreach (var c in comparison.Configurations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {comparison.Component} {c.Description}: measured {c.MeasuredMilliseconds:0.####} ms, predicted {c.PredictedMilliseconds:0.####} ms\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The comparisons back from the lines <see cref="ToText"/> wrote (the build keeps only those, in measured-vs-predicted.txt),
    /// in the order their components first appear; lines of another shape are skipped. Values keep ToText's four decimals.
    /// </summary>
    public static IReadOnlyList<Comparison> FromText(string text)
    {
        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        var configurations = new Dictionary<string, List<Configuration>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (SummaryLine().Match(line.TrimEnd('\r')) is { Success: true } summary)
            {
                resources[summary.Groups["component"].Value] = summary.Groups["resource"].Value;
                if (!order.Contains(summary.Groups["component"].Value)) order.Add(summary.Groups["component"].Value);
            }
            else if (ConfigurationLine().Match(line.TrimEnd('\r')) is { Success: true } row
                     && double.TryParse(row.Groups["measured"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var measured)
                     && double.TryParse(row.Groups["predicted"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var predicted))
            {
                var component = row.Groups["component"].Value;
                if (!order.Contains(component)) order.Add(component);
                (configurations.TryGetValue(component, out var list) ? list : configurations[component] = []).Add(new Configuration(row.Groups["description"].Value, measured, predicted));
            }
        }
        return order.Where(configurations.ContainsKey).Select(c => new Comparison(c, resources.GetValueOrDefault(c, ""), configurations[c])).ToList();
    }

    [GeneratedRegex(@"^(?<component>\S+) on (?<resource>.+?): measured vs predicted over ", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\s*(?<component>\S+) (?<description>.*): measured (?<measured>\S+) ms, predicted (?<predicted>\S+) ms$", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigurationLine();
}
