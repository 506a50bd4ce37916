using System.Text.Json;
using AiSprint.Contract.Diagnostics;
using AiSprint.Model.Formats.Design;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AiSprint.Build.Tasks;

/// <summary>
/// The [Partitionable] components of a design document as items (Include = component name; metadata OnnxPath,
/// the model's full path, and MaxPartitions), so the partition step can batch over them with Inputs/Outputs.
/// The document is read through the same records as the CLI (<see cref="DesignDocument"/>).
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
        DesignDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllText(DesignFile), DesignJsonContext.Default.DesignDocument);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            BuildDiagnostics.Error(Log, RuleCatalog.FileNotReadable, DesignFile, 0, 0, $"cannot read the design document: {ex.Message}");
            return false;
        }

        var items = new List<ITaskItem>();
        foreach (var component in document?.Components ?? [])
        {
            if (component?.EarlyExits is { } earlyExits)
            {
                if (EarlyExitItem(component, earlyExits) is { } exitItem) items.Add(exitItem);
                continue;
            }
            if (component?.Partitionable is not { } partitionable) continue;
            var onnx = Path.GetFullPath(Path.Combine(ProjectDirectory, partitionable.OnnxPath));
            if (!File.Exists(onnx))
            {
                var location = component.Location;
                BuildDiagnostics.Error(Log, RuleCatalog.ModelFileMissing, location?.File ?? DesignFile, location?.Line ?? 0, location?.Column ?? 0,
                    $"[Partitionable] of {component.Name} names {onnx}, which does not exist; expected an ONNX model path relative to the project directory");
                continue;
            }
            var item = new TaskItem(component.Name);
            item.SetMetadata("OnnxPath", onnx);
            item.SetMetadata("MaxPartitions", partitionable.MaxPartitions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.SetMetadata("PartitionArguments", "--max-partitions;" + partitionable.MaxPartitions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.SetMetadata("ExitsFile", "");
            items.Add(item);
        }
        Partitionable = items.ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>An [EarlyExits] component: split at the exits of its exits file, with the declared transition probabilities.</summary>
    private TaskItem? EarlyExitItem(DesignComponent component, DesignEarlyExits earlyExits)
    {
        var location = component.Location;
        var onnx = Path.GetFullPath(Path.Combine(ProjectDirectory, earlyExits.OnnxPath));
        var exits = Path.GetFullPath(Path.Combine(ProjectDirectory, earlyExits.ExitsFile));
        foreach (var (path, what) in new[] { (onnx, "model"), (exits, "exits file") })
        {
            if (File.Exists(path)) continue;
            BuildDiagnostics.Error(Log, RuleCatalog.ModelFileMissing, location?.File ?? DesignFile, location?.Line ?? 0, location?.Column ?? 0,
                $"[EarlyExits] of {component.Name} names the {what} {path}, which does not exist; expected a path relative to the project directory");
            return null;
        }
        var probabilities = string.Join(",", earlyExits.TransitionProbabilities.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var item = new TaskItem(component.Name);
        item.SetMetadata("OnnxPath", onnx);
        item.SetMetadata("MaxPartitions", "");
        item.SetMetadata("ExitsFile", exits);
        item.SetMetadata("PartitionArguments", $"--early-exits;{exits};--transition-probabilities;{probabilities}");
        return item;
    }
}
