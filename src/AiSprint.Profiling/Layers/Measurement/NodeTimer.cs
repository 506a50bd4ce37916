using System.Diagnostics;
using AiSprint.Onnx;
using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;
using AiSprint.Onnx.Shapes;
using AiSprint.Profiling.Layers.Features;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Profiling.Layers.Measurement;

/// <summary>
/// Times every node of a network in one ONNX Runtime session with session profiling on: warm-up runs, then measured
/// runs; the trace is parsed (<see cref="ProfileTrace"/>), the optimised graph the session wrote is mapped back to the
/// source nodes (<see cref="RuntimeGraph"/>) and each runtime node's median over the measured runs is kept.
/// </summary>
public static class NodeTimer
{
    /// <summary>Times every node of <paramref name="analysis"/>'s model with <paramref name="settings"/>.</summary>
    public static NetworkMeasurement Measure(ModelAnalysis analysis, ProfilingSettings settings)
    {
        if (settings.Threads < 1) throw new ArgumentOutOfRangeException(nameof(settings), "at least one thread");
        if (settings.MeasuredRuns < 1) throw new ArgumentOutOfRangeException(nameof(settings), "at least one measured run");
        var directory = Directory.CreateTempSubdirectory("aisprint-layers-").FullName;
        try
        {
            var optimizedPath = Path.Combine(directory, "optimized.onnx");
            using var options = new SessionOptions
            {
                GraphOptimizationLevel = settings.OptimizationLevel,
                IntraOpNumThreads = settings.Threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                OptimizedModelFilePath = optimizedPath,
                ProfileOutputPathPrefix = Path.Combine(directory, "profile"),
                // ORT warns that a level-"all" optimised model is hardware specific: it is read back here, on the same machine.
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            };
            options.EnableProfiling = true;
            string tracePath;
            var wall = new List<double>();
            using (var session = new InferenceSession(analysis.Graph.Model.ToByteArray(), options))
            {
                var inputs = Inputs(analysis, settings.Seed);
                try
                {
                    using var runOptions = new RunOptions();
                    for (var run = 0; run < settings.WarmupRuns + settings.MeasuredRuns; run++)
                    {
                        var clock = Stopwatch.StartNew();
                        using var results = session.Run(runOptions, inputs, analysis.Outputs);
                        if (run >= settings.WarmupRuns) wall.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
                finally
                {
                    foreach (var v in inputs.Values) v.Dispose();
                }
                tracePath = session.EndProfiling();
            }
            if (!Path.IsPathRooted(tracePath)) tracePath = Path.GetFullPath(tracePath);
            var trace = ProfileTrace.Load(tracePath);
            var optimized = OnnxModelLoader.Parse(File.ReadAllBytes(optimizedPath), optimizedPath);
            var runtime = RuntimeGraph.Map(analysis.Graph, optimized);
            return Build(analysis, settings, trace, optimized, runtime, Median(wall));
        }
        finally
        {
            try { Directory.Delete(directory, true); } catch (IOException) { }
        }
    }

    internal static NetworkMeasurement Build(ModelAnalysis analysis, ProfilingSettings settings, ProfileTrace trace, ModelProto optimized,
        IReadOnlyList<RuntimeNode> runtime, double wallMilliseconds)
    {
        var features = DesignTableCounts.Of(analysis);
        var measuredRuns = trace.Runs.Skip(settings.WarmupRuns).ToArray();
        if (measuredRuns.Length == 0) throw new InvalidDataException("the profiling trace holds no measured run");
        var perNode = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in measuredRuns.SelectMany(r => r.GroupBy(k => k.NodeName).Select(g => (g.Key, Sum: g.Sum(k => k.DurationMicroseconds))))
                     .GroupBy(x => x.Key))
        {
            // A node absent from some runs (it did not execute) counts 0 there.
            var samples = group.Select(x => x.Sum).Concat(Enumerable.Repeat(0.0, Math.Max(0, measuredRuns.Length - group.Count()))).ToList();
            perNode[group.Key] = Median(samples) / 1000.0;
        }
        // Charge runtime nodes that cover no source node to a neighbour that does.
        var byName = runtime.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        var producer = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in optimized.Graph.Node)
        {
            foreach (var i in node.Input.Where(i => i.Length > 0)) (consumers.TryGetValue(i, out var l) ? l : consumers[i] = []).Add(node);
            foreach (var o in node.Output) producer[o] = node;
        }
        var charged = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in runtime) charged[r.Name] = perNode.GetValueOrDefault(r.Name);
        foreach (var node in optimized.Graph.Node)
        {
            if (!byName.TryGetValue(node.Name, out var r) || r.SourceNodes.Count > 0 || charged[r.Name] == 0) continue;
            var target = Neighbour(node, consumers, producer, byName);
            if (target is null) continue;
            charged[target] += charged[r.Name];
            charged[r.Name] = 0;
        }
        var measured = new List<MeasuredNode>();
        var owner = new Dictionary<int, (RuntimeNode Runtime, int Primary)>();
        foreach (var r in runtime.Where(r => r.SourceNodes.Count > 0))
        {
            var primary = r.SourceNodes.OrderByDescending(n => features.First(f => f.NodeIndex == n).Operations).ThenBy(n => n).First();
            foreach (var n in r.SourceNodes) owner[n] = (r, primary);
        }
        foreach (var f in features)
        {
            if (!owner.TryGetValue(f.NodeIndex, out var o))
            {
                measured.Add(new MeasuredNode(f.NodeIndex, f.Name, f.Op, 0, null, null, []));
                continue;
            }
            var isPrimary = o.Primary == f.NodeIndex;
            var absorbed = isPrimary ? o.Runtime.SourceNodes.Where(n => n != f.NodeIndex).Select(n => analysis.Graph.Nodes[n].Name).ToArray() : [];
            measured.Add(new MeasuredNode(f.NodeIndex, f.Name, f.Op, isPrimary ? charged[o.Runtime.Name] : 0, o.Runtime.Name,
                isPrimary ? null : analysis.Graph.Nodes[o.Primary].Name, absorbed));
        }
        var kernelSum = Median(measuredRuns.Select(r => r.Sum(k => k.DurationMicroseconds) / 1000.0).ToList());
        return new NetworkMeasurement(analysis.ModelName, settings, features, measured, runtime, wallMilliseconds, kernelSum, perNode);
    }

    /// <summary>ReorderOutput converts back what its producer computed: charged there; anything else to its consumer.</summary>
    private static string? Neighbour(NodeProto node, Dictionary<string, List<NodeProto>> consumers, Dictionary<string, NodeProto> producer, Dictionary<string, RuntimeNode> byName)
    {
        if (node.OpType == "ReorderOutput")
        {
            foreach (var i in node.Input.Where(i => i.Length > 0))
            {
                if (producer.TryGetValue(i, out var p) && byName.TryGetValue(p.Name, out var r) && r.SourceNodes.Count > 0) return r.Name;
            }
        }
        foreach (var o in node.Output)
        {
            foreach (var c in consumers.GetValueOrDefault(o) ?? [])
                if (byName.TryGetValue(c.Name, out var r) && r.SourceNodes.Count > 0) return r.Name;
        }
        foreach (var i in node.Input.Where(i => i.Length > 0))
        {
            if (producer.TryGetValue(i, out var p) && byName.TryGetValue(p.Name, out var r) && r.SourceNodes.Count > 0) return r.Name;
        }
        return null;
    }

    internal static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Seeded random inputs of the model's (fully known) input shapes; timing does not depend on the values.</summary>
    internal static Dictionary<string, OrtValue> Inputs(ModelAnalysis analysis, int seed)
    {
        var random = new Random(seed);
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        foreach (var name in analysis.Inputs)
        {
            var d = analysis.Tensors[name];
            if (!d.IsFullyKnown) throw new ArgumentException($"input '{name}' has the dynamic shape {d.ShapeText}; give a sample input (the CLI's --input FILE.npy, or MODEL.input.npy beside the model)");
            var shape = d.Dimensions!.Select(x => x!.Value).ToArray();
            var count = d.ElementCount!.Value;
            inputs[name] = d.ElementTypeCode switch
            {
                ElementTypes.Float => OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, (int)count).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray(), shape),
                ElementTypes.Int64 => OrtValue.CreateTensorValueFromMemory(new long[count], shape),
                ElementTypes.Int32 => OrtValue.CreateTensorValueFromMemory(new int[count], shape),
                _ => throw new ArgumentException($"input '{name}' is {d.ElementType}; the timer feeds float, int64 and int32 inputs"),
            };
        }
        return inputs;
    }
}
