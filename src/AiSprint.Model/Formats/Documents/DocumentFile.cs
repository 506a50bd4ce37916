using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats;

/// <summary>Reads a JSON or YAML file into a <see cref="DocumentNode"/>, turning IO failures into AIS0001.</summary>
public static class DocumentFile
{
    /// <summary>Parses the JSON file at <paramref name="path"/>, or returns null after adding the error to <paramref name="diagnostics"/>.</summary>
    public static DocumentNode? LoadJson(string path, DiagnosticBag diagnostics) =>
        ReadBytes(path, diagnostics) is { } bytes ? JsonDocumentLoader.Parse(bytes, path, diagnostics) : null;

    /// <summary>Parses the YAML file at <paramref name="path"/>, or returns null after adding the error to <paramref name="diagnostics"/>.</summary>
    public static DocumentNode? LoadYaml(string path, DiagnosticBag diagnostics) =>
        ReadBytes(path, diagnostics) is { } bytes ? YamlDocumentLoader.Parse(new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'), path, diagnostics) : null;

    internal static byte[]? ReadBytes(string path, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(path), $"cannot read the file: {ex.Message}");
            return null;
        }
    }
}
