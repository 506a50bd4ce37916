using System.Text;
using AiSprint.Contract.Diagnostics;
using AiSprint.Model.Formats.Design;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AiSprint.Build.Tasks;

/// <summary>
/// Copies the design document out of the compiled assembly into <see cref="OutputFile"/>, rewriting it only when
/// its content changed: a code edit that leaves the design alone then leaves every later step up to date.
/// </summary>
public sealed class ReadAiSprintDesign : Microsoft.Build.Utilities.Task
{
    [Required]
    public string Assembly { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    /// <summary>False when the assembly has no design document (nothing annotated).</summary>
    [Output]
    public bool HasDesign { get; private set; }

    public override bool Execute()
    {
        string? json;
        try
        {
            json = DesignMetadataReader.ReadJson(Assembly);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            BuildDiagnostics.Error(Log, RuleCatalog.FileNotReadable, Assembly, 0, 0, $"cannot read the design document from the compiled assembly: {ex.Message}");
            return false;
        }
        if (json is null)
        {
            // Not a warning: a project that has just added the package, before its first annotation, must build clean
            // (and with TreatWarningsAsErrors, build at all). `aisprint design` and `aisprint deploy` still report AIS0053.
            Log.LogMessage(MessageImportance.High,
                "AiSprint: nothing to place yet; the assembly has no design document (annotate a method with [Component] or [ExecTime], or set AiSprintEnabled=false)");
            if (File.Exists(OutputFile)) File.Delete(OutputFile);
            return true;
        }
        HasDesign = true;
        var content = json.EndsWith('\n') ? json : json + "\n";
        if (File.Exists(OutputFile) && File.ReadAllText(OutputFile, Encoding.UTF8) == content)
        {
            Log.LogMessage(MessageImportance.Low, "AiSprint: the design document of {0} is unchanged", Assembly);
            return true;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
        var temporary = OutputFile + ".tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(false));
        File.Move(temporary, OutputFile, overwrite: true);
        Log.LogMessage(MessageImportance.Normal, "AiSprint: design document written to {0}", OutputFile);
        return true;
    }
}
