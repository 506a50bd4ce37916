using AiSprint.Onnx.Complexity;
using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Shapes;

namespace AiSprint.Onnx;

/// <summary>Entry point: reads an ONNX model and computes shapes, per-layer complexity and cut points.</summary>
public static class OnnxModelAnalyzer
{
    /// <exception cref="OnnxFormatException">The file is not a usable ONNX model.</exception>
    public static ModelAnalysis Analyze(string modelPath, OnnxAnalysisOptions? options = null)
    {
        options ??= new OnnxAnalysisOptions();
        var model = OnnxModelLoader.Load(modelPath);
        var graph = new ComputationGraph(model);
        var tensors = StaticShapeInference.Run(graph, options.InputShapes);
        if (options.UseRuntimeProbe)
        {
            RuntimeShapeProbe.Fill(graph, tensors, options.SampleInputs);
        }
        var parameters = new ParameterCounter(graph);
        var ancestors = new AncestorSets(graph);
        TensorDescription? Describe(string name) => tensors.TryGetValue(name, out var d) ? d : null;

        var flops = new (long Forward, long Backward)?[graph.Nodes.Count];
        foreach (var node in graph.Nodes) flops[node.Index] = OperationCounts.Of(node, Describe);
        long? FlopsBefore(int node) => ancestors.Members(node).Aggregate((long?)0, (sum, a) => sum + flops[a]?.Forward);

        var layers = new List<LayerComplexity>(graph.Nodes.Count);
        long? cumulative = 0;
        foreach (var index in graph.TopologicalOrder)
        {
            var node = graph.Nodes[index];
            var output = node.Outputs.Count > 0 ? Describe(node.Outputs[0]) : null;
            var weights = parameters.ParametersOf(node, Describe).ToArray();
            cumulative += flops[index]?.Forward;
            layers.Add(new LayerComplexity(index, node.Name, node.Op, output?.Dimensions, flops[index]?.Forward, flops[index]?.Backward,
                weights.Sum(w => w.ElementCount ?? 0), weights.Sum(w => w.Bytes ?? 0),
                node.Outputs.Select(Describe).Aggregate((long?)0, (sum, d) => sum + d?.Bytes), cumulative));
        }
        var cuts = CutPointFinder.Find(graph, ancestors, tensors, FlopsBefore);
        return new ModelAnalysis(Path.GetFullPath(modelPath), graph, ancestors, parameters, tensors, layers, cuts);
    }
}
