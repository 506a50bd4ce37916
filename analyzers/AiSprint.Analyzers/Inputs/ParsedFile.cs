using System.Collections.Immutable;
using AiSprint.Contract.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// One AdditionalFile read into <typeparamref name="T"/>, with what was wrong in it. A file with problems still yields
/// what could be read; the rules use only entries that were read completely, so a bad row never becomes a wrong number.
/// </summary>
internal sealed class ParsedFile<T>
    where T : class
{
    public ParsedFile(string path, T? value, ImmutableArray<FileProblem> problems)
    {
        Path = path;
        Value = value;
        Problems = problems;
    }

    public string Path { get; }

    /// <summary>Null when the file could not be parsed at all (a YAML syntax error, a CSV without the header).</summary>
    public T? Value { get; }

    public ImmutableArray<FileProblem> Problems { get; }
}

/// <summary>A problem in an input file: where (a span of the file's text), what, and under which rule.</summary>
internal readonly struct FileProblem
{
    public FileProblem(Location location, string message, Rule? rule = null)
    {
        Location = location;
        Message = message;
        Rule = rule;
    }

    public Location Location { get; }

    /// <summary>The catalogue rule when a shared reader found the problem (the build reports it under the same ID); null for the file's own rule (AIS0111, AIS1000).</summary>
    public Rule? Rule { get; }

    public string Message { get; }
}

/// <summary>Locations in AdditionalFiles: <see cref="Location.Create(string, TextSpan, LinePositionSpan)"/> needs both the span and its lines.</summary>
internal static class FileLocation
{
    public static Location Of(string path, SourceText text, TextSpan span)
    {
        var clamped = TextSpan.FromBounds(Clamp(span.Start, text.Length), Clamp(span.End, text.Length));
        return Location.Create(path, clamped, text.Lines.GetLinePositionSpan(clamped));
    }

    /// <summary>A whole line (1-based), without its line break.</summary>
    public static Location OfLine(string path, SourceText text, int line)
    {
        if (text.Lines.Count == 0)
        {
            return Of(path, text, default);
        }

        var index = line < 1 ? 0 : line > text.Lines.Count ? text.Lines.Count - 1 : line - 1;
        return Of(path, text, text.Lines[index].Span);
    }

    /// <summary>The 1-based line of a location, for messages that point from source code into a file.</summary>
    public static int LineOf(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;

    private static int Clamp(int position, int length) => position < 0 ? 0 : position > length ? length : position;
}
