using System.Globalization;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// The demand of a component on one resource: its response time there without contention. On a FaaS
/// resource <see cref="Demand"/> is the warm time and <see cref="ColdStart"/> the cold one.
/// </summary>
public sealed record DemandEntry(string Component, string Resource, Seconds Demand, Seconds? ColdStart, SourceLocation Location);

/// <summary>Measured or predicted demands; a resource a component has a demand on is a resource it may run on.</summary>
public sealed record DemandTable(ValueList<DemandEntry> Entries)
{
    public static DemandTable Empty { get; } = new(ValueList<DemandEntry>.Empty);

    public IEnumerable<DemandEntry> Of(string component) => Entries.Where(e => e.Component == component);

    /// <summary>Later tables win over earlier ones for the same component and resource (predictions refresh a hand-written table).</summary>
    public static DemandTable Merge(IEnumerable<DemandTable> tables)
    {
        var merged = new List<DemandEntry>();
        foreach (var entry in tables.SelectMany(t => t.Entries))
        {
            var at = merged.FindIndex(e => e.Component == entry.Component && e.Resource == entry.Resource);
            if (at >= 0) merged[at] = entry;
            else merged.Add(entry);
        }
        return new DemandTable(merged.ToValueList());
    }
}

/// <summary>
/// Reads and writes a demands CSV (<c>demands.csv</c> or <c>*.demands.csv</c>): header
/// <c>component,resource,demand_ms</c>, optionally <c>cold_ms</c> (FaaS cold start) and <c>partition</c>
/// (ignored: partition demands are derived from the component's); '#' starts a comment line.
/// The analyzers read the same file for their feasibility checks.
/// </summary>
public static class DemandTableCsv
{
    private static readonly string[] Required = ["component", "resource", "demand_ms"];
    private static readonly string[] Known = [.. Required, "cold_ms", "partition"];

    public static LoadResult<DemandTable> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadResult<DemandTable>(null, [DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path), $"cannot read the demands: {ex.Message}")]);
        }
        return Parse(text, path);
    }

    public static LoadResult<DemandTable> Parse(string text, string file)
    {
        var bag = new DiagnosticBag();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        string[]? header = null;
        var entries = new List<DemandEntry>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            var number = i + 1;
            if (header is null)
            {
                header = fields;
                foreach (var missing in Required.Where(r => !header.Contains(r, StringComparer.Ordinal)))
                {
                    bag.Add(DiagnosticCatalog.MissingKey, new SourceLocation(file, number, 1),
                        $"the header has no '{missing}' column; expected {string.Join(",", Required)} (optionally cold_ms, partition)");
                }
                foreach (var (name, column) in header.Select((n, c) => (n, c)).Where(x => !Known.Contains(x.n, StringComparer.Ordinal)))
                {
                    bag.Add(DiagnosticCatalog.UnknownKey, new SourceLocation(file, number, ColumnOf(lines[i], column)),
                        $"column '{name}' is not part of the demands format and is ignored; expected {string.Join(", ", Known)}{(KeySuggestion.Closest(name, Known) is { } hint ? $" (did you mean '{hint}'?)" : "")}");
                }
                for (var column = 0; column < header.Length; column++)
                {
                    // Only the first of two same-named columns would be read: the other's values would vanish silently.
                    if (Array.IndexOf(header, header[column]) < column)
                    {
                        bag.Add(DiagnosticCatalog.DuplicateName, new SourceLocation(file, number, ColumnOf(lines[i], column)),
                            $"column '{header[column]}' is named twice; expected each column once");
                    }
                }
                if (bag.HasErrors) return new LoadResult<DemandTable>(null, bag.Items);
                continue;
            }
            if (fields.Length != header.Length)
            {
                bag.Add(DiagnosticCatalog.CsvRowLength, new SourceLocation(file, number, 1), $"this row has {fields.Length} fields but the header names {header.Length} columns");
                continue;
            }
            string Field(string name) => fields[Array.IndexOf(header, name)];
            Seconds? Time(string name, bool required)
            {
                var at = Array.IndexOf(header, name);
                if (at < 0 || (!required && fields[at].Length == 0)) return null;
                if (double.TryParse(fields[at], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms > 0 && double.IsFinite(ms)) return new Seconds(ms / 1000);
                bag.Add(DiagnosticCatalog.InvalidValue, new SourceLocation(file, number, ColumnOf(lines[i], at)),
                    $"{name} '{fields[at]}' is not a positive number of milliseconds");
                return null;
            }
            var component = Field("component");
            var resource = Field("resource");
            if (component.Length == 0 || resource.Length == 0)
            {
                bag.Add(DiagnosticCatalog.MissingKey, new SourceLocation(file, number, 1), "a row needs a component and a resource name");
                continue;
            }
            var demand = Time("demand_ms", required: true);
            var cold = Time("cold_ms", required: false);
            if (demand is null) continue;
            var location = new SourceLocation(file, number, 1);
            if (entries.Any(e => e.Component == component && e.Resource == resource))
            {
                bag.Add(DiagnosticCatalog.DuplicateName, location, $"{component} on {resource} is listed twice; expected one demand per component and resource");
                continue;
            }
            entries.Add(new DemandEntry(component, resource, demand.Value, cold, location));
        }
        if (header is null) bag.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, 1, 1), $"the file is empty; expected the header {string.Join(",", Required)}");
        return new LoadResult<DemandTable>(bag.HasErrors ? null : new DemandTable(entries.ToValueList()), bag.Items);
    }

    public static string Write(DemandTable table)
    {
        var text = new System.Text.StringBuilder("component,resource,demand_ms,cold_ms\n");
        foreach (var e in table.Entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Component},{e.Resource},{Milliseconds(e.Demand)},{(e.ColdStart is { } c ? Milliseconds(c) : "")}\n");
        }
        return text.ToString();
    }

    /// <summary>Seconds back to ms, rounded to a nanosecond: 0.52 s is written 520, not the 519.9999999999999 of the product.</summary>
    private static string Milliseconds(Seconds time) => Math.Round(time.Value * 1000, 6).ToString("R", CultureInfo.InvariantCulture);

    private static int ColumnOf(string line, int field)
    {
        var column = 0;
        for (var f = 0; f < field; f++) column = line.IndexOf(',', column) + 1;
        return column + 1;
    }
}
