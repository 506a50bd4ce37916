using System.Text;
using Microsoft.Build.Framework;

namespace AiSprint.Build.Tasks;

/// <summary>
/// Reports again the warnings a step printed when it last ran, for each step this build skipped as up to date: like the
/// compiler's warnings, an infeasible placement must not read as a clean build just because nothing changed.
/// </summary>
public sealed class ReplayAiSprintDiagnostics : Microsoft.Build.Utilities.Task
{
    /// <summary>The kept warnings of the steps that were skipped (<see cref="AiSprintTool.DiagnosticsFile"/>).</summary>
    public ITaskItem[] Files { get; set; } = [];

    public override bool Execute()
    {
        foreach (var file in Files.Select(f => f.GetMetadata("FullPath")).Where(File.Exists))
        {
            foreach (var line in File.ReadLines(file, Encoding.UTF8).Where(l => l.Length > 0))
            {
                if (!ToolDiagnostics.TryLog(Log, line, out _)) Log.LogMessage(MessageImportance.Low, "{0}", line);
            }
        }
        return !Log.HasLoggedErrors;
    }
}
