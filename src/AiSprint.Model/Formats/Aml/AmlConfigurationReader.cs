using System.Text;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Aml;

/// <summary>An aMLLibrary configuration file, read: the raw document, the typed model and the data file it names.</summary>
public sealed record AmlConfigurationFile(string Path, IniDocument Document, AmlConfiguration Configuration, string? InputPath);

/// <summary>
/// Entry point for aMLLibrary .ini files.
/// <para>
/// <c>input_path</c> rule: aMLLibrary opens it relative to the directory it is run from, and the example
/// configurations say <c>inputs/x.csv</c> expecting to be run from the folder holding <c>inputs/</c> and
/// <c>example_configurations/</c>. So a relative path is tried against the current directory first, then
/// against the parent of the .ini's directory (the .ini's parent's parent); the first existing file wins.
/// An absolute path is used as is. When no candidate exists, AIS0001 points at the option.
/// </para>
/// </summary>
public static class AmlConfigurationReader
{
    /// <summary>Reads an aMLLibrary .ini at <paramref name="path"/>; <c>input_path</c> resolves against <paramref name="currentDirectory"/>, or the process's current directory when null.</summary>
    public static LoadResult<AmlConfigurationFile> Load(string path, string? currentDirectory = null)
    {
        var diagnostics = new DiagnosticBag();
        string text;
        try
        {
            // Python reads the file as UTF-8 text; undecodable bytes stop it.
            text = new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(path), $"cannot read the configuration: {ex.Message}");
            return new LoadResult<AmlConfigurationFile>(null, diagnostics.Items);
        }
        var result = Parse(text, path, diagnostics);
        if (result is null) return new LoadResult<AmlConfigurationFile>(null, diagnostics.Items);
        var (document, configuration) = result.Value;
        var inputPath = ResolveInputPath(path, configuration.DataPreparation.InputPath, currentDirectory ?? Directory.GetCurrentDirectory());
        if (inputPath is null)
        {
            var option = document.Find(AmlConfigurationBinder.DataPreparation)?.Find("input_path");
            diagnostics.Add(DiagnosticCatalog.FileNotReadable, option?.ValueLocation ?? SourceLocation.WholeFile(path),
                $"input_path '{configuration.DataPreparation.InputPath}' exists neither relative to the current directory nor to '{DataRoot(path)}'");
        }
        return new LoadResult<AmlConfigurationFile>(new AmlConfigurationFile(path, document, configuration, inputPath), diagnostics.Items);
    }

    /// <summary>Reads configuration text; null when the model cannot be built (the diagnostics say why).</summary>
    public static (IniDocument Document, AmlConfiguration Configuration)? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var document = IniReader.Read(text, file, diagnostics);
        var configuration = AmlConfigurationBinder.Bind(document, diagnostics);
        return configuration is null ? null : (document, configuration);
    }

    /// <summary>The data file per the rule above, or null when none of the candidates exists.</summary>
    public static string? ResolveInputPath(string configurationPath, string inputPath, string currentDirectory)
    {
        // A NUL character makes the path invalid on every platform; no file can have that name.
        if (inputPath.Length == 0 || inputPath.Contains('\0')) return null;
        if (System.IO.Path.IsPathRooted(inputPath)) return File.Exists(inputPath) ? inputPath : null;
        var candidates = new List<string> { System.IO.Path.GetFullPath(inputPath, currentDirectory) };
        if (DataRoot(configurationPath) is { } root) candidates.Add(System.IO.Path.GetFullPath(inputPath, root));
        return candidates.FirstOrDefault(File.Exists);
    }

    private static string? DataRoot(string configurationPath) =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(configurationPath)));
}
