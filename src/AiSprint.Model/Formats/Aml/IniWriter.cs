using System.Text;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// Writes .ini text that configparser + <c>ast.literal_eval</c> read back to the same values:
/// multi-line values as indented continuation lines, '%' doubled for BasicInterpolation.
/// </summary>
internal static class IniWriter
{
    /// <summary>A section to write: its name and (option name, option text) pairs.</summary>
    public sealed record Section(string Name, IReadOnlyList<(string Name, string Text)> Options);

    /// <summary>The raw document: option texts as read (before interpolation), [DEFAULT] first.</summary>
    public static string Write(IniDocument document)
    {
        var sections = new List<Section>();
        if (document.Defaults is { } defaults) sections.Add(new Section(defaults.Name, defaults.Options.Select(o => (o.Name, o.RawText)).ToList()));
        // Effective sections include [DEFAULT]'s options; write only what each section defines itself.
        foreach (var section in document.Sections)
        {
            var own = section.Options.Where(o => document.Defaults?.Find(o.Name) is not { } d || d.Location != o.Location);
            sections.Add(new Section(section.Name, own.Select(o => (o.Name, o.RawText)).ToList()));
        }
        return Write(sections);
    }

    public static string Write(IEnumerable<Section> sections)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var section in sections)
        {
            if (!first) text.Append('\n');
            first = false;
            text.Append('[').Append(section.Name).Append("]\n");
            foreach (var (name, value) in section.Options)
            {
                var lines = value.Split('\n');
                text.Append(name).Append(" = ").Append(lines[0]).Append('\n');
                // Continuation lines must be indented; an empty one stays empty (configparser keeps it).
                foreach (var line in lines.Skip(1)) text.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The option text for a value: bare when configparser and literal_eval give the same string back
    /// (<c>All</c>, <c>[*]</c>, <c>inf</c>, <c>inputs/x.csv</c>), else Python's repr; '%' escaped.
    /// </summary>
    public static string Format(IniValue value)
    {
        var text = value is IniString s && IsSafeBare(s.Value) ? s.Value : value.ToPython();
        return IniInterpolation.Escape(text);
    }

    private static bool IsSafeBare(string value) =>
        value.Length > 0
        && value == value.Trim(IniReader.PythonWhitespace).Trim()
        && !value.Contains('\n') && !value.Contains('\r')
        && !value.Any(char.IsControl)
        && PythonLiteral.Evaluate(value).Outcome == LiteralOutcome.NotALiteral;
}
