using System.Globalization;
using System.Text;
using AiSprint.Deploy.Reporting;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Partitions;
using AiSprint.Onnx;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Graph;
using AiSprint.Profiling.Layers.Modelling;
using AiSprint.Profiling.Layers.Reporting;

namespace AiSprint.Deploy.Inputs;

/// <summary>
/// <c>aisprint deploy --onnx COMPONENT=MODEL --layer-model RESOURCE=LAYERS.json</c>: per-layer models give the partitions
/// of a partitioned component their demand on the resources they were measured on, in every plan of its manifest (each
/// plan is a candidate deployment the placement may choose); every other resource keeps the FLOP share of the
/// component's demand. Returns the report section that says which demand came from where, plan by plan.
/// </summary>
internal static class LayerDemandInputs
{
    public static string Apply(Dictionary<string, IReadOnlyList<ModelPartitioning>> partitionings, IReadOnlyDictionary<string, PartitionManifest> manifests,
        IEnumerable<string> onnxArguments, IEnumerable<string> layerArguments, DiagnosticBag diagnostics, ICollection<PartitionDemandSeries> charted)
    {
        var models = new List<ResourceLayerModel>();
        foreach (var (resource, path) in OptionPairs.Parse(layerArguments, "--layer-model", "RESOURCE=LAYERS.json", DiagnosticCatalog.LayerOptionInvalid, diagnostics))
        {
            try
            {
                models.Add(new ResourceLayerModel(resource, path, LayerModelFile.Load(path)));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(DiagnosticCatalog.LayerModelUnreadable, SourceLocation.WholeFile(path), ex.Message);
            }
        }
        var sources = OptionPairs.Parse(onnxArguments, "--onnx", "COMPONENT=MODEL.onnx", DiagnosticCatalog.LayerOptionInvalid, diagnostics).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var report = new StringBuilder();
        foreach (var (component, list) in partitionings.ToList())
        {
            // Every plan the partitioner offered reaches the placement as a deployment of its own: each gets its demands.
            var plans = manifests.TryGetValue(component, out var manifest) ? DesignPartitions.PlansOf(manifest) : [];
            string Label(int n) => plans.Count <= 1 ? component : $"{component} plan {n + 1} ({Describe(plans[n])})";
            if (models.Count == 0 || !sources.TryGetValue(component, out var onnx) || manifest is null)
            {
                for (var n = 0; n < list.Count; n++)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"  {Label(n)}: every partition's demand is the FLOP share of the component's demand ({Shares(list[n])})");
                }
                continue;
            }
            try
            {
                var analysis = SampleInputs.Analyze(onnx);
                var updated = list.ToArray();
                for (var n = 0; n < updated.Length && n < plans.Count; n++)
                {
                    var demands = PartitionDemands.Predict(analysis, plans[n].Cuts.Select(c => c.Tensor).ToList(), models);
                    updated[n] = new ModelPartitioning(updated[n].Pieces.Select((piece, i) => piece with { LayerDemands = demands[i].ToValueList() }).ToValueList());
                    foreach (var model in models)
                    {
                        var milliseconds = demands.Select(d => d.First(x => x.Resource == model.Resource).Demand.Value * 1000).ToList();
                        var values = string.Join(", ", milliseconds.Select((ms, i) => $"partition {i + 1} {ms.ToString("0.###", CultureInfo.InvariantCulture)} ms"));
                        // Every layer's predicted time on that resource: where a partition's demand comes from (the same for every plan).
                        var perLayer = n == 0 ? PredictionChart.RenderSvg(LayerPredictor.Predict(analysis, model.Model), null) : null;
                        charted.Add(new PartitionDemandSeries(n == 0 ? component : $"{component} plan {n + 1}", model.Resource, model.Path, milliseconds, perLayer));
                        report.AppendLine(CultureInfo.InvariantCulture, $"  {Label(n)} on {model.Resource}: per-layer model {model.Path} ({model.Model.Convention}, optimisation {model.Model.OptimizationLevel}): {values}");
                    }
                    report.AppendLine(CultureInfo.InvariantCulture, $"  {Label(n)} on every other resource: FLOP share of the component's demand ({Shares(updated[n])})");
                }
                partitionings[component] = updated;
            }
            catch (Exception ex) when (ex is OnnxFormatException or IOException or InvalidDataException)
            {
                diagnostics.Add(DiagnosticCatalog.LayerMeasurementFailed, SourceLocation.WholeFile(onnx), $"cannot predict the partitions of {component}: {ex.Message}");
            }
        }
        return report.Length == 0 ? "" : "\nDemand sources:\n" + report;
    }

    private static string Shares(ModelPartitioning partitioning)
    {
        var total = Math.Max(1e-300, partitioning.Pieces.Sum(q => q.ComputeShare));
        return string.Join(", ", partitioning.Pieces.Select(p => (p.ComputeShare / total * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %"));
    }

    private static string Describe(ManifestPlan plan) =>
        $"{plan.PartitionCount} partitions{(plan.Cuts.Count > 0 ? " at " + string.Join(", ", plan.Cuts.Select(c => c.Tensor)) : "")}";
}
