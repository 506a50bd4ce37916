using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats;

/// <summary>The shape of a node of a parsed JSON or YAML document.</summary>
public enum NodeShape
{
    Null,
    String,
    Number,
    Boolean,
    /// <summary>A YAML plain scalar: its type depends on what the reader expects.</summary>
    PlainScalar,
    Mapping,
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

    public NodeShape Shape { get; }
    /// <summary>The scalar's text (numbers in their source spelling), null for collections and null.</summary>
    public string? Text { get; }
    public SourceLocation Location { get; }
    public string Path { get; }
    public IReadOnlyList<DocumentMember> Members => _members ?? [];
    public IReadOnlyList<DocumentNode> Items => _items ?? [];

    public bool IsMapping => Shape == NodeShape.Mapping;
    internal bool IsSequence => Shape == NodeShape.Sequence;
    public bool IsNull => Shape == NodeShape.Null;
    internal bool IsScalar => Shape is NodeShape.String or NodeShape.Number or NodeShape.Boolean or NodeShape.PlainScalar;

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
