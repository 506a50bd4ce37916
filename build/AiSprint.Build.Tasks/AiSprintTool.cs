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

    /// <summary>
    /// Where this run's warnings are kept (rewritten on every run, empty when there are none), so that a build that skips
    /// the step as up to date can report them again (<see cref="ReplayAiSprintDiagnostics"/>).
    /// </summary>
    public string? DiagnosticsFile { get; set; }

    /// <summary>
    /// <see cref="DiagnosticsFile"/> once this run has written it. MSBuild cannot infer it for a skipped target (the task
    /// has no input of that name), so the items it feeds name exactly the steps that ran in this build.
    /// </summary>
    [Output]
    public string? WrittenDiagnosticsFile { get; private set; }

    /// <summary>Output lines starting with one of these are the step's summary: shown at the build's default verbosity.</summary>
    public string[] SummaryPrefixes { get; set; } = [];

    private readonly List<string> warnings = [];

    /// <summary>The command line is for -v:d (docs/build.md); the default output shows the step's summary instead.</summary>
    protected override void LogToolCommand(string message) => Log.LogCommandLine(MessageImportance.Low, message);

    public override bool Execute()
    {
        var succeeded = base.Execute();
        if (!string.IsNullOrEmpty(DiagnosticsFile))
        {
            ToolDiagnostics.WriteAtomically(DiagnosticsFile, warnings);
            WrittenDiagnosticsFile = DiagnosticsFile;
        }
        return succeeded;
    }

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

    [GeneratedRegex(@"^error: (?<file>[^:]+(:[\\/][^:]*)?):(?<line>\d+):(?<column>\d+): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatedFailureLine();

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (ToolDiagnostics.TryLog(Log, singleLine, out var severity))
        {
            if (severity == "warning") warnings.Add(singleLine);
            return;
        }
        // The CLI's own "error: …" lines (a bad option, an unreadable file, a failed campaign) must fail the build
        // too, at the file and line they name when they name one.
        if (LocatedFailureLine().Match(singleLine) is { Success: true } located)
        {
            Log.LogError("AiSprint", FailureCode, null, ToolDiagnostics.HelpLink(FailureCode), located.Groups["file"].Value, Number(located, "line"), Number(located, "column"), 0, 0,
                "aisprint {0}: {1}", Arguments.FirstOrDefault(), located.Groups["message"].Value);
        }
        else if (singleLine.StartsWith("error:", StringComparison.Ordinal))
        {
            Log.LogError("AiSprint", FailureCode, null, ToolDiagnostics.HelpLink(FailureCode), ToolAssembly, 0, 0, 0, 0, "aisprint {0}: {1}", Arguments.FirstOrDefault(), singleLine[6..].Trim());
        }
        else
        {
            var summary = SummaryPrefixes.Any(p => singleLine.StartsWith(p, StringComparison.Ordinal));
            Log.LogMessage(summary ? MessageImportance.High : messageImportance, "{0}", summary ? "AiSprint: " + singleLine : singleLine);
        }
    }

    private static int Number(Match match, string group) => ToolDiagnostics.Number(match, group);

    protected override bool HandleTaskExecutionErrors()
    {
        if (ExitCode == ExitCodes.Infeasible && InfeasibleIsWarning) return true;
        if (!Log.HasLoggedErrors) Log.LogError("AiSprint", FailureCode, null, ToolDiagnostics.HelpLink(FailureCode), ToolAssembly, 0, 0, 0, 0, "aisprint {0} failed with exit code {1}", Arguments.FirstOrDefault(), ExitCode);
        return false;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
