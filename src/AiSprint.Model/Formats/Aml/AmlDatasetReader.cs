using System.Globalization;
using System.Text;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// Reads an aMLLibrary input CSV (what <c>pandas.read_csv</c> loads): comma-separated, RFC-4180 quoting
/// (fields may hold commas, doubled quotes and line breaks), a header line, blank lines skipped.
/// A column is numeric when every present cell is a number, else categorical; pandas' default missing markers
/// (empty, NA, NaN, null, None…) are missing values; repeated header names get pandas' ".1" suffixes.
/// Deviations from pandas are errors rather than guesses: a row with fewer fields than the header (pandas pads it
/// with NaN, which aMLLibrary's data check then rejects) and a quote inside an unquoted field.
/// </summary>
public static class AmlDatasetReader
{
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.Ordinal)
    {
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    };

    /// <summary>Reads the CSV at <paramref name="path"/>; problems come back located in the result.</summary>
    public static LoadResult<AmlDataset> Load(string path)
    {
        var diagnostics = new DiagnosticBag();
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(path), $"cannot read the dataset: {ex.Message}");
            return new LoadResult<AmlDataset>(null, diagnostics.Items);
        }
        var dataset = Parse(text, path, diagnostics);
        return new LoadResult<AmlDataset>(dataset, diagnostics.Items);
    }

    private readonly record struct Field(string Text, bool Quoted, int Line, int Column);

    private sealed record Record(List<Field> Fields, int Line, int EndColumn);

    /// <summary>Parses CSV <paramref name="text"/>; <paramref name="file"/> names it in diagnostics. Null when an error was added.</summary>
    public static AmlDataset? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = Tokenize(text, file, diagnostics);
        if (records is null) return null;
        if (records.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, 1, 1), "the file is empty; expected a header line with the column names");
            return null;
        }
        var header = records[0];
        var names = HeaderNames(header.Fields);
        var cells = names.Select(_ => new List<string?>()).ToList();
        var ok = true;
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != names.Count)
            {
                var at = record.Fields.Count > names.Count
                    ? new SourceLocation(file, record.Fields[names.Count].Line, record.Fields[names.Count].Column)
                    : new SourceLocation(file, record.Line, record.EndColumn);
                diagnostics.Add(DiagnosticCatalog.CsvRowLength, at,
                    $"this row has {record.Fields.Count} fields but the header (line {header.Line}) names {names.Count} columns");
                ok = false;
                continue;
            }
            for (var i = 0; i < names.Count; i++)
            {
                var field = record.Fields[i];
                cells[i].Add(!field.Quoted && MissingMarkers.Contains(field.Text) ? null : field.Text);
            }
        }
        if (!ok) return null;
        var columns = names.Select((name, i) => TypeColumn(name, cells[i])).ToValueList();
        return new AmlDataset(columns, records.Count - 1) { RowLines = records.Skip(1).Select(r => r.Line).ToValueList() };
    }

    private static List<string> HeaderNames(List<Field> fields)
    {
        var names = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Text.Length == 0 ? $"Unnamed: {i}" : fields[i].Text;
            var candidate = name;
            for (var n = 1; names.Contains(candidate); n++) candidate = $"{name}.{n}";
            names.Add(candidate);
        }
        return names;
    }

    private static AmlColumn TypeColumn(string name, List<string?> cells)
    {
        var numbers = new List<double>(cells.Count);
        foreach (var cell in cells)
        {
            if (cell is null) numbers.Add(double.NaN);
            else if (TryNumber(cell, out var number)) numbers.Add(number);
            else return new CategoricalColumn(name, cells.ToValueList());
        }
        return new NumericColumn(name, numbers.ToValueList());
    }

    private static bool TryNumber(string text, out double value)
    {
        var trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "inf" or "+inf" or "infinity" or "+infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && trimmed.Length > 0
               && (char.IsAsciiDigit(trimmed[^1]) || trimmed[^1] == '.');
    }

    private static List<Record>? Tokenize(string text, string file, DiagnosticBag diagnostics)
    {
        var records = new List<Record>();
        var fields = new List<Field>();
        var line = 1;
        var column = 1;
        var recordLine = 1;
        var pos = 0;
        var value = new StringBuilder();
        var atRecordStart = true;

        while (pos <= text.Length)
        {
            if (atRecordStart)
            {
                // Blank lines are skipped, as pandas does by default.
                if (pos < text.Length && text[pos] is '\n' or '\r')
                {
                    pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                    line++;
                    column = 1;
                    continue;
                }
                if (pos == text.Length) break;
                atRecordStart = false;
                recordLine = line;
            }
            var fieldLine = line;
            var fieldColumn = column;
            value.Clear();
            var quoted = pos < text.Length && text[pos] == '"';
            if (quoted)
            {
                pos++;
                column++;
                while (true)
                {
                    if (pos >= text.Length)
                    {
                        diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, fieldLine, fieldColumn), "this quoted field has no closing quote");
                        return null;
                    }
                    var c = text[pos];
                    if (c == '"')
                    {
                        if (pos + 1 < text.Length && text[pos + 1] == '"')
                        {
                            value.Append('"');
                            pos += 2;
                            column += 2;
                            continue;
                        }
                        pos++;
                        column++;
                        break;
                    }
                    if (c is '\n' or '\r')
                    {
                        var crlf = c == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n';
                        value.Append(crlf ? "\r\n" : c.ToString());
                        pos += crlf ? 2 : 1;
                        line++;
                        column = 1;
                        continue;
                    }
                    value.Append(c);
                    pos++;
                    column++;
                }
                if (pos < text.Length && text[pos] is not (',' or '\n' or '\r'))
                {
                    diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, line, column),
                        "expected ',' or the end of the line after a closing quote");
                    return null;
                }
            }
            else
            {
                while (pos < text.Length && text[pos] is not (',' or '\n' or '\r'))
                {
                    if (text[pos] == '"')
                    {
                        diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, line, column),
                            "a quote inside an unquoted field; quote the whole field and double the inner quote (\"\")");
                        return null;
                    }
                    value.Append(text[pos]);
                    pos++;
                    column++;
                }
            }
            fields.Add(new Field(value.ToString(), quoted, fieldLine, fieldColumn));
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                column++;
                continue;
            }
            records.Add(new Record(fields, recordLine, column));
            fields = [];
            atRecordStart = true;
            if (pos >= text.Length) break;
            pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
            line++;
            column = 1;
        }
        return records;
    }
}
