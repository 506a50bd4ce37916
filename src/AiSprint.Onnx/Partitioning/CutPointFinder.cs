using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Shapes;

namespace AiSprint.Onnx.Partitioning;

/// <summary>
/// Single-tensor cut points by graph analysis, never by trial extraction. T (produced by a main-graph node, not a
/// graph output) is a cut iff T post-dominates every ancestor node of T and every used real input: then no edge
/// leaves the ancestor set A except through T, so B = all other nodes needs only T and initializers. A dead node
/// (one that reaches no output) belongs to neither side, so a graph with one has no cut.
/// The test is O(1) per ancestor via the post-dominator tree; ancestors come from bitsets: O(N²/64) overall.
/// </summary>
internal static class CutPointFinder
{
    public static IReadOnlyList<CutPoint> Find(ModelAnalysis analysis) => analysis.CutPoints;

    internal static List<CutPoint> Find(ComputationGraph graph, AncestorSets ancestors, IReadOnlyDictionary<string, TensorDescription> tensors, Func<int, long?> cumulativeFlopsThroughNode)
    {
        var cuts = new List<CutPoint>();
        var tree = new PostDominatorTree(graph);
        if (Enumerable.Range(0, graph.Nodes.Count).Any(n => !tree.IsNodeReachable(n))) return cuts;
        var outputs = new HashSet<string>(graph.Outputs, StringComparer.Ordinal);
        var usedInputs = graph.RealInputs.Where(i => graph.ConsumersOf(i).Count > 0).Select(tree.VertexOf).ToArray();
        foreach (var node in graph.Nodes)
        {
            foreach (var tensor in node.Outputs)
            {
                if (outputs.Contains(tensor) || graph.ConsumersOf(tensor).Count == 0) continue;
                var t = tree.VertexOf(tensor);
                if (!usedInputs.All(i => tree.PostDominates(t, i))) continue;
                if (!ancestors.Members(node.Index).All(a => tree.PostDominates(t, a))) continue;
                var before = ancestors.Count(node.Index);
                cuts.Add(new CutPoint(tensor, node.Index, node.Name, node.Op, before, graph.Nodes.Count - before, tensors[tensor], cumulativeFlopsThroughNode(node.Index)));
            }
        }
        // Ancestor sets of cuts are nested, so the number of nodes before a cut orders them along the graph.
        cuts.Sort((a, b) => a.NodesBefore.CompareTo(b.NodesBefore));
        return cuts;
    }
}
