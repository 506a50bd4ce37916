using System.Text;
using System.Text.Json;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats;

/// <summary>
/// Parses JSON with System.Text.Json's <see cref="Utf8JsonReader"/> into <see cref="DocumentNode"/>s
/// that remember where each value starts (JsonDocument keeps no positions). Comments and trailing
/// commas are accepted, as hand-edited SPACE4AI-D inputs contain both.
/// </summary>
internal static class JsonDocumentLoader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>Parses <paramref name="utf8"/>; a syntax error becomes an AIS0002 diagnostic and a null result.</summary>
    public static DocumentNode? Parse(ReadOnlySpan<byte> utf8, string file, DiagnosticBag diagnostics)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble)) utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(DiagnosticCatalog.Syntax, SourceLocation.WholeFile(file), "the file is empty; expected a JSON document");
                return null;
            }
            var root = ReadValue(ref reader, utf8, lines, file, "");
            if (reader.Read())
            {
                diagnostics.Add(DiagnosticCatalog.Syntax, lines.Locate(file, utf8, reader.TokenStartIndex), "unexpected content after the end of the JSON document");
                return null;
            }
            return root;
        }
        catch (JsonException ex)
        {
            // LineNumber and BytePositionInLine are 0-based.
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, line, column), "malformed JSON: " + StripPosition(ex.Message));
            return null;
        }
    }

    private static DocumentNode ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LineIndex lines, string file, string path)
    {
        var location = lines.Locate(file, utf8, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = new List<DocumentMember>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    var keyLocation = lines.Locate(file, utf8, reader.TokenStartIndex);
                    reader.Read();
                    members.Add(new DocumentMember(key, keyLocation, ReadValue(ref reader, utf8, lines, file, DocumentNode.ChildPath(path, key))));
                }
                return new DocumentNode(NodeShape.Mapping, null, location, path, members: members);
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<DocumentNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, utf8, lines, file, DocumentNode.ItemPath(path, items.Count)));
                }
                return new DocumentNode(NodeShape.Sequence, null, location, path, items: items);
            }
            case JsonTokenType.String:
                return new DocumentNode(NodeShape.String, reader.GetString(), location, path);
            case JsonTokenType.Number:
                return new DocumentNode(NodeShape.Number, Encoding.UTF8.GetString(reader.ValueSpan), location, path);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new DocumentNode(NodeShape.Boolean, reader.TokenType == JsonTokenType.True ? "true" : "false", location, path);
            default:
                return new DocumentNode(NodeShape.Null, null, location, path);
        }
    }

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    /// <summary>Maps byte offsets to 1-based line and character column.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _lineStarts = [0];

        public LineIndex(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n') _lineStarts.Add(i + 1);
            }
        }

        public SourceLocation Locate(string file, ReadOnlySpan<byte> utf8, long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            if (index < 0) index = ~index - 1;
            var start = _lineStarts[index];
            var column = Encoding.UTF8.GetCharCount(utf8[start..(int)offset]) + 1;
            return new SourceLocation(file, index + 1, column);
        }
    }
}
