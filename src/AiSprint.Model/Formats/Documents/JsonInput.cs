using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats;

/// <summary>
/// The common front end of the JSON readers: read the file (an unreadable file is a diagnostic),
/// parse it into located nodes, then map the root with the reader's own function.
/// </summary>
internal static class JsonInput
{
    public delegate LoadResult<Located<T>> Mapper<T>(DocumentNode root, string file, DiagnosticBag diagnostics) where T : class;

    public static LoadResult<Located<T>> Load<T>(string path, Mapper<T> map) where T : class
    {
        var diagnostics = new DiagnosticBag();
        var root = DocumentFile.LoadJson(path, diagnostics);
        return root is null ? new(null, diagnostics.Items) : map(root, path, diagnostics);
    }

    public static LoadResult<Located<T>> Parse<T>(string json, string file, Mapper<T> map) where T : class
    {
        var diagnostics = new DiagnosticBag();
        var root = JsonDocumentLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), file, diagnostics);
        return root is null ? new(null, diagnostics.Items) : map(root, file, diagnostics);
    }
}
