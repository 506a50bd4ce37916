using AiSprint.Contract.Inputs;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// One exit of an early-exit network (aisprint-studio.md §2.2): the backbone tensors its head attaches to (where the
/// model is cut, the next partition's inputs) and the head's outputs (what the condition reads).
/// </summary>
public sealed record EarlyExit(int Number, ValueList<string> AttachTensors, ValueList<string> HeadOutputs, SourceLocation AttachLocation, SourceLocation HeadLocation);

/// <summary>Reads the Studio's <c>early_exits.csv</c> through the rules the analyzers apply too (<see cref="EarlyExitsCsv"/>).</summary>
public static class EarlyExitsFile
{
    /// <summary>The file's name beside the ONNX model (<c>early_exits.csv</c>).</summary>
    public const string FileName = EarlyExitsCsv.FileName;

    /// <summary>Reads an early_exits.csv at <paramref name="path"/>; problems come back located in the result.</summary>
    public static LoadResult<IReadOnlyList<EarlyExit>> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadResult<IReadOnlyList<EarlyExit>>(null, [DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path), $"cannot read the early exits: {ex.Message}")]);
        }
        return Parse(text, path);
    }

    /// <summary>Parses early_exits.csv <paramref name="text"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<IReadOnlyList<EarlyExit>> Parse(string text, string file)
    {
        var read = EarlyExitsCsv.Parse(text);
        var diagnostics = read.Problems.Select(p => DiagnosticCatalog.Of(p.Rule).At(new SourceLocation(file, p.Line, p.Column), p.Message)).ToArray();
        IReadOnlyList<EarlyExit>? exits = read.Exits?.Select(r => new EarlyExit(r.Number, r.AttachTensors.ToValueList(), r.HeadOutputs.ToValueList(),
            new SourceLocation(file, r.Line, r.AttachColumn), new SourceLocation(file, r.Line, r.HeadColumn))).ToArray();
        return new LoadResult<IReadOnlyList<EarlyExit>>(exits, diagnostics);
    }

    /// <summary>The Studio's form: <c>exits,input_nodes,output_nodes</c>, list cells quoted.</summary>
    public static string Write(IEnumerable<EarlyExit> exits)
    {
        static string List(IEnumerable<string> names) => "\"[" + string.Join(", ", names.Select(n => "'" + n + "'")) + "]\"";
        var text = new System.Text.StringBuilder($"{EarlyExitsCsv.ExitsColumn},{EarlyExitsCsv.AttachColumn},{EarlyExitsCsv.HeadColumn}\n");
        foreach (var e in exits) text.Append($"{e.Number},{List(e.AttachTensors)},{List(e.HeadOutputs)}\n");
        return text.ToString();
    }
}
