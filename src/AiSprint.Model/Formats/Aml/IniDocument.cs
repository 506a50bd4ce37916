using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// One option line of an .ini file as configparser stores it: the name (case kept, as aMLLibrary sets
/// <c>optionxform = str</c>), the raw text (continuation lines joined by newlines, stripped), where the name
/// and the value start, and the typed value after interpolation and <c>ast.literal_eval</c>.
/// </summary>
public sealed record IniOption(string Name, string RawText, IniValue Value, SourceLocation Location, SourceLocation ValueLocation);

/// <summary>A <c>[section]</c> with its options in file order.</summary>
public sealed record IniSection(string Name, SourceLocation Location, ValueList<IniOption> Options)
{
    /// <summary>The option named <paramref name="name"/> in this section, or null.</summary>
    public IniOption? Find(string name) => Options.FirstOrDefault(o => o.Name == name);
}

/// <summary>
/// An .ini file as aMLLibrary sees it. <see cref="Sections"/> are the effective sections: options of configparser's
/// <c>[DEFAULT]</c> section are already merged into each of them (first, unless the section overrides them), as
/// <c>ConfigParser.items(section)</c> returns them; <see cref="Defaults"/> keeps the DEFAULT section itself.
/// </summary>
public sealed record IniDocument(string File, ValueList<IniSection> Sections, IniSection? Defaults)
{
    /// <summary>The section named <paramref name="name"/>, or null.</summary>
    public IniSection? Find(string name) => Sections.FirstOrDefault(s => s.Name == name);
}
