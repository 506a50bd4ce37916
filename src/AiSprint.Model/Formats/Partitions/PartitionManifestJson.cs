using System.Text.Json;
using System.Text.Json.Serialization;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Partitions;

/// <summary>
/// manifest.json, the seam between <c>aisprint partition</c> (which writes it beside the sub-models) and
/// <c>aisprint deploy</c> (which places the partitions it lists): one serializer context, one reader with located errors.
/// </summary>
public static class PartitionManifestJson
{
    /// <summary>The manifest's file name inside a partitioned model's directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The manifest as UTF-8 JSON (camelCase, indented), as <c>aisprint partition</c> writes it.</summary>
    public static byte[] Serialize(PartitionManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.PartitionManifest);

    /// <summary>Reads a manifest; a missing file, malformed JSON (at its line and column) or a manifest without partitions is an error.</summary>
    public static LoadResult<PartitionManifest> Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path), $"cannot read the partition manifest: {ex.Message}"));
        }
        PartitionManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.PartitionManifest);
        }
        catch (JsonException ex)
        {
            var at = new SourceLocation(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            return Failed(DiagnosticCatalog.Syntax.At(at, $"not a partition manifest (aisprint partition writes {FileName}): {ex.Message}"));
        }
        // System.Text.Json leaves a missing list null despite the non-nullable declaration.
        if (manifest?.Partitions is not { Count: > 0 })
        {
            return Failed(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path),
                $"the partition manifest lists no partitions; expected the {FileName} aisprint partition writes"));
        }
        try
        {
            DesignPartitions.PlansOf(manifest);
        }
        catch (InvalidDataException ex)
        {
            return Failed(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path), $"the partition manifest is incomplete: {ex.Message}"));
        }
        return new LoadResult<PartitionManifest>(manifest, []);
    }

    private static LoadResult<PartitionManifest> Failed(Diagnostic diagnostic) => new(null, [diagnostic]);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PartitionManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
