using System.Text.Json;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Design;

/// <summary>Reads a design document from its JSON (a file written by <c>aisprint design</c> or the build, or the assembly's metadata).</summary>
public static class DesignDocumentJson
{
    /// <summary>Reads a design.json written by the build; problems come back located in the result.</summary>
    public static LoadResult<DesignDocument> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path), $"cannot read the design document: {ex.Message}"));
        }
        return Parse(text, path);
    }

    /// <summary>Parses the design document <paramref name="json"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<DesignDocument> Parse(string json, string file)
    {
        DesignDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, DesignJsonContext.Default.DesignDocument);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return Failed(DiagnosticCatalog.Syntax.At(new SourceLocation(file, line, column), $"not a design document: {ex.Message}"));
        }
        if (document is null || document.Schema != DesignDocument.SchemaName)
        {
            return Failed(DiagnosticCatalog.UnknownFormat.At(SourceLocation.WholeFile(file),
                $"the design document's schema is '{document?.Schema}'; expected '{DesignDocument.SchemaName}' (rebuild with this SDK version)"));
        }
        // System.Text.Json leaves missing collections null despite the non-nullable declaration.
        document = document with
        {
            Components = document.Components ?? [],
            Dag = document.Dag ?? [],
            LocalConstraints = document.LocalConstraints ?? [],
            GlobalConstraints = [.. (document.GlobalConstraints ?? []).Select(c => c is { Path: null } ? c with { Path = [] } : c)],
        };
        // Null entries and names (a hand-edited document) would crash every later step: refuse them here.
        var missing = new List<string>();
        for (var i = 0; i < document.Components.Count; i++)
        {
            if (string.IsNullOrEmpty(document.Components[i]?.Name)) missing.Add($"components[{i}] has no name");
        }
        for (var i = 0; i < document.Dag.Count; i++)
        {
            if (document.Dag[i] is not { From: not null, To: not null }) missing.Add($"dag[{i}] needs 'from' and 'to'");
        }
        for (var i = 0; i < document.LocalConstraints.Count; i++)
        {
            if (document.LocalConstraints[i]?.Component is null) missing.Add($"localConstraints[{i}] has no component");
        }
        for (var i = 0; i < document.GlobalConstraints.Count; i++)
        {
            if (document.GlobalConstraints[i] is not { Name: not null } path || path.Path.Any(c => c is null)) missing.Add($"globalConstraints[{i}] needs a name and a path of component names");
        }
        if (missing.Count > 0)
        {
            return new LoadResult<DesignDocument>(null, [.. missing.Select(m => DiagnosticCatalog.MissingKey.At(SourceLocation.WholeFile(file), $"{m}; expected what the AiSprint generator writes (rebuild the project)"))]);
        }
        return new LoadResult<DesignDocument>(document, []);
    }

    private static LoadResult<DesignDocument> Failed(Diagnostic diagnostic) => new(null, [diagnostic]);
}
