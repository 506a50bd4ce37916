using System;
using System.Collections.Generic;
using System.Globalization;
using AiSprint.Contract.Diagnostics;

namespace AiSprint.Contract.Inputs;

/// <summary>One row of a demands CSV: a component's service time (ms, no contention) on a resource; on FaaS the warm time and, optionally, the cold one.</summary>
internal sealed class DemandRow
{
    public DemandRow(string component, string resource, double demandMs, double? coldMs, int line)
    {
        Component = component;
        Resource = resource;
        DemandMs = demandMs;
        ColdMs = coldMs;
        Line = line;
    }

    public string Component { get; }

    public string Resource { get; }

    public double DemandMs { get; }

    public double? ColdMs { get; }

    /// <summary>1-based line of the row in its file.</summary>
    public int Line { get; }
}

/// <summary>What a demands CSV holds: its rows when it has no error, and every problem found.</summary>
internal sealed class DemandsCsvResult
{
    public DemandsCsvResult(IReadOnlyList<DemandRow>? rows, IReadOnlyList<InputProblem> problems)
    {
        Rows = rows;
        Problems = problems;
    }

    /// <summary>Null when the file has an error: a half-read table would make a later rule judge numbers nobody wrote.</summary>
    public IReadOnlyList<DemandRow>? Rows { get; }

    public IReadOnlyList<InputProblem> Problems { get; }
}

/// <summary>
/// The demands CSV (<c>demands.csv</c> or <c>*.demands.csv</c>), read alike by the analyzers and the build: header
/// <c>component,resource,demand_ms</c> in any order, optionally <c>cold_ms</c> (FaaS cold start, not below the warm
/// demand) and <c>partition</c> (ignored: partition demands are derived from the component's); '#' starts a comment
/// line; fields are unquoted. A demand is a positive number of milliseconds (a zero demand would make a component
/// free and every threshold reachable); a component and resource pair is listed once. Unknown columns are warned
/// about and ignored.
/// </summary>
internal static class DemandsCsv
{
    public const string FileName = "demands.csv";
    public const string Suffix = ".demands.csv";
    public const string ComponentColumn = "component";
    public const string ResourceColumn = "resource";
    public const string DemandColumn = "demand_ms";
    public const string ColdColumn = "cold_ms";
    public const string PartitionColumn = "partition";

    private static readonly string[] Required = { ComponentColumn, ResourceColumn, DemandColumn };
    private static readonly string[] Known = { ComponentColumn, ResourceColumn, DemandColumn, ColdColumn, PartitionColumn };

    public static bool IsDemandsFile(string fileName) =>
        fileName.Equals(FileName, StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    public static DemandsCsvResult Parse(string text)
    {
        var problems = new List<InputProblem>();
        var rows = new List<DemandRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string[]? header = null;
        var hasError = false;

        void Report(Rule rule, int line, int column, string message)
        {
            problems.Add(new InputProblem(rule, line, column, message));
            hasError |= rule.IsError;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var number = i + 1;
            var fields = Split(raw);
            if (header is null)
            {
                header = fields;
                ReadHeader(header, raw, number, Report);
                if (hasError)
                {
                    return new DemandsCsvResult(null, problems);
                }

                continue;
            }

            if (fields.Length != header.Length)
            {
                Report(RuleCatalog.CsvRowLength, number, 1, "this row has " + fields.Length + " fields but the header names " + header.Length + " columns");
                continue;
            }

            var component = fields[Array.IndexOf(header, ComponentColumn)];
            var resource = fields[Array.IndexOf(header, ResourceColumn)];
            if (component.Length == 0 || resource.Length == 0)
            {
                Report(RuleCatalog.MissingKey, number, 1, "a row needs a component and a resource name");
                continue;
            }

            var demand = Milliseconds(DemandColumn, required: true);
            var cold = Milliseconds(ColdColumn, required: false);
            if (demand is null)
            {
                continue;
            }

            if (cold is { } c && c < demand.Value)
            {
                Report(RuleCatalog.InvalidValue, number, ColumnOf(raw, Array.IndexOf(header, ColdColumn)),
                    "cold_ms " + Format(c) + " is below demand_ms " + Format(demand.Value) + "; a cold start is never faster than a warm call");
                continue;
            }

            var key = component + "\n" + resource;
            if (seen.TryGetValue(key, out var first))
            {
                Report(RuleCatalog.DuplicateName, number, 1,
                    component + " on " + resource + " is listed twice (first at line " + first + "); expected one demand per component and resource");
                continue;
            }

            seen.Add(key, number);
            rows.Add(new DemandRow(component, resource, demand.Value, cold, number));

            double? Milliseconds(string column, bool required)
            {
                var at = Array.IndexOf(header, column);
                if (at < 0 || (!required && fields[at].Length == 0))
                {
                    return null;
                }

                if (double.TryParse(fields[at], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms > 0 && !double.IsInfinity(ms))
                {
                    return ms;
                }

                Report(RuleCatalog.InvalidValue, number, ColumnOf(raw, at), column + " '" + fields[at] + "' is not a positive number of milliseconds");
                return null;
            }
        }

        if (header is null)
        {
            Report(RuleCatalog.Syntax, 1, 1, "the file is empty; expected the header " + string.Join(",", Required));
        }

        return new DemandsCsvResult(hasError ? null : rows, problems);
    }

    private static void ReadHeader(string[] header, string raw, int number, Action<Rule, int, int, string> report)
    {
        foreach (var missing in Required)
        {
            if (Array.IndexOf(header, missing) < 0)
            {
                report(RuleCatalog.MissingKey, number, 1,
                    "the header has no '" + missing + "' column; expected " + string.Join(",", Required) + " (optionally cold_ms, partition)");
            }
        }

        for (var column = 0; column < header.Length; column++)
        {
            var name = header[column];
            if (Array.IndexOf(header, name) < column)
            {
                // Only the first of two same-named columns would be read: the other's values would vanish silently.
                report(RuleCatalog.DuplicateName, number, ColumnOf(raw, column), "column '" + name + "' is named twice; expected each column once");
            }
            else if (Array.IndexOf(Known, name) < 0)
            {
                var hint = NameSuggestion.Closest(name, Known);
                report(RuleCatalog.UnknownKey, number, ColumnOf(raw, column),
                    "column '" + name + "' is not part of the demands format and is ignored; expected " + string.Join(", ", Known)
                    + (hint is null ? "" : " (did you mean '" + hint + "'?)"));
            }
        }
    }

    private static string[] Split(string line)
    {
        var fields = line.Split(',');
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = fields[i].Trim();
        }

        return fields;
    }

    private static string Format(double ms) => ms.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>1-based column where field number <paramref name="field"/> starts.</summary>
    private static int ColumnOf(string line, int field)
    {
        var column = 0;
        for (var f = 0; f < field; f++)
        {
            column = line.IndexOf(',', column) + 1;
        }

        return column + 1;
    }
}
