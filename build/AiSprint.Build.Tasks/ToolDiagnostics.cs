using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AiSprint.Contract.Diagnostics;
using Microsoft.Build.Utilities;

namespace AiSprint.Build.Tasks;

/// <summary>
/// The <c>file:line:column: warning|error AISnnnn: message</c> lines the aisprint tool prints, read the same way when the
/// tool prints them and when a skipped step's kept warnings are reported again.
/// </summary>
internal static partial class ToolDiagnostics
{
    [GeneratedRegex(@"^(?<file>.+?)(:(?<line>\d+):(?<column>\d+))?: (?<severity>warning|error) (?<code>AIS\d{4}): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();

    /// <summary>Logs <paramref name="line"/> as a build warning or error at its file and line when it is a diagnostic line.</summary>
    public static bool TryLog(TaskLoggingHelper log, string line, out string severity)
    {
        var match = DiagnosticLine().Match(line);
        severity = match.Success ? match.Groups["severity"].Value : "";
        if (!match.Success) return false;
        var file = match.Groups["file"].Value;
        var (lineNumber, column) = (Number(match, "line"), Number(match, "column"));
        var code = match.Groups["code"].Value;
        var message = match.Groups["message"].Value;
        if (severity == "error") log.LogError("AiSprint", code, null, HelpLink(code), file, lineNumber, column, 0, 0, "{0}", message);
        else log.LogWarning("AiSprint", code, null, HelpLink(code), file, lineNumber, column, 0, 0, "{0}", message);
        return true;
    }

    /// <summary>The catalogue's help link of a code the tool printed (none for a code this SDK version does not know).</summary>
    public static string? HelpLink(string code) => RuleCatalog.Find(code)?.HelpLink;

    public static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    public static void WriteAtomically(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, lines, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
