using AiSprint.Contract.Inputs;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// The common front end of every AI-SPRINT YAML reader: read the file (an unreadable file is a
/// diagnostic, not an exception), parse it into located nodes, and give the reader a
/// <see cref="NodeReader"/> and a <see cref="SourceMap"/> to fill.
/// </summary>
internal static class YamlInput
{
    /// <summary>Reads <paramref name="path"/> and hands its text to <paramref name="read"/>.</summary>
    public static LoadResult<Located<T>> ReadFile<T>(string path, Func<string, string, LoadResult<Located<T>>> read) where T : class
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var bag = new DiagnosticBag();
            bag.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(path), $"cannot read the file: {ex.Message}");
            return new LoadResult<Located<T>>(null, bag.Items);
        }
        return read(text, path);
    }

    /// <summary>
    /// Parses <paramref name="text"/> and runs <paramref name="build"/> on the root node. A syntax
    /// error yields no value; any other problem yields the value built from what could be read.
    /// </summary>
    public static LoadResult<Located<T>> Run<T>(string text, string file, Func<DocumentNode, NodeReader, SourceMap, T?> build) where T : class
    {
        var bag = new DiagnosticBag();
        var root = YamlDocumentLoader.Parse(text, file, bag);
        if (root is null) return new LoadResult<Located<T>>(null, bag.Items);
        var reader = new NodeReader(bag);
        var map = new SourceMap(file);
        var value = build(root, reader, map);
        return new LoadResult<Located<T>>(value is null ? null : new Located<T>(value, map), bag.Items);
    }

    /// <summary>A key the format does not define is a warning: it is most often a misspelt key whose value is then silently missing.</summary>
    public static void CheckKeys(NodeReader reader, DocumentNode map, string where, params string[] known)
    {
        if (!map.IsMapping) return;
        foreach (var member in map.Members)
        {
            if (Array.IndexOf(known, member.Key) < 0)
            {
                var hint = NameSuggestion.Closest(member.Key, known) is { } s ? $"did you mean '{s}'? " : "";
                reader.Error(DiagnosticCatalog.UnknownKey, member.KeyLocation,
                    $"'{member.Key}' is not a key of {where}; {hint}expected one of {string.Join(", ", known)}");
            }
        }
    }

    public static string? RequiredString(NodeReader reader, DocumentNode map, string key, string what) =>
        reader.Required(map, key, what) is { } node ? reader.String(node, what) : null;

    /// <summary>A string that may be absent or null (<c>image:</c> is often left empty).</summary>
    public static string? OptionalText(NodeReader reader, DocumentNode map, string key, string what) =>
        NodeReader.Optional(map, key) is { } node ? reader.Text(node, what) : null;

    public static double? OptionalNumber(NodeReader reader, DocumentNode map, string key, string what, double min = double.NegativeInfinity) =>
        NodeReader.Optional(map, key) is { IsNull: false } node ? reader.Number(node, what, min) : null;

    public static bool? RequiredBoolean(NodeReader reader, DocumentNode map, string key, string what) =>
        reader.Required(map, key, what) is { } node ? reader.Boolean(node, what) : null;

    public static bool? OptionalBoolean(NodeReader reader, DocumentNode map, string key, string what) =>
        NodeReader.Optional(map, key) is { IsNull: false } node ? reader.Boolean(node, what) : null;

    /// <summary>A list of scalars as strings; reports each non-string item.</summary>
    public static ValueList<string> StringList(NodeReader reader, DocumentNode node, string what, Action<string, DocumentNode>? onItem = null)
    {
        var result = new List<string>();
        foreach (var item in reader.Items(node, what, nullIsEmpty: true))
        {
            if (reader.String(item, $"an item of {what}") is { } text)
            {
                result.Add(text);
                onItem?.Invoke(text, item);
            }
        }
        return result.ToValueList();
    }
}
