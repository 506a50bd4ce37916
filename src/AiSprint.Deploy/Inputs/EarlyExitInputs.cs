using System.Globalization;
using System.Text;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Partitions;
using AiSprint.Onnx.Extraction;

namespace AiSprint.Deploy.Inputs;

/// <summary>
/// The early-exit probabilities <c>aisprint deploy</c> places with: the declared ones from each early-exit manifest
/// (1 − the [EarlyExits] transition probability), replaced exit by exit by the measured ones when a counts file
/// (<see cref="ExitCountsFile"/>) has requests that reached that exit; and the report section that shows both.
/// </summary>
internal static class EarlyExitInputs
{
    public static string Apply(Dictionary<string, IReadOnlyList<ModelPartitioning>> partitionings, IReadOnlyDictionary<string, PartitionManifest> manifests,
        IEnumerable<string> countFiles, DiagnosticBag diagnostics)
    {
        var measured = new Dictionary<string, ExitCounts>(StringComparer.Ordinal);
        foreach (var file in countFiles)
        {
            var (counts, problems) = ExitCountsFile.Load(file);
            diagnostics.AddRange(problems);
            foreach (var c in counts) measured[c.Component] = c;
        }
        var text = new StringBuilder();
        foreach (var (component, manifest) in manifests.Where(m => m.Value.ExitCount is > 0).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var exits = manifest.ExitCount!.Value;
            var partitions = manifest.Partitions.OrderBy(p => p.Index).ToArray();
            var declared = partitions.Select(p => p.EarlyExitProbability ?? 0).ToArray();
            var used = (double[])declared.Clone();
            double?[]? continues = null;
            if (measured.TryGetValue(component, out var counts))
            {
                if (counts.RequestsByExit.Keys.Any(k => k > exits + 1))
                {
                    diagnostics.Add(DiagnosticCatalog.MeasuredExitsUnusable, counts.Location,
                        $"the counts of {component} name exit {counts.RequestsByExit.Keys.Max()}, but its network has {exits} exits (and {exits + 1} partitions); the declared probabilities stay");
                }
                else
                {
                    continues = counts.ContinueProbabilities(exits);
                    for (var i = 0; i < exits; i++)
                    {
                        if (continues[i] is { } p) used[i] = 1 - p;
                        else diagnostics.Add(DiagnosticCatalog.MeasuredExitsUnusable, counts.Location,
                            $"no counted request of {component} reached exit {i + 1}; its declared probability stays");
                    }
                    if (partitionings.TryGetValue(component, out var list) && list.Count > 0)
                    {
                        partitionings[component] = [new ModelPartitioning(list[0].Pieces.Select((piece, i) => piece with { EarlyExitProbability = i < used.Length ? used[i] : 0 }).ToValueList()), .. list.Skip(1)];
                    }
                }
            }
            text.Append(CultureInfo.InvariantCulture, $"  {component}: {partitions.Length} partitions, {exits} exit{(exits == 1 ? "" : "s")}{(continues is null ? "" : $" (placed with the measured probabilities, {counts!.Reached(1):N0} requests counted)")}\n");
            for (var i = 0; i < partitions.Length; i++)
            {
                var line = i == exits
                    ? $"    partition {i + 1}: last, every request that reaches it completes"
                    : $"    partition {i + 1}: exit {i + 1}, exit probability declared {P(declared[i])}"
                      + (continues?[i] is { } p ? $", measured {P(1 - p)} ({counts!.Reached(i + 1):N0} requests reached it)" : continues is null ? "" : ", not measured (no request reached it)");
                text.Append(line).Append('\n');
            }
        }
        return text.Length == 0 ? "" : "\nEarly exits (the probability that a request stops after a partition; declared = 1 − the [EarlyExits] transition probability):\n" + text;
    }

    private static string P(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
