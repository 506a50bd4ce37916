using System.Text.RegularExpressions;

namespace AiSprint.Model.Formats.Svg;

/// <summary>
/// A chart's SVG made fit to write to a file or to inline into an HTML page: no XML declaration, and every id (the
/// clip paths a plotting library numbers with a counter of its own, shared by the whole process) renamed to
/// <c>PREFIX-1</c>, <c>PREFIX-2</c>, … in document order. The same chart then gives the same bytes whatever was drawn
/// before it, and several charts in one page never share an id (a browser resolves <c>url(#id)</c> page-wide).
/// </summary>
public static partial class SvgFragment
{
    /// <summary><paramref name="svg"/> (a ScottPlot document) made embeddable in HTML: the XML declaration dropped and every id (and its references) prefixed with <paramref name="idPrefix"/>, so several charts on one page do not clash.</summary>
    public static string Normalise(string svg, string idPrefix)
    {
        var text = svg.TrimStart();
        if (text.StartsWith("<?xml", StringComparison.Ordinal)) text = text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        text = IdAttribute().Replace(text, m =>
        {
            var name = renamed[m.Groups[1].Value] = $"{idPrefix}-{renamed.Count + 1}";
            return $" id=\"{name}\"";
        });
        text = Reference().Replace(text, m => renamed.TryGetValue(m.Groups[2].Value, out var name) ? $"{m.Groups[1].Value}#{name}{m.Groups[3].Value}" : m.Value);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    [GeneratedRegex(@"\sid=""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"(url\(|href="")#([^)""]+)(\)|"")", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
