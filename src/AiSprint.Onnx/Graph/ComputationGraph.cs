using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Graph;

/// <summary>The main graph as a DAG of nodes and tensors: producers, consumers, a topological order.</summary>
internal sealed class ComputationGraph
{
    private readonly Dictionary<string, int> _producerOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _consumersOf = new(StringComparer.Ordinal);

    public ComputationGraph(ModelProto model)
    {
        Model = model;
        var graph = model.Graph;
        Initializers = new HashSet<string>(graph.Initializer.Select(t => t.Name).Concat(graph.SparseInitializer.Select(s => s.Values.Name)), StringComparer.Ordinal);
        // IR < 4 models list initializers among the inputs as well; those are not real inputs.
        RealInputs = graph.Input.Select(i => i.Name).Where(n => !Initializers.Contains(n)).ToArray();
        Outputs = graph.Output.Select(o => o.Name).ToArray();

        var nodes = new List<GraphNode>(graph.Node.Count);
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var proto = graph.Node[i];
            var subgraphs = proto.Attribute.SelectMany(OnnxModelLoader.SubgraphsOf).ToArray();
            var inputs = proto.Input.Where(n => n.Length > 0).ToList();
            if (subgraphs.Length > 0)
            {
                foreach (var outer in subgraphs.SelectMany(OuterScopeNames).Distinct(StringComparer.Ordinal))
                {
                    if (!inputs.Contains(outer, StringComparer.Ordinal)) inputs.Add(outer);
                }
            }
            var outputs = proto.Output.Where(n => n.Length > 0).ToArray();
            nodes.Add(new GraphNode(i, proto, inputs, outputs, subgraphs.Length > 0));
            foreach (var output in outputs)
            {
                if (!_producerOf.TryAdd(output, i))
                {
                    throw new OnnxFormatException($"Tensor '{output}' is produced by two nodes ({_producerOf[output]} and {i}); ONNX graphs must be in SSA form.");
                }
                if (Initializers.Contains(output) || RealInputs.Contains(output, StringComparer.Ordinal))
                {
                    throw new OnnxFormatException($"Tensor '{output}' is both a node output and a graph input or initializer.");
                }
            }
        }
        Nodes = nodes;
        foreach (var node in nodes)
        {
            foreach (var input in node.Inputs.Distinct(StringComparer.Ordinal))
            {
                if (!_producerOf.ContainsKey(input) && !Initializers.Contains(input) && !RealInputs.Contains(input, StringComparer.Ordinal))
                {
                    throw new OnnxFormatException($"Node {node.Index} ('{node.Name}', {node.Op}) reads '{input}', which no node, graph input or initializer provides.");
                }
                if (!_consumersOf.TryGetValue(input, out var list)) _consumersOf[input] = list = [];
                list.Add(node.Index);
            }
        }
        foreach (var output in Outputs)
        {
            if (!_producerOf.ContainsKey(output) && !Initializers.Contains(output) && !RealInputs.Contains(output, StringComparer.Ordinal))
            {
                throw new OnnxFormatException($"Graph output '{output}' is produced by nothing.");
            }
        }
        TopologicalOrder = SortTopologically();
    }

    public ModelProto Model { get; }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlySet<string> Initializers { get; }

    public IReadOnlyList<string> RealInputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Node indices such that every producer comes before its consumers.</summary>
    public IReadOnlyList<int> TopologicalOrder { get; }

    public int? ProducerOf(string tensor) => _producerOf.TryGetValue(tensor, out var p) ? p : null;

    public IReadOnlyList<int> ConsumersOf(string tensor) => _consumersOf.TryGetValue(tensor, out var c) ? c : [];

    /// <summary>Every tensor a node produces, in node order.</summary>
    public IEnumerable<string> ProducedTensors => Nodes.SelectMany(n => n.Outputs);

    /// <summary>Kahn's algorithm, preferring file order among ready nodes; a leftover node means a cycle.</summary>
    private int[] SortTopologically()
    {
        var pending = new int[Nodes.Count];
        foreach (var node in Nodes)
        {
            pending[node.Index] = node.Inputs.Distinct(StringComparer.Ordinal).Count(i => _producerOf.ContainsKey(i));
        }
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i] == 0) ready.Enqueue(i, i);
        }
        var order = new List<int>(Nodes.Count);
        while (ready.TryDequeue(out var index, out _))
        {
            order.Add(index);
            foreach (var output in Nodes[index].Outputs)
            {
                foreach (var consumer in ConsumersOf(output))
                {
                    if (--pending[consumer] == 0) ready.Enqueue(consumer, consumer);
                }
            }
        }
        if (order.Count != Nodes.Count)
        {
            var stuck = Enumerable.Range(0, Nodes.Count).Where(i => pending[i] > 0).Take(5).Select(i => $"{i} ('{Nodes[i].Name}', {Nodes[i].Op})");
            throw new OnnxFormatException($"The graph has a cycle: {Nodes.Count - order.Count} nodes never become ready, e.g. {string.Join(", ", stuck)}.");
        }
        return [.. order];
    }

    /// <summary>Names a subgraph reads but defines nowhere inside itself (including deeper subgraphs).</summary>
    private static IEnumerable<string> OuterScopeNames(GraphProto subgraph)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var used = new List<string>();
        Collect(subgraph, defined, used);
        return used.Where(u => !defined.Contains(u));

        static void Collect(GraphProto g, HashSet<string> defined, List<string> used)
        {
            defined.UnionWith(g.Input.Select(i => i.Name));
            defined.UnionWith(g.Initializer.Select(i => i.Name));
            defined.UnionWith(g.SparseInitializer.Select(i => i.Values.Name));
            foreach (var node in g.Node)
            {
                defined.UnionWith(node.Output);
                used.AddRange(node.Input.Where(i => i.Length > 0));
                foreach (var inner in node.Attribute.SelectMany(OnnxModelLoader.SubgraphsOf)) Collect(inner, defined, used);
            }
            used.AddRange(g.Output.Select(o => o.Name));
        }
    }
}
