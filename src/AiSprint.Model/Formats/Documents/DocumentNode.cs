using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats;

/// <summary>The shape of a node of a parsed JSON or YAML document.</summary>
public enum NodeShape
{
    /// <summary>JSON <c>null</c>, YAML <c>null</c>/<c>~</c> or an empty value.</summary>
    Null,
    /// <summary>A quoted string.</summary>
    String,
    /// <summary>A JSON number.</summary>
    Number,
    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>A YAML plain scalar: its type depends on what the reader expects.</summary>
    PlainScalar,
    /// <summary>A JSON object or YAML mapping.</summary>
    Mapping,
    /// <summary>A JSON array or YAML sequence.</summary>
    Sequence,
}

/// <summary>A member of a mapping, with the position of its key.</summary>
public sealed record DocumentMember(string Key, SourceLocation KeyLocation, DocumentNode Value);

/// <summary>
/// A node of a document parsed by System.Text.Json or YamlDotNet, with its position and a
/// readable path (<c>Components.c1.s1</c>). Readers of every format map these nodes to the design
/// model through <see cref="NodeReader"/>, so all of them report errors the same way.
/// </summary>
public sealed class DocumentNode
{
    private readonly IReadOnlyList<DocumentMember>? _members;
    private readonly IReadOnlyList<DocumentNode>? _items;

    /// <summary>A node of <paramref name="shape"/> at <paramref name="location"/>; <paramref name="text"/> is the scalar's text (null for mappings and sequences).</summary>
    public DocumentNode(NodeShape shape, string? text, SourceLocation location, string path,
        IReadOnlyList<DocumentMember>? members = null, IReadOnlyList<DocumentNode>? items = null)
    {
        Shape = shape;
        Text = text;
        Location = location;
        Path = path;
        _members = members;
        _items = items;
    }

    /// <summary>What kind of node this is.</summary>
    public NodeShape Shape { get; }
    /// <summary>The scalar's text (numbers in their source spelling), null for collections and null.</summary>
    public string? Text { get; }
    /// <summary>Where the node starts in its file.</summary>
    public SourceLocation Location { get; }
    /// <summary>The node's readable path from the root (<c>Components.c1.s1</c>), for messages.</summary>
    public string Path { get; }
    /// <summary>A mapping's members in file order; empty for other shapes.</summary>
    public IReadOnlyList<DocumentMember> Members => _members ?? [];
    /// <summary>A sequence's items in file order; empty for other shapes.</summary>
    public IReadOnlyList<DocumentNode> Items => _items ?? [];

    /// <summary>True for a mapping.</summary>
    public bool IsMapping => Shape == NodeShape.Mapping;
    internal bool IsSequence => Shape == NodeShape.Sequence;
    /// <summary>True for a null node.</summary>
    public bool IsNull => Shape == NodeShape.Null;
    internal bool IsScalar => Shape is NodeShape.String or NodeShape.Number or NodeShape.Boolean or NodeShape.PlainScalar;

    /// <summary>The member with key <paramref name="key"/> (case-sensitive), or null.</summary>
    public DocumentMember? Member(string key) => Members.FirstOrDefault(m => m.Key == key);

    /// <summary>Describes the node for "expected X, found Y" messages.</summary>
    public string Describe() => Shape switch
    {
        NodeShape.Null => "null",
        NodeShape.String => $"the string \"{Truncate(Text)}\"",
        NodeShape.Number => $"the number {Text}",
        NodeShape.Boolean => Text ?? "a boolean",
        NodeShape.PlainScalar => $"'{Truncate(Text)}'",
        NodeShape.Mapping => "a mapping",
        NodeShape.Sequence => "a list",
        _ => Shape.ToString(),
    };

    internal static string ChildPath(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";
    internal static string ItemPath(string parent, int index) => $"{parent}[{index}]";

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..37] + "...";
}
