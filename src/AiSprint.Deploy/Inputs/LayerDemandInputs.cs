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
/// of a partitioned component their demand on the resources they were measured on; every other resource keeps the FLOP
/// share of the component's demand. Returns the report section that says which demand came from where.
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
            var shares = string.Join(", ", list[0].Pieces.Select(p => (p.ComputeShare / Math.Max(1e-300, list[0].Pieces.Sum(q => q.ComputeShare)) * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %"));
            if (models.Count == 0 || !sources.TryGetValue(component, out var onnx) || !manifests.TryGetValue(component, out var manifest))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {component}: every partition's demand is the FLOP share of the component's demand ({shares})");
                continue;
            }
            try
            {
                var analysis = SampleInputs.Analyze(onnx);
                var demands = PartitionDemands.Predict(analysis, manifest.Cuts.Select(c => c.Tensor).ToList(), models);
                var pieces = list[0].Pieces.Select((piece, i) => piece with { LayerDemands = demands[i].ToValueList() }).ToValueList();
                partitionings[component] = [new ModelPartitioning(pieces), .. list.Skip(1)];
                foreach (var model in models)
                {
                    var values = string.Join(", ", demands.Select((d, i) => $"partition {i + 1} {(d.First(x => x.Resource == model.Resource).Demand.Value * 1000).ToString("0.###", CultureInfo.InvariantCulture)} ms"));
                    // Every layer's predicted time on that resource: where a partition's demand comes from.
                    var perLayer = PredictionChart.RenderSvg(LayerPredictor.Predict(analysis, model.Model), null);
                    charted.Add(new PartitionDemandSeries(component, model.Resource, model.Path,
                        demands.Select(d => d.First(x => x.Resource == model.Resource).Demand.Value * 1000).ToList(), perLayer));
                    report.AppendLine(CultureInfo.InvariantCulture, $"  {component} on {model.Resource}: per-layer model {model.Path} ({model.Model.Convention}, optimisation {model.Model.OptimizationLevel}): {values}");
                }
                report.AppendLine(CultureInfo.InvariantCulture, $"  {component} on every other resource: FLOP share of the component's demand ({shares})");
            }
            catch (Exception ex) when (ex is OnnxFormatException or IOException or InvalidDataException)
            {
                diagnostics.Add(DiagnosticCatalog.LayerMeasurementFailed, SourceLocation.WholeFile(onnx), $"cannot predict the partitions of {component}: {ex.Message}");
            }
        }
        return report.Length == 0 ? "" : "\nDemand sources:\n" + report;
    }
}
