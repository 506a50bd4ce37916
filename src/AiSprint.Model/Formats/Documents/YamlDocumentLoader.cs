using AiSprint.Model.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats;

/// <summary>
/// Parses YAML with YamlDotNet's representation model into <see cref="DocumentNode"/>s (YamlDotNet
/// keeps 1-based line/column marks on every node). Untagged plain scalars stay
/// <see cref="NodeShape.PlainScalar"/>: AI-SPRINT files write <c>False</c> and <c>20.04</c> alike,
/// so the reader decides from what it expects.
/// </summary>
internal static class YamlDocumentLoader
{
    public static DocumentNode? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var reason = Unwrap(ex).Message.Split('\n')[0].Trim();
            if (reason.Contains("flow", StringComparison.OrdinalIgnoreCase) && UnclosedFlowCollection(text) is { } open)
            {
                // The parser only notices a missing ']' or '}' where the file ends; the mistake is at the bracket.
                diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, (int)open.Start.Line, (int)open.Start.Column),
                    $"malformed YAML: this '{open.Bracket}' is never closed; expected a matching '{(open.Bracket == '[' ? ']' : '}')}' (the parser gave up at line {ex.Start.Line}, column {ex.Start.Column}: {reason})");
                return null;
            }
            diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), "malformed YAML: " + reason);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's representation model throws these (not YamlException) on some malformed
            // inputs that its parser accepts, e.g. a stray '?' key indicator; found by mutation tests.
            var (line, column) = LastGoodPosition(text);
            diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, line, column), "malformed YAML: the structure cannot be read from here on (" + ex.Message + ")");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            return new DocumentNode(NodeShape.Null, null, new SourceLocation(file, 1, 1), "");
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, (int)second.Line, (int)second.Column), "expected a single YAML document, found several");
            return null;
        }
        var ancestors = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        try
        {
            return Convert(stream.Documents[0].RootNode, file, "", ancestors);
        }
        catch (RecursiveAliasException ex)
        {
            diagnostics.Add(DiagnosticCatalog.Syntax, ex.Location, "malformed YAML: an alias refers to a node that contains it; expected a finite document");
            return null;
        }
    }

    /// <summary>Where the low-level parser last succeeded, to point at the region of a failure.</summary>
    private static (int Line, int Column) LastGoodPosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        var mark = YamlDotNet.Core.Mark.Empty;
        try
        {
            while (parser.MoveNext()) mark = parser.Current!.End;
        }
        catch (YamlException ex)
        {
            return ((int)ex.Start.Line, (int)ex.Start.Column);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The parser itself failed here: the last event it produced ends where trouble starts.
        }
        return ((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
    }

    /// <summary>The innermost flow collection ('[' or '{') still open where the parser failed, if the failure is inside one.</summary>
    private static (Mark Start, char Bracket)? UnclosedFlowCollection(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(Mark Start, char Bracket)?>();
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.SequenceStart start:
                        open.Push(start.Style == YamlDotNet.Core.Events.SequenceStyle.Flow ? (start.Start, '[') : null);
                        break;
                    case YamlDotNet.Core.Events.MappingStart start:
                        open.Push(start.Style == YamlDotNet.Core.Events.MappingStyle.Flow ? (start.Start, '{') : null);
                        break;
                    case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return open.FirstOrDefault(o => o is not null);
        }
        return null;
    }

    private sealed class RecursiveAliasException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }

    private static Exception Unwrap(YamlException ex) => ex.InnerException is YamlException inner ? Unwrap(inner) : ex;

    private static DocumentNode Convert(YamlNode node, string file, string path, HashSet<YamlNode> ancestors)
    {
        var location = new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);
        // An anchor used inside itself (- &a [*a]) makes the node graph cyclic; YamlDotNet resolves it.
        if (!ancestors.Add(node)) throw new RecursiveAliasException(location);
        try
        {
            return ConvertChildren(node, file, path, location, ancestors);
        }
        finally
        {
            ancestors.Remove(node);
        }
    }

    private static DocumentNode ConvertChildren(YamlNode node, string file, string path, SourceLocation location, HashSet<YamlNode> ancestors)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
            {
                var members = new List<DocumentMember>(mapping.Children.Count);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : keyNode.ToString();
                    var keyLocation = new SourceLocation(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    members.Add(new DocumentMember(key, keyLocation, Convert(valueNode, file, DocumentNode.ChildPath(path, key), ancestors)));
                }
                return new DocumentNode(NodeShape.Mapping, null, location, path, members: members);
            }
            case YamlSequenceNode sequence:
            {
                var items = new List<DocumentNode>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    items.Add(Convert(child, file, DocumentNode.ItemPath(path, items.Count), ancestors));
                }
                return new DocumentNode(NodeShape.Sequence, null, location, path, items: items);
            }
            case YamlScalarNode scalar:
            {
                if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
                {
                    return new DocumentNode(NodeShape.String, scalar.Value ?? "", location, path);
                }
                var value = scalar.Value ?? "";
                return IsNullLiteral(value)
                    ? new DocumentNode(NodeShape.Null, null, location, path)
                    : new DocumentNode(NodeShape.PlainScalar, value, location, path);
            }
            default:
                return new DocumentNode(NodeShape.Null, null, location, path);
        }
    }

    private static bool IsNullLiteral(string value) => value is "" or "~" or "null" or "Null" or "NULL";
}
