using System.Collections.Immutable;
using AiSprint.Model;
using AiSprint.Model.Formats.Aml;
using AiSprint.Onnx;
using AiSprint.Onnx.Partitioning;
using AiSprint.Profiling.Layers.Features;
using AiSprint.Regression.Models;

namespace AiSprint.Profiling.Layers.Modelling;

/// <summary>
/// One node's prediction. A node the runtime fuses into another (by the fusions the model observed) is predicted 0
/// and names the node that carries its time in <see cref="FusedInto"/>; <see cref="Model"/> says what predicted it:
/// "linear", a technique's name, or "pooled" (a category the model never measured: the linear model on every row).
/// </summary>
public sealed record NodePrediction(int NodeIndex, string Name, string Op, LayerCategory Category, double Operations, double PredictedMs, string? FusedInto, string Model);

/// <summary>The predicted time up to and including a cut point's producer: what the first part of a 2-way split costs.</summary>
public sealed record CutPrediction(string Tensor, string ProducerName, double CumulativePredictedMs);

/// <summary>One partition of a plan: the sum of its nodes' predictions, its demand on the model's resource.</summary>
public sealed record PartitionPrediction(int Index, int NodeCount, double PredictedMs);

/// <summary>A network's predicted times with one per-layer model, in milliseconds.</summary>
/// <param name="ModelName">The ONNX model's name.</param>
/// <param name="Threads">The intra-op thread count whose models predicted.</param>
/// <param name="OptimizationLevel">The optimisation level the model file was measured at (predictions hold for that level only).</param>
/// <param name="Nodes">Every node's prediction, in topological order.</param>
/// <param name="Cuts">The cumulative prediction at every cut point.</param>
/// <param name="TotalPredictedMs">The whole network's predicted time.</param>
public sealed record NetworkPrediction(string ModelName, int Threads, string OptimizationLevel, IReadOnlyList<NodePrediction> Nodes, IReadOnlyList<CutPrediction> Cuts, double TotalPredictedMs)
{
    /// <summary>Per-partition demands of a plan over this network.</summary>
    public IReadOnlyList<PartitionPrediction> Partitions(PartitionPlan plan)
    {
        var byNode = Nodes.ToDictionary(n => n.NodeIndex, n => n.PredictedMs);
        return plan.Partitions.Select(p => new PartitionPrediction(p.Index, p.NodeIndices.Count, p.NodeIndices.Sum(i => byNode.GetValueOrDefault(i)))).ToList();
    }
}

/// <summary>Predicts every node of a network with a per-layer model, then cut-point and whole-network sums.</summary>
public static class LayerPredictor
{
    /// <summary>Predicts every node of <paramref name="analysis"/>'s model with <paramref name="model"/> at <paramref name="threads"/> threads (the file's first when null); <paramref name="technique"/> asks for one model ("linear" or a technique's name) instead of each category's selected one.</summary>
    public static NetworkPrediction Predict(ModelAnalysis analysis, LayerModelFile model, int? threads = null, string? technique = null)
    {
        var threadModel = model.For(threads);
        var features = DesignTableCounts.Of(analysis);
        var fusedInto = FusedInto(analysis, features, threadModel.Fusions);
        var predicted = new double[analysis.NodeCount];
        var usedModel = new string[analysis.NodeCount];
        var categories = threadModel.Categories.ToDictionary(c => c.Category);
        foreach (var group in features.Where(f => !fusedInto.ContainsKey(f.NodeIndex)).GroupBy(f => f.Category))
        {
            var rows = group.ToList();
            if (!categories.TryGetValue(group.Key, out var category))
            {
                foreach (var f in rows) (predicted[f.NodeIndex], usedModel[f.NodeIndex]) = (threadModel.Pooled.Predict(f.Operations), "pooled");
                continue;
            }
            var (values, used) = PredictRows(category, rows, technique);
            for (var i = 0; i < rows.Count; i++) (predicted[rows[i].NodeIndex], usedModel[rows[i].NodeIndex]) = (values[i], used);
        }
        var nodes = features.Select(f => new NodePrediction(f.NodeIndex, f.Name, f.Op, f.Category, f.Operations, predicted[f.NodeIndex],
            fusedInto.TryGetValue(f.NodeIndex, out var into) ? analysis.Graph.Nodes[into].Name : null, usedModel[f.NodeIndex] ?? "fused")).ToList();
        var cuts = analysis.CutPoints.Select(c => new CutPrediction(c.Tensor, c.ProducerName,
            analysis.Ancestors.Members(c.ProducerIndex).Append(c.ProducerIndex).Distinct().Sum(i => predicted[i]))).ToList();
        return new NetworkPrediction(analysis.ModelName, threadModel.Threads, model.OptimizationLevel, nodes, cuts, predicted.Sum());
    }

    /// <summary>
    /// One category's predictions for the given layers: its selected model, or <paramref name="technique"/> when given
    /// ("linear" always works; "linear+bytes" when the file has it; a technique only if it is the one the file embeds;
    /// else the linear model is used).
    /// </summary>
    public static (double[] Milliseconds, string Model) PredictRows(CategoryModel category, IReadOnlyList<LayerFeatures> rows, string? technique = null)
    {
        var choice = technique ?? category.Selected;
        if (choice != "linear" && choice == category.Selected && category.TechniqueModel is { } json)
        {
            var regression = RegressionModel.FromJson(json.GetRawText(), $"{category.Category} model");
            return (regression.Predict(Dataset(rows)).Select(v => Math.Max(0, v)).ToArray(), category.Selected);
        }
        if (choice == BytesAwareLinearModel.Name && category.BytesAware is { } bytesAware)
        {
            return (rows.Select(bytesAware.Predict).ToArray(), BytesAwareLinearModel.Name);
        }
        return (rows.Select(f => category.Linear.Predict(f.Operations)).ToArray(), "linear");
    }

    /// <summary>The sum of per-node times over a cut point's producer and its ancestors: the first part of a 2-way split.</summary>
    public static double CumulativeUpTo(ModelAnalysis analysis, string cutTensor, IReadOnlyDictionary<int, double> perNodeMs)
    {
        var producer = analysis.CutPoints.First(c => c.Tensor == cutTensor).ProducerIndex;
        return analysis.Ancestors.Members(producer).Append(producer).Distinct().Sum(i => perNodeMs.GetValueOrDefault(i));
    }

    /// <summary>
    /// Which nodes execute inside another, by the fusions observed in training: a node whose input comes (through
    /// already absorbed nodes) from a node it was seen fused into, through a tensor nothing else reads. Fusions are
    /// matched by category (Table 4.1's and ours), not by operator: a Conv seen absorbing a Relu absorbs a Clip (ReLU6)
    /// too, as ONNX Runtime's activation fusion does; an operator of a category never seen absorbed stays on its own.
    /// Returns node → the node carrying its time.
    /// </summary>
    internal static Dictionary<int, int> FusedInto(ModelAnalysis analysis, IReadOnlyList<LayerFeatures> features, IReadOnlyList<ObservedFusion> fusions)
    {
        var result = new Dictionary<int, int>();
        if (fusions.Count == 0) return result;
        var pairs = fusions.Select(f => (DesignTableCounts.CategoryOf(f.Into), DesignTableCounts.CategoryOf(f.Absorbed))).ToHashSet();
        var graph = analysis.Graph;
        foreach (var index in graph.TopologicalOrder)
        {
            var node = graph.Nodes[index];
            foreach (var input in node.DeclaredInputs)
            {
                if (graph.ProducerOf(input) is not { } producer || graph.ConsumersOf(input).Count != 1) continue;
                var head = result.TryGetValue(producer, out var h) ? h : producer;
                if (pairs.Contains((DesignTableCounts.CategoryOf(graph.Nodes[head].Op), DesignTableCounts.CategoryOf(node.Op))))
                {
                    result[index] = head;
                    break;
                }
            }
        }
        return result;
    }

    private static AmlDataset Dataset(IReadOnlyList<LayerFeatures> rows)
    {
        var columns = LayerFeatures.Names.Select((name, j) => (AmlColumn)new NumericColumn(name, new ValueList<double>(rows.Select(r => r.Vector()[j]).ToImmutableArray())));
        return new AmlDataset(new ValueList<AmlColumn>(columns), rows.Count);
    }
}
