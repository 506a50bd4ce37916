using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Partitions;

namespace AiSprint.Deploy.Inputs;

/// <summary>The <c>COMPONENT=MANIFEST</c> pairs of a deploy: each [Partitionable] component's partitioning, from its manifest.</summary>
internal static class PartitionInputs
{
    public static (Dictionary<string, IReadOnlyList<ModelPartitioning>> Partitionings, Dictionary<string, PartitionManifest> Manifests) Load(
        IEnumerable<string> arguments, DiagnosticBag diagnostics)
    {
        var partitionings = new Dictionary<string, IReadOnlyList<ModelPartitioning>>(StringComparer.Ordinal);
        var manifests = new Dictionary<string, PartitionManifest>(StringComparer.Ordinal);
        foreach (var (component, path) in OptionPairs.Parse(arguments, "--partition", "COMPONENT=MANIFEST", DiagnosticCatalog.InvalidValue, diagnostics))
        {
            var loaded = PartitionManifestJson.Load(path);
            diagnostics.AddRange(loaded.Diagnostics);
            if (loaded.Value is not { } manifest) continue;
            partitionings[component] = DesignPartitions.Partitionings(manifest);
            manifests[component] = manifest;
        }
        return (partitionings, manifests);
    }
}
