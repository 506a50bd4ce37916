using System.Numerics;
using AiSprint.Onnx.Graph;

namespace AiSprint.Onnx.Partitioning;

/// <summary>For every node, the set of nodes it depends on (itself included), as bitsets built in topological order.</summary>
internal sealed class AncestorSets
{
    private readonly ulong[][] _sets;

    public AncestorSets(ComputationGraph graph)
    {
        var words = (graph.Nodes.Count + 63) / 64;
        _sets = new ulong[graph.Nodes.Count][];
        foreach (var index in graph.TopologicalOrder)
        {
            var set = new ulong[words];
            set[index / 64] |= 1UL << (index % 64);
            foreach (var input in graph.Nodes[index].Inputs)
            {
                if (graph.ProducerOf(input) is { } producer)
                {
                    var other = _sets[producer];
                    for (var w = 0; w < words; w++) set[w] |= other[w];
                }
            }
            _sets[index] = set;
        }
    }

    public int Count(int node) => _sets[node].Sum(BitOperations.PopCount);

    public bool Contains(int node, int candidate) => (_sets[node][candidate / 64] & (1UL << (candidate % 64))) != 0;

    public IEnumerable<int> Members(int node)
    {
        for (var i = 0; i < _sets.Length; i++)
        {
            if (Contains(node, i)) yield return i;
        }
    }
}
