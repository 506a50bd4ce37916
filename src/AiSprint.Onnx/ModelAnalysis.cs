using AiSprint.Onnx.Complexity;
using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Shapes;

namespace AiSprint.Onnx;

/// <summary>Everything the placement engine needs to split a DNN: tensors, per-layer costs, cut points.</summary>
public sealed class ModelAnalysis
{
    internal ModelAnalysis(string modelPath, ComputationGraph graph, AncestorSets ancestors, ParameterCounter parameters,
        IReadOnlyDictionary<string, TensorDescription> tensors, IReadOnlyList<LayerComplexity> layers, IReadOnlyList<CutPoint> cutPoints)
    {
        ModelPath = modelPath;
        Graph = graph;
        Ancestors = ancestors;
        Parameters = parameters;
        Tensors = tensors;
        Layers = layers;
        CutPoints = cutPoints;
        LayerOfNode = layers.ToDictionary(l => l.NodeIndex);
    }

    public string ModelPath { get; }

    public string ModelName => Path.GetFileNameWithoutExtension(ModelPath);

    public long IrVersion => Graph.Model.IrVersion;

    public IReadOnlyDictionary<string, long> OpsetImports => Graph.Model.OpsetImport.GroupBy(o => o.Domain.Length == 0 ? "ai.onnx" : o.Domain).ToDictionary(g => g.Key, g => g.Max(o => o.Version));

    public IReadOnlyList<string> Inputs => Graph.RealInputs;

    public IReadOnlyList<string> Outputs => Graph.Outputs;

    public int NodeCount => Graph.Nodes.Count;

    /// <summary>Every tensor of the main graph: inputs, initializers, node outputs.</summary>
    public IReadOnlyDictionary<string, TensorDescription> Tensors { get; }

    /// <summary>One entry per node, in topological order, with cumulative forward FLOPs.</summary>
    public IReadOnlyList<LayerComplexity> Layers { get; }

    public IReadOnlyList<CutPoint> CutPoints { get; }

    public long? TotalForwardFlops => Layers.Count == 0 ? 0 : Layers[^1].CumulativeForwardFlops;

    /// <summary>Distinct parameter tensors (a weight shared by two nodes counts once).</summary>
    public long TotalParameterCount => DistinctParameters(Enumerable.Range(0, NodeCount)).Sum(t => t.ElementCount ?? 0);

    public long TotalParameterBytes => DistinctParameters(Enumerable.Range(0, NodeCount)).Sum(t => t.Bytes ?? 0);

    internal ComputationGraph Graph { get; }

    internal AncestorSets Ancestors { get; }

    internal ParameterCounter Parameters { get; }

    internal IReadOnlyDictionary<int, LayerComplexity> LayerOfNode { get; }

    internal IEnumerable<TensorDescription> DistinctParameters(IEnumerable<int> nodes) =>
        nodes.SelectMany(n => Parameters.ParametersOf(Graph.Nodes[n], Describe)).DistinctBy(t => Parameters.SourceOf(t.Name), StringComparer.Ordinal);

    internal TensorDescription? Describe(string tensor) => Tensors.TryGetValue(tensor, out var d) ? d : null;
}
