using System.Globalization;
using System.Text;
using AiSprint.Model.Diagnostics;
using AiSprint.Telemetry.Profiling;

namespace AiSprint.Profiling.Components;

/// <summary>
/// The aMLLibrary dataset of one component: the workload's feature columns, the resource descriptors
/// (<c>cores</c>, <c>memory_mb</c>, and the text columns <c>resource</c> and <c>processor</c>, which the campaign
/// skips), and the measured <c>time_ms</c>; one row per kept repetition.
/// </summary>
public sealed record ProfileDataset(string Component, IReadOnlyList<string> Features, IReadOnlyList<ProfileRow> Rows, int DroppedOutliers)
{
    /// <summary>The target column: the component's measured time in milliseconds.</summary>
    public const string TimeColumn = "time_ms";

    /// <summary>The descriptor columns after the features.</summary>
    public static readonly IReadOnlyList<string> DescriptorColumns = ["cores", "memory_mb", "resource", "processor"];

    /// <summary>The text columns the model must not learn from: it has to predict resources it has not seen.</summary>
    public static readonly IReadOnlyList<string> TextColumns = ["resource", "processor"];

    /// <summary>
    /// One dataset per profiled component. Outliers are dropped per configuration (a case on a core count) by
    /// <see cref="OutlierFilter"/>, and counted.
    /// </summary>
    public static IReadOnlyList<ProfileDataset> From(ProfileResult result, ResourceDescriptor resource)
    {
        ArgumentNullException.ThrowIfNull(result);
        var datasets = new List<ProfileDataset>();
        foreach (var component in result.Measurements.GroupBy(m => m.Measurement.Component, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var features = component.First().Measurement.Features.Select(f => f.Key).ToArray();
            if (features.FirstOrDefault(f => DescriptorColumns.Contains(f) || f == TimeColumn) is { } reserved)
            {
                throw new ProfilingException($"{component.First().Measurement.Workload}: error {DiagnosticCatalog.WorkloadFeaturesInconsistent.Code}: component '{component.Key}': the feature '{reserved}' has the name of a column the profiler writes; expected a name other than {string.Join(", ", DescriptorColumns.Append(TimeColumn))}");
            }

            var rows = new List<ProfileRow>();
            var dropped = 0;
            foreach (var configuration in component.GroupBy(m => (m.Cores, m.Measurement.Workload, m.Measurement.Case)).OrderBy(g => g.Key.Cores).ThenBy(g => g.Key.Workload, StringComparer.Ordinal).ThenBy(g => g.Key.Case))
            {
                var runs = configuration.OrderBy(m => m.Measurement.Repetition).ToArray();
                var kept = OutlierFilter.Keep(runs.Select(r => r.Measurement.Milliseconds).ToArray());
                dropped += runs.Length - kept.Count;
                foreach (var index in kept)
                {
                    var measurement = runs[index].Measurement;
                    var values = features.Select(name => measurement.Features.FirstOrDefault(f => f.Key == name) is { Key: not null } f ? f.Value : double.NaN).ToArray();
                    rows.Add(new ProfileRow(values, runs[index].Cores, resource.MemoryMegabytes, resource.Name, resource.Processor, measurement.Milliseconds));
                }
            }

            datasets.Add(new ProfileDataset(component.Key, features, rows, dropped));
        }

        return datasets;
    }

    /// <summary>The header line.</summary>
    public string Header => string.Join(',', Features.Concat(DescriptorColumns).Append(TimeColumn));

    /// <summary>
    /// The CSV, merged with <paramref name="existing"/> (an earlier profile of the same component with the same
    /// header, on other machines or core counts): its rows stay unless this profile re-measured their resource on
    /// the same core count, so campaigns taken apart build one dataset.
    /// </summary>
    public string ToCsv(string? existing = null)
    {
        var text = new StringBuilder(Header).Append('\n');
        var measured = Rows.Select(r => (r.Resource, r.Cores)).ToHashSet();
        if (existing is not null)
        {
            var lines = existing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
            if (lines.Length == 0 || lines[0] != Header)
            {
                throw new ProfilingException($"error {DiagnosticCatalog.ProfileOutputUnusable.Code}: the existing dataset of {Component} has the columns '{(lines.Length > 0 ? lines[0] : "")}'; expected '{Header}' to merge this profile into it (profile into a new directory, or change the workload back)");
            }

            var coresAt = Features.Count;
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(',');
                if (fields.Length != Features.Count + DescriptorColumns.Count + 1) continue;
                var key = (fields[coresAt + 2], int.TryParse(fields[coresAt], CultureInfo.InvariantCulture, out var c) ? c : -1);
                if (!measured.Contains(key)) text.Append(line).Append('\n');
            }
        }

        foreach (var row in Rows)
        {
            foreach (var value in row.Features) text.Append(Number(value)).Append(',');
            text.Append(row.Cores.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(row.MemoryMegabytes)).Append(',')
                .Append(Text(row.Resource)).Append(',')
                .Append(Text(row.Processor)).Append(',')
                .Append(Number(row.Milliseconds)).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // The dataset reader splits on commas and does not unquote: a comma in a name would shift every column.
    private static string Text(string value) => value.Replace(',', ' ').Replace('"', ' ');
}

/// <summary>A dataset row: the case's feature values, the resource descriptors and the measured time.</summary>
public sealed record ProfileRow(IReadOnlyList<double> Features, int Cores, double MemoryMegabytes, string Resource, string Processor, double Milliseconds);
