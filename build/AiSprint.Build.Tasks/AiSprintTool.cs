using System.Text.RegularExpressions;
using AiSprint.Contract;
using AiSprint.Contract.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AiSprint.Build.Tasks;

/// <summary>
/// Runs one <c>aisprint</c> command out of process (ONNX Runtime, ML and the optimiser never load into MSBuild)
/// and turns each <c>file:line:column: warning|error AISnnnn: message</c> line it prints into a build diagnostic
/// at that file and line; other lines are logged as messages.
/// </summary>
public sealed partial class AiSprintTool : ToolTask
{
    /// <summary>The tool's entry assembly (tools/aisprint/aisprint.dll in the package).</summary>
    [Required]
    public string ToolAssembly { get; set; } = "";

    /// <summary>The command and its arguments, each a separate item.</summary>
    [Required]
    public string[] Arguments { get; set; } = [];

    /// <summary>The code of the build error for a failure the tool reports without a code of its own (AIS0052 for training).</summary>
    public string FailureCode { get; set; } = RuleCatalog.ToolFailed.Id;

    /// <summary>Relative paths in <see cref="Arguments"/> are relative to this directory (the project's).</summary>
    public string? WorkingDirectory { get; set; }

    protected override string? GetWorkingDirectory() => WorkingDirectory;

    /// <summary>Exit code <see cref="ExitCodes.Infeasible"/> (no feasible placement) is reported through its warnings, not as a failure.</summary>
    public bool InfeasibleIsWarning { get; set; }

    protected override string ToolName => "dotnet";

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    protected override string GenerateFullPathToTool() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(ToolAssembly);
        foreach (var argument in Arguments) builder.AppendTextUnquoted(" " + Quote(argument));
        return builder.ToString();
    }

    [GeneratedRegex(@"^(?<file>.+?)(:(?<line>\d+):(?<column>\d+))?: (?<severity>warning|error) (?<code>AIS\d{4}): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^error: (?<file>[^:]+(:[\\/][^:]*)?):(?<line>\d+):(?<column>\d+): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatedFailureLine();

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var match = DiagnosticLine().Match(singleLine);
        if (!match.Success)
        {
            // The CLI's own "error: …" lines (a bad option, an unreadable file, a failed campaign) must fail the build
            // too, at the file and line they name when they name one.
            if (LocatedFailureLine().Match(singleLine) is { Success: true } located)
            {
                Log.LogError("AiSprint", FailureCode, null, HelpLink(FailureCode), located.Groups["file"].Value, Number(located, "line"), Number(located, "column"), 0, 0,
                    "aisprint {0}: {1}", Arguments.FirstOrDefault(), located.Groups["message"].Value);
            }
            else if (singleLine.StartsWith("error:", StringComparison.Ordinal))
            {
                Log.LogError("AiSprint", FailureCode, null, HelpLink(FailureCode), ToolAssembly, 0, 0, 0, 0, "aisprint {0}: {1}", Arguments.FirstOrDefault(), singleLine[6..].Trim());
            }
            else
            {
                Log.LogMessage(messageImportance, "{0}", singleLine);
            }
            return;
        }
        var file = match.Groups["file"].Value;
        var line = Number(match, "line");
        var column = Number(match, "column");
        var code = match.Groups["code"].Value;
        var message = match.Groups["message"].Value;
        if (match.Groups["severity"].Value == "error") Log.LogError("AiSprint", code, null, HelpLink(code), file, line, column, 0, 0, "{0}", message);
        else Log.LogWarning("AiSprint", code, null, HelpLink(code), file, line, column, 0, 0, "{0}", message);
    }

    /// <summary>The catalogue's help link of a code the tool printed (none for a code this SDK version does not know).</summary>
    private static string? HelpLink(string code) => RuleCatalog.Find(code)?.HelpLink;

    private static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    protected override bool HandleTaskExecutionErrors()
    {
        if (ExitCode == ExitCodes.Infeasible && InfeasibleIsWarning) return true;
        if (!Log.HasLoggedErrors) Log.LogError("AiSprint", FailureCode, null, HelpLink(FailureCode), ToolAssembly, 0, 0, 0, 0, "aisprint {0} failed with exit code {1}", Arguments.FirstOrDefault(), ExitCode);
        return false;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
