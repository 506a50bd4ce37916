using System.Globalization;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats;

/// <summary>
/// Typed access to <see cref="DocumentNode"/>s. Every failed expectation becomes a diagnostic that
/// names the position, the path and what was expected; the accessor then returns null so that a
/// reader can go on and report every problem of a file in one pass.
/// </summary>
internal sealed class NodeReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public void Error(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        Diagnostics.Add(descriptor, location, message);

    /// <summary>The members of a mapping; reports a duplicate key once per repetition.</summary>
    public IReadOnlyList<DocumentMember> Members(DocumentNode node, string what)
    {
        if (!node.IsMapping)
        {
            WrongType(node, $"{what} (a mapping)");
            return [];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in node.Members)
        {
            if (!seen.Add(member.Key))
            {
                Error(DiagnosticCatalog.DuplicateName, member.KeyLocation, $"'{member.Key}' appears twice in {Where(node)}; expected unique keys");
            }
        }
        return node.Members;
    }

    /// <summary>The items of a list. A null node is an empty list when <paramref name="nullIsEmpty"/>.</summary>
    public IReadOnlyList<DocumentNode> Items(DocumentNode node, string what, bool nullIsEmpty = false)
    {
        if (node.IsSequence) return node.Items;
        if (nullIsEmpty && node.IsNull) return [];
        WrongType(node, $"{what} (a list)");
        return [];
    }

    public DocumentNode? Required(DocumentNode map, string key, string what)
    {
        if (!map.IsMapping) return null;
        var member = map.Member(key);
        if (member is null)
        {
            Error(DiagnosticCatalog.MissingKey, map.Location, $"{Where(map)} has no '{key}'; expected {what}");
        }
        return member?.Value;
    }

    public static DocumentNode? Optional(DocumentNode map, string key) => map.IsMapping ? map.Member(key)?.Value : null;

    public double? Number(DocumentNode node, string what)
    {
        if (node.Shape is NodeShape.Number or NodeShape.PlainScalar && TryParseNumber(node.Text, out var value)) return value;
        WrongType(node, $"{what} (a number)");
        return null;
    }

    /// <summary>A number that must be finite and at least <paramref name="min"/>.</summary>
    public double? Number(DocumentNode node, string what, double min, double max = double.PositiveInfinity)
    {
        var value = Number(node, what);
        if (value is null) return null;
        if (!double.IsFinite(value.Value) || value < min || value > max)
        {
            var range = double.IsPositiveInfinity(max) ? (min == double.Epsilon ? "> 0" : $"≥ {Format(min)}") : $"in [{Format(min)}, {Format(max)}]";
            Error(DiagnosticCatalog.InvalidValue, node.Location, $"{Where(node)} is {node.Text}; expected {what} {range}");
            return null;
        }
        return value;
    }

    public double? RequiredNumber(DocumentNode map, string key, string what, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Required(map, key, what) is { } node ? Number(node, what, min, max) : null;

    public int? Integer(DocumentNode node, string what, int min = int.MinValue)
    {
        var value = Number(node, what);
        if (value is null) return null;
        if (value != Math.Floor(value.Value) || value < min || value > int.MaxValue)
        {
            Error(DiagnosticCatalog.InvalidValue, node.Location, $"{Where(node)} is {node.Text}; expected {what} as a whole number ≥ {min}");
            return null;
        }
        return (int)value.Value;
    }

    public string? String(DocumentNode node, string what)
    {
        if (node.Shape is NodeShape.String or NodeShape.PlainScalar) return node.Text;
        WrongType(node, $"{what} (a string)");
        return null;
    }

    /// <summary>Any scalar's text (YAML files write versions such as 20.04 unquoted).</summary>
    public string? Text(DocumentNode node, string what)
    {
        if (node.IsScalar) return node.Text;
        if (node.IsNull) return null;
        WrongType(node, $"{what} (a scalar)");
        return null;
    }

    public bool? Boolean(DocumentNode node, string what)
    {
        switch (node.Shape)
        {
            case NodeShape.Boolean:
                return node.Text == "true";
            case NodeShape.PlainScalar when bool.TryParse(node.Text, out var value):
                return value;
            default:
                WrongType(node, $"{what} (true or false)");
                return null;
        }
    }

    public void WrongType(DocumentNode node, string expected) =>
        Error(DiagnosticCatalog.WrongType, node.Location, $"{(node.Path.Length == 0 ? "the document" : node.Path)} is {node.Describe()}; expected {expected}");

    public static bool TryParseNumber(string? text, out double value)
    {
        value = 0;
        if (text is null) return false;
        switch (text)
        {
            case ".inf" or ".Inf" or "inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-inf":
                value = double.NegativeInfinity;
                return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static string Where(DocumentNode node) => node.Path.Length == 0 ? "the document" : node.Path;

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
