using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// Reads .ini text with the semantics of Python 3's <c>configparser.ConfigParser()</c> as aMLLibrary creates it
/// (strict, <c>=</c> and <c>:</c> delimiters, whole-line <c>#</c>/<c>;</c> comments only, empty lines allowed in
/// values, BasicInterpolation, case-sensitive option names), then evaluates every value as
/// <c>ast.literal_eval</c> does, keeping the text when it is no literal.
/// Every line configparser would reject is reported (configparser reports them all at the end, too).
/// </summary>
internal static class IniReader
{
    public const string DefaultSectionName = "DEFAULT";

    public static IniDocument Read(string text, string file, DiagnosticBag diagnostics)
    {
        var raw = ParseRaw(text, file, diagnostics);
        return Evaluate(raw, file, diagnostics);
    }

    private sealed class RawOption(string name, SourceLocation location, SourceLocation valueLocation)
    {
        public string Name { get; } = name;
        public SourceLocation Location { get; } = location;
        public SourceLocation ValueLocation { get; } = valueLocation;
        public List<string> Lines { get; } = [];
        public string Text => string.Join('\n', Lines).TrimEnd();
    }

    private sealed class RawSection(string name, SourceLocation location)
    {
        public string Name { get; } = name;
        public SourceLocation Location { get; } = location;
        public List<RawOption> Options { get; } = [];
    }

    private static (List<RawSection> Sections, RawSection? Defaults) ParseRaw(string text, string file, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var sections = new List<RawSection>();
        RawSection? defaults = null;
        RawSection? current = null;
        RawOption? option = null;
        var indentLevel = 0;
        var lines = SplitLines(text);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var lineNumber = index + 1;
            var stripped = line.Trim(PythonWhitespace);
            var isComment = stripped.StartsWith('#') || stripped.StartsWith(';');
            var value = isComment ? "" : stripped;
            if (value.Length == 0)
            {
                // configparser keeps blank lines inside a value (they vanish if nothing follows); comments never.
                if (!isComment && option is not null) option.Lines.Add("");
                continue;
            }
            var firstNonSpace = line.Length - line.TrimStart(PythonWhitespace).Length;
            if (current is not null && option is not null && firstNonSpace > indentLevel)
            {
                option.Lines.Add(value);
                continue;
            }
            indentLevel = firstNonSpace;
            var column = firstNonSpace + 1;
            // SECTCRE is \[(?P<header>.+)\] matched at the start: everything up to the LAST ']' is the name.
            var close = value.LastIndexOf(']');
            if (value[0] == '[' && close > 1)
            {
                var name = value[1..close];
                var location = new SourceLocation(file, lineNumber, column);
                option = null;
                if (name == DefaultSectionName)
                {
                    defaults ??= new RawSection(name, location);
                    current = defaults;
                }
                else if (sections.FirstOrDefault(s => s.Name == name) is { } existing)
                {
                    diagnostics.Add(DiagnosticCatalog.DuplicateName, location,
                        $"section [{name}] is already defined at line {existing.Location.Line}; aMLLibrary's configparser refuses duplicates");
                    // Its options go to a throw-away section so that they do not cascade into duplicate-option errors.
                    current = new RawSection(name, location);
                }
                else
                {
                    current = new RawSection(name, location);
                    sections.Add(current);
                }
                continue;
            }
            if (current is null)
            {
                diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, lineNumber, column),
                    "expected a section header such as [General] before the first option");
                return (sections, defaults);
            }
            var delimiter = value.IndexOfAny(['=', ':']);
            if (delimiter < 0)
            {
                diagnostics.Add(DiagnosticCatalog.Syntax, new SourceLocation(file, lineNumber, column),
                    $"expected 'name = value' or 'name: value', found '{Shorten(value)}'");
                option = null;
                continue;
            }
            var optionName = value[..delimiter].TrimEnd(PythonWhitespace);
            var valueStart = delimiter + 1;
            while (valueStart < value.Length && char.IsWhiteSpace(value[valueStart])) valueStart++;
            var optionLocation = new SourceLocation(file, lineNumber, column);
            if (optionName.Length == 0)
            {
                diagnostics.Add(DiagnosticCatalog.Syntax, optionLocation, $"the option on this line has no name before '{value[delimiter]}'");
                option = null;
                continue;
            }
            var previous = current.Options.FirstOrDefault(o => o.Name == optionName);
            if (previous is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName, optionLocation,
                    $"option '{optionName}' of [{current.Name}] is already set at line {previous.Location.Line}; aMLLibrary's configparser refuses duplicates");
                current.Options.Remove(previous);
            }
            option = new RawOption(optionName, optionLocation, new SourceLocation(file, lineNumber, column + valueStart));
            option.Lines.Add(value[valueStart..].Trim(PythonWhitespace));
            current.Options.Add(option);
        }
        return (sections, defaults);
    }

    private static IniDocument Evaluate((List<RawSection> Sections, RawSection? Defaults) raw, string file, DiagnosticBag diagnostics)
    {
        var defaultOptions = raw.Defaults?.Options ?? [];
        var evaluatedSections = new List<IniSection>();
        foreach (var section in raw.Sections)
        {
            var effective = new List<RawOption>();
            foreach (var d in defaultOptions) effective.Add(section.Options.FirstOrDefault(o => o.Name == d.Name) ?? d);
            effective.AddRange(section.Options.Where(o => defaultOptions.All(d => d.Name != o.Name)));
            var map = effective.ToDictionary(o => o.Name, o => o.Text, StringComparer.Ordinal);
            var options = effective.Select(o => EvaluateOption(o, map, section.Name, diagnostics)).ToValueList();
            evaluatedSections.Add(new IniSection(section.Name, section.Location, options));
        }
        IniSection? defaults = null;
        if (raw.Defaults is { } rawDefaults)
        {
            var map = rawDefaults.Options.ToDictionary(o => o.Name, o => o.Text, StringComparer.Ordinal);
            defaults = new IniSection(rawDefaults.Name, rawDefaults.Location,
                rawDefaults.Options.Select(o => EvaluateOption(o, map, rawDefaults.Name, new DiagnosticBag())).ToValueList());
        }
        return new IniDocument(file, evaluatedSections.ToValueList(), defaults);
    }

    private static IniOption EvaluateOption(RawOption option, IReadOnlyDictionary<string, string> map, string section, DiagnosticBag diagnostics)
    {
        var text = option.Text;
        if (!IniInterpolation.TryInterpolate(text, map, out var interpolated, out var error))
        {
            diagnostics.Add(DiagnosticCatalog.AmlInterpolation, option.ValueLocation,
                $"option '{option.Name}' of [{section}]: {error}; write '%%' for a literal '%'");
            return new IniOption(option.Name, text, new IniString(text), option.Location, option.ValueLocation);
        }
        var (outcome, value, crash) = PythonLiteral.Evaluate(interpolated);
        if (outcome == LiteralOutcome.Crash)
        {
            diagnostics.Add(DiagnosticCatalog.WrongType, option.ValueLocation,
                $"option '{option.Name}' of [{section}]: ast.literal_eval fails with TypeError ({crash}); aMLLibrary would stop");
        }
        if (outcome == LiteralOutcome.NotALiteral && InlineCommentStart(text) is { } comment)
        {
            var firstLine = text.Split('\n')[0];
            if (comment < firstLine.Length)
            {
                var at = option.ValueLocation with { Column = option.ValueLocation.Column + comment };
                diagnostics.Add(DiagnosticCatalog.AmlInlineComment, at,
                    $"option '{option.Name}' of [{section}] keeps the text '{IniReader.Shorten(text)}' including the comment; put comments on their own line");
            }
        }
        return new IniOption(option.Name, text, value ?? new IniString(interpolated), option.Location, option.ValueLocation);
    }

    // A '#' or ';' after whitespace is what a reader takes for an inline comment (configparser does not).
    private static int? InlineCommentStart(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is '#' or ';' && char.IsWhiteSpace(text[i - 1])) return i;
        }
        return null;
    }

    // str.strip() strips Unicode whitespace; these are the characters an .ini realistically contains.
    internal static readonly char[] PythonWhitespace = [' ', '\t', '\f', '\v', '\r', '\u00a0', '\u2028', '\u2029'];

    // Python's text mode turns \r\n and \r into \n before configparser sees a line.
    private static List<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
