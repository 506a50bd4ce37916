using AiSprint.Onnx.Graph;

namespace AiSprint.Onnx.Partitioning;

/// <summary>
/// Post-dominators of the bipartite node/tensor graph with a virtual sink fed by the graph outputs
/// (Cooper, Harvey and Kennedy's iterative algorithm on the reversed graph). A tensor T post-dominates a vertex
/// when every path from that vertex to an output passes through T.
/// Vertices: nodes 0..N−1, then one per non-initializer tensor, then the sink.
/// </summary>
internal sealed class PostDominatorTree
{
    private readonly ComputationGraph _graph;
    private readonly Dictionary<string, int> _tensorVertex = new(StringComparer.Ordinal);
    private readonly int[] _immediate;
    private readonly int[] _enter;
    private readonly int[] _exit;
    private readonly int _sink;

    public PostDominatorTree(ComputationGraph graph)
    {
        _graph = graph;
        var nodeCount = graph.Nodes.Count;
        foreach (var tensor in graph.RealInputs.Concat(graph.ProducedTensors))
        {
            _tensorVertex.TryAdd(tensor, nodeCount + _tensorVertex.Count);
        }
        _sink = nodeCount + _tensorVertex.Count;
        var vertexCount = _sink + 1;
        var tensorNames = new string[vertexCount];
        foreach (var (name, vertex) in _tensorVertex) tensorNames[vertex] = name;
        var outputs = new HashSet<string>(graph.Outputs, StringComparer.Ordinal);

        // Successors in the original direction (towards the sink) are the predecessors of the reversed graph.
        IEnumerable<int> Successors(int v)
        {
            if (v < nodeCount)
            {
                foreach (var o in graph.Nodes[v].Outputs) yield return _tensorVertex[o];
            }
            else if (v < _sink)
            {
                foreach (var c in graph.ConsumersOf(tensorNames[v]).Distinct()) yield return c;
                if (outputs.Contains(tensorNames[v])) yield return _sink;
            }
        }

        // Walking the reversed graph from the sink: its successors are the original predecessors.
        IEnumerable<int> Predecessors(int v)
        {
            if (v == _sink)
            {
                foreach (var o in graph.Outputs) if (_tensorVertex.TryGetValue(o, out var t)) yield return t;
            }
            else if (v < nodeCount)
            {
                foreach (var i in graph.Nodes[v].Inputs.Distinct(StringComparer.Ordinal)) if (_tensorVertex.TryGetValue(i, out var t)) yield return t;
            }
            else if (graph.ProducerOf(tensorNames[v]) is { } producer)
            {
                yield return producer;
            }
        }

        var postOrder = new List<int>(vertexCount);
        var order = Enumerable.Repeat(-1, vertexCount).ToArray();
        var visited = new bool[vertexCount];
        var stack = new Stack<(int Vertex, IEnumerator<int> Next)>();
        visited[_sink] = true;
        stack.Push((_sink, Predecessors(_sink).GetEnumerator()));
        while (stack.Count > 0)
        {
            var (vertex, next) = stack.Peek();
            if (next.MoveNext())
            {
                if (!visited[next.Current])
                {
                    visited[next.Current] = true;
                    stack.Push((next.Current, Predecessors(next.Current).GetEnumerator()));
                }
                continue;
            }
            stack.Pop();
            order[vertex] = postOrder.Count;
            postOrder.Add(vertex);
        }
        Reachable = visited;

        _immediate = Enumerable.Repeat(-1, vertexCount).ToArray();
        _immediate[_sink] = _sink;
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = postOrder.Count - 2; i >= 0; i--) // reverse post-order, the sink (last) excluded
            {
                var v = postOrder[i];
                var candidate = -1;
                foreach (var s in Successors(v))
                {
                    if (_immediate[s] < 0) continue;
                    candidate = candidate < 0 ? s : Intersect(s, candidate, order);
                }
                if (candidate >= 0 && _immediate[v] != candidate)
                {
                    _immediate[v] = candidate;
                    changed = true;
                }
            }
        }

        // Euler-tour intervals of the tree answer "does T post-dominate v" in O(1).
        var children = new List<int>[vertexCount];
        for (var v = 0; v < vertexCount; v++)
        {
            if (v != _sink && _immediate[v] >= 0) (children[_immediate[v]] ??= []).Add(v);
        }
        _enter = new int[vertexCount];
        _exit = new int[vertexCount];
        var clock = 0;
        var walk = new Stack<(int Vertex, int Child)>();
        walk.Push((_sink, 0));
        _enter[_sink] = clock++;
        while (walk.Count > 0)
        {
            var (vertex, child) = walk.Pop();
            var list = children[vertex];
            if (list is not null && child < list.Count)
            {
                walk.Push((vertex, child + 1));
                _enter[list[child]] = clock++;
                walk.Push((list[child], 0));
            }
            else
            {
                _exit[vertex] = clock++;
            }
        }
    }

    /// <summary>Vertices from which an output can be reached (dead nodes are not).</summary>
    public bool[] Reachable { get; }

    public int VertexOf(string tensor) => _tensorVertex[tensor];

    public bool IsNodeReachable(int node) => Reachable[node];

    /// <summary>True when every path from <paramref name="vertex"/> to the outputs passes through <paramref name="dominator"/>.</summary>
    public bool PostDominates(int dominator, int vertex) =>
        Reachable[vertex] && Reachable[dominator] && _enter[dominator] <= _enter[vertex] && _exit[vertex] <= _exit[dominator];

    private int Intersect(int a, int b, int[] order)
    {
        while (a != b)
        {
            while (order[a] < order[b]) a = _immediate[a];
            while (order[b] < order[a]) b = _immediate[b];
        }
        return a;
    }
}
