using System.Globalization;
using AiSprint.Contract.Inputs;
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
    /// <summary>A table with no rows.</summary>
    public static DemandTable Empty { get; } = new(ValueList<DemandEntry>.Empty);

    /// <summary>The rows of <paramref name="component"/>, one per resource.</summary>
    public IEnumerable<DemandEntry> Of(string component) => Entries.Where(e => e.Component == component);

    /// <summary>Later tables win over earlier ones for the same component and resource; pass them in <see cref="DemandsMerge.Order"/> (the analyzers' rule too).</summary>
    public static DemandTable Merge(IEnumerable<DemandTable> tables) =>
        new(DemandsMerge.LaterWins(tables.Select(t => t.Entries.AsEnumerable()), e => e.Component, e => e.Resource).ToValueList());
}

/// <summary>
/// Reads and writes a demands CSV (<c>demands.csv</c> or <c>*.demands.csv</c>), the format <see cref="DemandsCsv"/>
/// defines for the build and the analyzers alike.
/// </summary>
public static class DemandTableCsv
{
    /// <summary>Reads a demands CSV (<c>component,resource,demand_ms[,cold_ms]</c>); problems come back located in the result.</summary>
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

    /// <summary>Reads the table through the rules the analyzers apply too (<see cref="DemandsCsv"/>).</summary>
    public static LoadResult<DemandTable> Parse(string text, string file)
    {
        var read = DemandsCsv.Parse(text);
        var diagnostics = read.Problems.Select(p => DiagnosticCatalog.Of(p.Rule).At(new SourceLocation(file, p.Line, p.Column), p.Message)).ToArray();
        var table = read.Rows is { } rows
            ? new DemandTable(rows.Select(r => new DemandEntry(r.Component, r.Resource, new Seconds(r.DemandMs / 1000),
                r.ColdMs is { } cold ? new Seconds(cold / 1000) : null, new SourceLocation(file, r.Line, 1))).ToValueList())
            : null;
        return new LoadResult<DemandTable>(table, diagnostics);
    }

    /// <summary>The CSV text of <paramref name="table"/>, with the header.</summary>
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
}
