using System.Globalization;

namespace AiSprint.Telemetry.Drift;

/// <summary>
/// Reads reference values: one per line, or CSV whose last column holds them (the collection files this runtime
/// writes read back unchanged). Blank lines and <c>#</c> comments are skipped, and a first line that is no value is a header.
/// </summary>
internal static class ReferenceFile
{
    /// <summary>The values as texts (categorical metrics) — each the last field of its line.</summary>
    public static IReadOnlyList<(string Text, int Line)> ReadFields(string path)
    {
        var fields = new List<(string, int)>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var comma = line.LastIndexOf(',');
            fields.Add((comma < 0 ? line : line[(comma + 1)..].Trim(), lineNumber));
        }

        return fields;
    }

    /// <summary>The values as numbers; a header line (first, not a number) is skipped.</summary>
    public static double[] ReadNumbers(string path)
    {
        var fields = ReadFields(path);
        var values = new List<double>(fields.Count);
        for (int i = 0; i < fields.Count; i++)
        {
            var (text, line) = fields[i];
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                values.Add(v);
            }
            else if (text is "true" or "false" or "True" or "False")
            {
                values.Add(text is "true" or "True" ? 1 : 0);
            }
            else if (i > 0 || fields.Count == 1)
            {
                throw new FormatException($"{path}:{line}:1: '{text}' is not a number; expected one value per line (or CSV with the value last).");
            }
        }

        return values.ToArray();
    }
}
