using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AiSprint.Build.Tasks;

/// <summary>
/// The [Partitionable] components of a design document as items (Include = component name; metadata OnnxPath,
/// the model's full path, and MaxPartitions), so the partition step can batch over them with Inputs/Outputs.
/// </summary>
public sealed class AiSprintDesignItems : Microsoft.Build.Utilities.Task
{
    [Required]
    public string DesignFile { get; set; } = "";

    /// <summary>Relative ONNX paths are relative to this directory (the project's).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    [Output]
    public ITaskItem[] Partitionable { get; private set; } = [];

    public override bool Execute()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DesignFile));
        var items = new List<ITaskItem>();
        foreach (var component in document.RootElement.GetProperty("components").EnumerateArray())
        {
            if (!component.TryGetProperty("partitionable", out var partitionable) || partitionable.ValueKind != JsonValueKind.Object) continue;
            var name = component.GetProperty("name").GetString()!;
            var onnx = Path.GetFullPath(Path.Combine(ProjectDirectory, partitionable.GetProperty("onnxPath").GetString()!));
            var item = new TaskItem(name);
            item.SetMetadata("OnnxPath", onnx);
            item.SetMetadata("MaxPartitions", partitionable.GetProperty("maxPartitions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!File.Exists(onnx))
            {
                var (file, line, column) = LocationOf(component);
                Log.LogError("AiSprint", "AIS0001", null, file, line, column, 0, 0,
                    "[Partitionable] of {0} names {1}, which does not exist; expected an ONNX model path relative to the project directory", name, onnx);
                continue;
            }
            items.Add(item);
        }
        Partitionable = items.ToArray();
        return !Log.HasLoggedErrors;
    }

    private static (string File, int Line, int Column) LocationOf(JsonElement component) =>
        component.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object
            ? (location.GetProperty("file").GetString() ?? "", location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32())
            : ("", 0, 0);
}
