using AiSprint.Contract.Diagnostics;
using Microsoft.Build.Utilities;

namespace AiSprint.Build.Tasks;

/// <summary>Logs a catalogue rule as a build diagnostic with its ID, location and help link.</summary>
internal static class BuildDiagnostics
{
    public const string Subcategory = "AiSprint";

    public static void Error(TaskLoggingHelper log, Rule rule, string file, int line, int column, string message) =>
        Log(log, rule, isError: true, file, line, column, message);

    public static void Log(TaskLoggingHelper log, Rule rule, bool isError, string file, int line, int column, string message)
    {
        if (isError)
        {
            log.LogError(Subcategory, rule.Id, helpKeyword: null, rule.HelpLink, file, line, column, 0, 0, "{0}", message);
        }
        else
        {
            log.LogWarning(Subcategory, rule.Id, helpKeyword: null, rule.HelpLink, file, line, column, 0, 0, "{0}", message);
        }
    }
}
