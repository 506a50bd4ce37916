using System;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// Parsed AdditionalFiles by path and content checksum, shared across compilations: the IDE creates a compilation per
/// edit, and re-parsing an unchanged candidate_resources.yaml on every keystroke would be wasted work. Keyed by content
/// (not by the AdditionalText instance) so a file whose text is unchanged is parsed once. Bounded by clearing: the
/// entries are small and a cleared cache only costs a re-parse.
/// </summary>
internal sealed class ParseCache
{
    private const int MaxEntries = 128;
    private readonly ConcurrentDictionary<string, object> entries = new(StringComparer.Ordinal);

    /// <summary>The cache of the analyzer host process (one per loaded analyzer assembly).</summary>
    public static ParseCache Shared { get; } = new();

    public ParsedFile<T> Get<T>(string kind, string path, SourceText text, Func<string, SourceText, ParsedFile<T>> parse)
        where T : class
    {
        var key = kind + "\n" + path + "\n" + Hex(text);
        if (entries.TryGetValue(key, out var cached) && cached is ParsedFile<T> hit)
        {
            return hit;
        }

        var parsed = parse(path, text);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[key] = parsed;
        return parsed;
    }

    private static string Hex(SourceText text)
    {
        var checksum = text.GetChecksum();
        var builder = new StringBuilder(checksum.Length * 2 + 12);
        foreach (var b in checksum)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        // Two texts with one checksum but different lengths cannot collide on the key.
        return builder.Append(':').Append(text.Length).ToString();
    }
}
