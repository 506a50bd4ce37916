using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;

namespace AiSprint.Deploy.Inputs;

/// <summary>The design document a deploy places: read from a compiled assembly's metadata or from its JSON.</summary>
internal static class DesignInput
{
    /// <summary>The document and its JSON exactly as the generator wrote it (copied, not re-serialised, so it matches aisprint design).</summary>
    public static (DesignDocument? Document, string? Json) Load(string path, DiagnosticBag diagnostics)
    {
        string? json;
        try
        {
            var isAssembly = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
            json = isAssembly ? DesignMetadataReader.ReadJson(path) : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            diagnostics.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(path), $"cannot read the design document: {ex.Message}");
            return (null, null);
        }
        if (json is null)
        {
            diagnostics.Add(DiagnosticCatalog.NoDesignDocument, SourceLocation.WholeFile(path),
                "the assembly has no AiSprint design document; expected a method with [Component] or [ExecTime] and the AiSprint generator");
            return (null, null);
        }
        var parsed = DesignDocumentJson.Parse(json, path);
        diagnostics.AddRange(parsed.Diagnostics);
        return (parsed.Value, json);
    }
}
