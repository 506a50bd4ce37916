using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// The YAML side of the AI-SPRINT readers: YamlDotNet's representation model (every node knows its marks) plus the
/// few typed reads the formats need. Problems are collected, never thrown, so one bad value does not hide the rest.
/// </summary>
internal sealed class YamlDocument
{
    private readonly List<FileProblem> problems;

    private YamlDocument(string path, SourceText text, YamlNode? root, List<FileProblem> problems)
    {
        Path = path;
        Text = text;
        Root = root;
        this.problems = problems;
    }

    public string Path { get; }

    public SourceText Text { get; }

    /// <summary>Null when the text is no YAML (the syntax error is then the only problem) or is empty.</summary>
    public YamlNode? Root { get; }

    public IReadOnlyList<FileProblem> Problems => problems;

    public static YamlDocument Load(string path, SourceText text)
    {
        var problems = new List<FileProblem>();
        var parser = new Parser(new StringReader(text.ToString()));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return new YamlDocument(path, text, stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null, problems);
        }
        catch (YamlException ex)
        {
            var document = new YamlDocument(path, text, null, problems);
            problems.Add(new FileProblem(document.At(ex.Start, ex.End), "not well-formed YAML: " + (ex.InnerException?.Message ?? ex.Message)));
            return document;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet 18 throws InvalidOperationException instead of a YamlException on some truncated flow
            // collections (an unclosed '[' followed by a plain scalar), and a representation-model exception must not
            // escape an analyzer (AD0001); the parser's last event is then the best place we know.
            var document = new YamlDocument(path, text, null, problems);
            var location = parser.Current is { } last ? document.At(last.Start, last.End) : FileLocation.OfLine(path, text, text.Lines.Count);
            problems.Add(new FileProblem(location, "not well-formed YAML after this point (an unclosed '[' or '{'?)"));
            return document;
        }
    }

    public void Problem(YamlNode node, string message) => problems.Add(new FileProblem(At(node), message));

    /// <summary>
    /// Where a node is: a scalar exactly; a flow collection up to its closing bracket (YamlDotNet's end mark of a
    /// collection lies past the next token); a block collection on its first line, not every line under it.
    /// </summary>
    public Location At(YamlNode node)
    {
        var start = (int)Math.Max(0, node.Start.Index);
        int end;
        switch (node)
        {
            case YamlScalarNode:
                return At(node.Start, node.End);
            case YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } flow:
                end = ClosingBracket(flow.Children.Count > 0 ? (int)flow.Children[flow.Children.Count - 1].End.Index : start + 1, ']');
                break;
            case YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow } flow:
                end = ClosingBracket(flow.Children.Count > 0 ? (int)flow.Children.Last().Value.End.Index : start + 1, '}');
                break;
            default:
                end = Text.Lines.GetLineFromPosition(Math.Min(start, Text.Length)).End;
                break;
        }

        var span = TextSpan.FromBounds(Math.Min(start, Text.Length), Math.Max(Math.Min(start, Text.Length), Math.Min(end, Text.Length)));
        var trimmed = Text.ToString(span).TrimEnd();
        return FileLocation.Of(Path, Text, new TextSpan(span.Start, trimmed.Length));
    }

    private int ClosingBracket(int from, char bracket)
    {
        for (var i = Math.Max(0, from); i < Text.Length; i++)
        {
            if (Text[i] == bracket)
            {
                return i + 1;
            }

            if (!char.IsWhiteSpace(Text[i]))
            {
                break;
            }
        }

        return from;
    }

    public YamlNode? Member(YamlNode map, string key) =>
        map is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A mapping's value for <paramref name="key"/>, reported when absent.</summary>
    public YamlNode? Required(YamlNode map, string key, string where)
    {
        if (Member(map, key) is { } value)
        {
            return value;
        }

        Problem(map, where + " has no '" + key + "'");
        return null;
    }

    /// <summary>
    /// The named children of a collection: a mapping (candidate_resources.yaml) or a list of single-key mappings (the
    /// System YAML of the design document's appendix). An empty value (<c>key:</c>) has no children.
    /// </summary>
    public IEnumerable<KeyValuePair<string, YamlNode>> Entries(YamlNode node, string where)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var pair in mapping.Children)
                {
                    yield return new KeyValuePair<string, YamlNode>(((pair.Key as YamlScalarNode)?.Value) ?? string.Empty, pair.Value);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode { Children.Count: 1 } single)
                    {
                        foreach (var pair in single.Children)
                        {
                            yield return new KeyValuePair<string, YamlNode>(((pair.Key as YamlScalarNode)?.Value) ?? string.Empty, pair.Value);
                        }
                    }
                    else
                    {
                        Problem(item, "an item of " + where + " is not a mapping with a single key (- name: {...})");
                    }
                }

                break;
            case YamlScalarNode scalar when IsNull(scalar):
                break;
            default:
                Problem(node, where + " is not a mapping");
                break;
        }
    }

    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar))
        {
            return value;
        }

        Problem(node, what + " is not a string");
        return null;
    }

    /// <summary>A finite number not below <paramref name="minimum"/>, in invariant culture.</summary>
    public double? Number(YamlNode node, string what, double minimum)
    {
        if (node is YamlScalarNode { Value: { } value }
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            if (number >= minimum)
            {
                return number;
            }

            Problem(node, what + " is " + value + "; expected at least " + minimum.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        Problem(node, what + " is not a number");
        return null;
    }

    /// <summary>True/False in any letter case (the AI-SPRINT files write <c>False</c>).</summary>
    public bool? Boolean(YamlNode node, string what)
    {
        var value = (node as YamlScalarNode)?.Value;
        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Problem(node, what + " is '" + value + "'; expected True or False");
        return null;
    }

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private Location At(Mark start, Mark end)
    {
        // Marks count characters of the string the parser read, which is the SourceText's content.
        var from = (int)Math.Max(0, start.Index);
        var to = (int)Math.Max(from, end.Index);
        if (to == from && Text.Length > 0)
        {
            // An error at a point: show the rest of its line rather than an empty span.
            var line = Text.Lines.GetLineFromPosition(Math.Min(from, Text.Length));
            to = Math.Max(from, line.End);
        }

        return FileLocation.Of(Path, Text, TextSpan.FromBounds(from, to));
    }
}
