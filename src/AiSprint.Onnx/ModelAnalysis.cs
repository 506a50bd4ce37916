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

    /// <summary>The path of the analysed .onnx file.</summary>
    public string ModelPath { get; }

    /// <summary>The file name without extension.</summary>
    public string ModelName => Path.GetFileNameWithoutExtension(ModelPath);

    /// <summary>The ONNX IR version the file declares.</summary>
    public long IrVersion => Graph.Model.IrVersion;

    /// <summary>The highest opset version imported per domain (<c>ai.onnx</c> for the default domain).</summary>
    public IReadOnlyDictionary<string, long> OpsetImports => Graph.Model.OpsetImport.GroupBy(o => o.Domain.Length == 0 ? "ai.onnx" : o.Domain).ToDictionary(g => g.Key, g => g.Max(o => o.Version));

    /// <summary>The graph inputs that are not initializers.</summary>
    public IReadOnlyList<string> Inputs => Graph.RealInputs;

    /// <summary>The graph outputs.</summary>
    public IReadOnlyList<string> Outputs => Graph.Outputs;

    /// <summary>The number of nodes of the main graph.</summary>
    public int NodeCount => Graph.Nodes.Count;

    /// <summary>Every tensor of the main graph: inputs, initializers, node outputs.</summary>
    public IReadOnlyDictionary<string, TensorDescription> Tensors { get; }

    /// <summary>One entry per node, in topological order, with cumulative forward FLOPs.</summary>
    public IReadOnlyList<LayerComplexity> Layers { get; }

    /// <summary>The tensors that alone separate the graph, in topological order: where the model can be cut.</summary>
    public IReadOnlyList<CutPoint> CutPoints { get; }

    /// <summary>The forward FLOPs of one inference; null when a node's shape is unknown.</summary>
    public long? TotalForwardFlops => Layers.Count == 0 ? 0 : Layers[^1].CumulativeForwardFlops;

    /// <summary>Distinct parameter tensors (a weight shared by two nodes counts once).</summary>
    public long TotalParameterCount => DistinctParameters(Enumerable.Range(0, NodeCount)).Sum(t => t.ElementCount ?? 0);

    /// <summary>The bytes of the distinct parameter tensors (a shared weight counts once).</summary>
    public long TotalParameterBytes => DistinctParameters(Enumerable.Range(0, NodeCount)).Sum(t => t.Bytes ?? 0);

    internal ComputationGraph Graph { get; }

    internal AncestorSets Ancestors { get; }

    internal ParameterCounter Parameters { get; }

    internal IReadOnlyDictionary<int, LayerComplexity> LayerOfNode { get; }

    internal IEnumerable<TensorDescription> DistinctParameters(IEnumerable<int> nodes) =>
        nodes.SelectMany(n => Parameters.ParametersOf(Graph.Nodes[n], Describe)).DistinctBy(t => Parameters.SourceOf(t.Name), StringComparer.Ordinal);

    internal TensorDescription? Describe(string tensor) => Tensors.TryGetValue(tensor, out var d) ? d : null;
}
