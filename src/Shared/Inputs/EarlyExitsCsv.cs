using System;
using System.Collections.Generic;
using System.Text;
using AiSprint.Contract.Diagnostics;

namespace AiSprint.Contract.Inputs;

/// <summary>One exit of an early-exit network: where its head attaches to the backbone and what the head outputs.</summary>
internal sealed class EarlyExitRow
{
    public EarlyExitRow(int number, IReadOnlyList<string> attachTensors, IReadOnlyList<string> headOutputs, int line, int attachColumn, int headColumn)
    {
        Number = number;
        AttachTensors = attachTensors;
        HeadOutputs = headOutputs;
        Line = line;
        AttachColumn = attachColumn;
        HeadColumn = headColumn;
    }

    /// <summary>The row's <c>exits</c> cell (the Studio numbers them from 1).</summary>
    public int Number { get; }

    /// <summary><c>input_nodes</c>: the backbone tensors where the model is cut, the next partition's inputs.</summary>
    public IReadOnlyList<string> AttachTensors { get; }

    /// <summary><c>output_nodes</c>: the exit head's outputs, on which the condition is evaluated.</summary>
    public IReadOnlyList<string> HeadOutputs { get; }

    public int Line { get; }

    public int AttachColumn { get; }

    public int HeadColumn { get; }
}

/// <summary>What an early_exits.csv holds: its exits when it has no error, and every problem found.</summary>
internal sealed class EarlyExitsCsvResult
{
    public EarlyExitsCsvResult(IReadOnlyList<EarlyExitRow>? exits, IReadOnlyList<InputProblem> problems)
    {
        Exits = exits;
        Problems = problems;
    }

    /// <summary>Null when the file has an error.</summary>
    public IReadOnlyList<EarlyExitRow>? Exits { get; }

    public IReadOnlyList<InputProblem> Problems { get; }
}

/// <summary>
/// The AI-SPRINT Studio's <c>early_exits.csv</c> (aisprint-studio.md §2.2), read alike by the analyzers (to count the
/// exits against the declared probabilities) and the partitioner: header <c>exits,input_nodes,output_nodes</c>, one
/// row per exit in network order, the two tensor cells Python list literals (<c>['a', "b"]</c>, quoted as pandas
/// writes them when they hold a comma). Tensors are checked against the model by the partitioner, not here.
/// </summary>
internal static class EarlyExitsCsv
{
    public const string FileName = "early_exits.csv";
    public const string ExitsColumn = "exits";
    public const string AttachColumn = "input_nodes";
    public const string HeadColumn = "output_nodes";

    public static bool IsEarlyExitsFile(string fileName) => fileName.Equals(FileName, StringComparison.OrdinalIgnoreCase);

    public static EarlyExitsCsvResult Parse(string text)
    {
        var problems = new List<InputProblem>();
        var exits = new List<EarlyExitRow>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var sawHeader = false;
        var hasError = false;

        void Report(int line, int column, string message)
        {
            problems.Add(new InputProblem(RuleCatalog.MalformedEarlyExits, line, column, message));
            hasError = true;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var number = i + 1;
            var fields = SplitQuoted(raw, out var columns);
            if (!sawHeader)
            {
                sawHeader = true;
                // pandas' to_csv may write an unnamed index column first; the Studio reads the named columns.
                var offset = fields.Count == 4 && fields[0].Trim().Length == 0 ? 1 : 0;
                if (fields.Count - offset != 3 || fields[offset].Trim() != ExitsColumn || fields[offset + 1].Trim() != AttachColumn || fields[offset + 2].Trim() != HeadColumn)
                {
                    Report(number, 1, "the header is '" + raw.Trim() + "'; expected " + ExitsColumn + "," + AttachColumn + "," + HeadColumn);
                    return new EarlyExitsCsvResult(null, problems);
                }

                continue;
            }

            var skip = fields.Count == 4 ? 1 : 0;
            if (fields.Count - skip != 3)
            {
                Report(number, 1, "this row has " + fields.Count + " fields; expected 3 (exits, input_nodes, output_nodes), list cells quoted when they hold a comma");
                continue;
            }

            var exitCell = fields[skip].Trim();
            if (!int.TryParse(exitCell, out var exit) || exit < 0)
            {
                Report(number, columns[skip], "exits '" + exitCell + "' is not an exit number");
                continue;
            }

            var attach = ListLiteral(fields[skip + 1], number, columns[skip + 1], AttachColumn, Report);
            var head = ListLiteral(fields[skip + 2], number, columns[skip + 2], HeadColumn, Report);
            if (attach is not null && head is not null)
            {
                exits.Add(new EarlyExitRow(exit, attach, head, number, columns[skip + 1], columns[skip + 2]));
            }
        }

        if (!sawHeader)
        {
            Report(1, 1, "the file is empty; expected the header " + ExitsColumn + "," + AttachColumn + "," + HeadColumn + " and one row per exit");
        }
        else if (!hasError && exits.Count == 0)
        {
            Report(1, 1, "the file lists no exit; expected one row per exit after the header");
        }

        return new EarlyExitsCsvResult(hasError ? null : exits, problems);
    }

    /// <summary>A Python list literal of strings; null (and a problem) when it is anything else or empty.</summary>
    private static List<string>? ListLiteral(string cell, int line, int column, string name, Action<int, int, string> report)
    {
        var text = cell.Trim();
        if (text.Length < 2 || text[0] != '[' || text[text.Length - 1] != ']')
        {
            report(line, column, name + " '" + text + "' is not a list literal; expected e.g. ['tensor_name']");
            return null;
        }

        var items = new List<string>();
        var i = 1;
        while (true)
        {
            while (i < text.Length - 1 && (text[i] == ' ' || text[i] == ','))
            {
                i++;
            }

            if (i >= text.Length - 1)
            {
                break;
            }

            var quote = text[i];
            if (quote != '\'' && quote != '"')
            {
                report(line, column, name + " '" + text + "' holds an unquoted item; expected quoted tensor names, e.g. ['tensor_name']");
                return null;
            }

            var end = text.IndexOf(quote, i + 1);
            if (end < 0 || end > text.Length - 2)
            {
                report(line, column, name + " '" + text + "' has an unterminated string");
                return null;
            }

            var item = text.Substring(i + 1, end - i - 1);
            if (item.Length == 0)
            {
                report(line, column, name + " '" + text + "' holds an empty tensor name");
                return null;
            }

            items.Add(item);
            i = end + 1;
        }

        if (items.Count == 0)
        {
            report(line, column, name + " is an empty list; expected at least one tensor name");
            return null;
        }

        return items;
    }

    /// <summary>Splits a CSV line on commas outside double quotes ("" is a literal quote); 1-based start columns.</summary>
    private static List<string> SplitQuoted(string line, out List<int> columns)
    {
        var fields = new List<string>();
        columns = new List<int> { 1 };
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
                columns.Add(i + 2);
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
