using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// Reads a demands file: CSV with the header <c>component,resource,demand_ms</c> (any column order; an extra
/// <c>partition</c> column or any other is ignored), one row per compatible (component, resource); blank lines and
/// lines starting with '#' are skipped. Fields are not quoted: component and resource names hold no commas. The
/// MSBuild step writes the same file from the performance-model predictions; samples ship it by hand.
/// </summary>
internal static class DemandsReader
{
    public const string FileName = "demands.csv";
    public const string Suffix = ".demands.csv";
    private static readonly string[] RequiredColumns = { "component", "resource", "demand_ms" };

    public static bool IsDemandsFile(string fileName) =>
        fileName.Equals(FileName, StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    public static ParsedFile<DemandMatrix> Read(string path, SourceText text)
    {
        var problems = ImmutableArray.CreateBuilder<FileProblem>();
        var rows = new List<Demand>();
        int[]? columns = null;
        var headerWidth = 0;
        foreach (var line in text.Lines)
        {
            var content = line.ToString();
            var trimmed = content.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var fields = content.Split(',').Select(f => f.Trim()).ToArray();
            var location = FileLocation.Of(path, text, line.Span);
            if (columns is null)
            {
                var header = fields.Select(f => f.ToLowerInvariant()).ToList();
                var missing = RequiredColumns.Where(c => !header.Contains(c)).ToArray();
                if (missing.Length > 0)
                {
                    problems.Add(new FileProblem(location, "the header '" + trimmed + "' lacks " + string.Join(", ", missing) + "; expected component,resource,demand_ms"));
                    return new ParsedFile<DemandMatrix>(path, null, problems.ToImmutable());
                }

                columns = RequiredColumns.Select(c => header.IndexOf(c)).ToArray();
                headerWidth = fields.Length;
                continue;
            }

            if (fields.Length != headerWidth)
            {
                problems.Add(new FileProblem(location, "the row has " + fields.Length + " fields; the header has " + headerWidth));
                continue;
            }

            var component = fields[columns[0]];
            var resource = fields[columns[1]];
            var demandText = fields[columns[2]];
            if (component.Length == 0 || resource.Length == 0)
            {
                problems.Add(new FileProblem(location, "the row has an empty component or resource; expected both names"));
            }
            else if (!double.TryParse(demandText, NumberStyles.Float, CultureInfo.InvariantCulture, out var demand) || double.IsNaN(demand) || double.IsInfinity(demand) || demand < 0)
            {
                problems.Add(new FileProblem(location, "demand_ms is '" + demandText + "'; expected a number of milliseconds, at least 0"));
            }
            else
            {
                rows.Add(new Demand(component, resource, demand, location));
            }
        }

        if (columns is null)
        {
            problems.Add(new FileProblem(FileLocation.OfLine(path, text, 1), "the file has no header; expected component,resource,demand_ms"));
            return new ParsedFile<DemandMatrix>(path, null, problems.ToImmutable());
        }

        return new ParsedFile<DemandMatrix>(path, new DemandMatrix(rows), problems.ToImmutable());
    }
}
