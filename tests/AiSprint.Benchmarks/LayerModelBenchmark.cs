using System.Diagnostics;
using System.Globalization;
using AiSprint.Model.Formats.Aml;
using AiSprint.Onnx;
using AiSprint.Profiling.Layers.Features;
using AiSprint.Profiling.Layers.Measurement;
using AiSprint.Profiling.Layers.Modelling;
using AiSprint.Profiling.Tests.Networks;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Benchmarks;

/// <summary>
/// The design document's three per-layer analyses (§4.8.2) on this machine's CPU with ONNX Runtime's per-node times:
/// next layer (train on VGG16 conv layers 3–9, predict 10), all layers (train 3–9, predict 10–13), VGG16 → VGG19
/// (train on every layer of VGG16, predict VGG19), per technique; the TLT subtraction method beside the profiler on
/// VGG16; a network unlike VGG (mobilenet_v2: depthwise convolutions and residual Adds) predicted from a model trained on
/// other networks; and the times of <c>layers train</c> on VGG16 and of a 500-node prediction. Networks are built with
/// random weights (seed 0) into a temporary directory and deleted afterwards.
/// </summary>
internal static class LayerModelBenchmark
{
    private static readonly string[] Techniques = ["linear", BytesAwareLinearModel.Name, "LRRidge", "Stepwise", "DecisionTree", "RandomForest", "XGBoost"];

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(1);
        var size = quick ? 112 : 224;
        var settings = new ProfilingSettings(threads, GraphOptimizationLevel.ORT_ENABLE_ALL, 2, quick ? 3 : 10);
        var directory = Directory.CreateTempSubdirectory("aisprint-layers-bench-").FullName;
        try
        {
            Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                $"ONNX Runtime CPU, {threads} intra-op thread(s), optimisation all, {settings.WarmupRuns} warm-up + {settings.MeasuredRuns} measured runs, input {size}x{size}");
            Console.WriteLine($"load average before: {LoadAverage()}");
            var vgg16Path = Path.Combine(directory, "vgg16.onnx");
            var vgg19Path = Path.Combine(directory, "vgg19.onnx");
            ReferenceNetworks.Vgg("vgg16", ReferenceNetworks.Vgg16Layers, size).Save(vgg16Path);
            ReferenceNetworks.Vgg("vgg19", ReferenceNetworks.Vgg19Layers, size).Save(vgg19Path);

            // layers train on VGG16: measure + fit, as the CLI does.
            var clock = Stopwatch.StartNew();
            var vgg16 = OnnxModelAnalyzer.Analyze(vgg16Path);
            var m16 = NodeTimer.Measure(vgg16, settings);
            var trainedOn16 = LayerModelTrainer.Train([m16]);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"layers train on VGG16 (analysis + {settings.WarmupRuns + settings.MeasuredRuns} profiled runs + fit): {trainSeconds:F1} s; whole run {m16.WholeRunMilliseconds:F1} ms");

            var vgg19 = OnnxModelAnalyzer.Analyze(vgg19Path);
            // The machine is shared: the load drifts between two measurements. VGG16 and VGG19 are measured in
            // alternating rounds and each node keeps its median over the rounds, so both see the same conditions.
            var rounds16 = new List<NetworkMeasurement> { m16 };
            var rounds19 = new List<NetworkMeasurement> { NodeTimer.Measure(vgg19, settings) };
            for (var round = 1; round < (quick ? 1 : 3); round++)
            {
                rounds16.Add(NodeTimer.Measure(vgg16, settings));
                rounds19.Add(NodeTimer.Measure(vgg19, settings));
            }
            m16 = MedianOf(rounds16);
            var m19 = MedianOf(rounds19);
            trainedOn16 = LayerModelTrainer.Train([m16]);
            Console.WriteLine($"{rounds16.Count} alternating rounds: VGG16 whole run {string.Join(" / ", rounds16.Select(r => r.WholeRunMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms, " +
                $"VGG19 {string.Join(" / ", rounds19.Select(r => r.WholeRunMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms");
            var conv16 = Convs(m16);
            var conv19 = Convs(m19);

            Console.WriteLine();
            Console.WriteLine("| analysis | technique | test MAPE | worst layer error |");
            Console.WriteLine("|---|---|---:|---:|");
            foreach (var technique in Techniques)
            {
                Report("next layer (VGG16 conv 3–9 → 10)", technique, conv16[2..9], conv16[9..10]);
            }
            foreach (var technique in Techniques)
            {
                Report("all layers (VGG16 conv 3–9 → 10–13)", technique, conv16[2..9], conv16[9..]);
            }
            foreach (var technique in Techniques)
            {
                Report("VGG16 → VGG19 (conv layers)", technique, conv16, conv19);
            }

            // Whole network and cut points of VGG19 from the model trained on VGG16 (cross-validated choice per category),
            // before the memory term existed and with it, on the same measurements.
            var measuredByNode = m19.Nodes.ToDictionary(n => n.NodeIndex, n => n.Milliseconds);
            var features19 = DesignTableCounts.Of(vgg19).ToDictionary(f => f.NodeIndex);
            foreach (var (label, model) in new[] { ("before (no memory term)", LayerModelTrainer.Train([m16], new LayerTrainingOptions { MemoryTerm = false })), ("after (memory term)", trainedOn16) })
            {
                Console.WriteLine();
                Console.WriteLine($"-- {label}: selected per category: " + string.Join(", ", model.For(threads).Categories.Select(c => $"{c.Category} {c.Selected}")));
                var conv = model.For(threads).Categories.Single(c => c.Category == LayerCategory.Conv);
                Console.WriteLine($"Conv: linear {conv.Linear.InterceptMs:F3} ms + {conv.Linear.SlopeMsPerOperation * 1e6:F4} ms per M operations" +
                    (conv.BytesAware is { } b ? $"; linear+bytes {b.InterceptMs:F3} ms + {b.MsPerOperation * 1e6:F4} ms per M operations + {b.MsPerByteRead * 1e6:F4} ms per MB read + {b.MsPerByteWritten * 1e6:F4} ms per MB written" : "") +
                    "; cross-validated MAPE " + string.Join(", ", conv.Scores.Select(s => $"{s.Technique} {(s.CrossValidationMape is { } m ? (m * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "-")}")));
                var prediction = LayerPredictor.Predict(vgg19, model);
                var measuredTotal = m19.Nodes.Sum(n => n.Milliseconds);
                Console.WriteLine($"VGG19 whole network from VGG16's model: predicted {prediction.TotalPredictedMs:F1} ms, measured {measuredTotal:F1} ms (sum of nodes; wall {m19.WholeRunMilliseconds:F1} ms), " +
                    $"error {Error(prediction.TotalPredictedMs, measuredTotal):+0.0;-0.0} % ({Error(prediction.TotalPredictedMs, m19.WholeRunMilliseconds):+0.0;-0.0} % against wall time)");
                var convs = prediction.Nodes.Where(n => n.Op == "Conv").ToList();
                var convErrors = convs.Select(n => Math.Abs(Error(n.PredictedMs, measuredByNode[n.NodeIndex]))).ToList();
                Console.WriteLine($"VGG19 conv layers: worst |error| {convErrors.Max():F1} %, {convErrors.Count(e => e <= 20)}/{convErrors.Count} within 20 %, MAPE {convErrors.Average():F1} %");
                // Which layers miss, and what they are: the operation count and the bytes moved per operation.
                foreach (var n in convs.Where(n => Math.Abs(Error(n.PredictedMs, measuredByNode[n.NodeIndex])) > 10))
                {
                    var f = features19[n.NodeIndex];
                    Console.WriteLine($"  {n.Name}: C_in {f.InputChannels}, C_out {f.OutputChannels}, output {f.OutputBytes / (4 * f.OutputChannels):N0} pixels, {f.Operations / 1e6:F0} M operations, " +
                        $"{(f.InputBytes + f.OutputBytes) / f.Operations * 1000:F2} bytes per 1000 operations: predicted {n.PredictedMs:F2} ms, measured {measuredByNode[n.NodeIndex]:F2} ms ({Error(n.PredictedMs, measuredByNode[n.NodeIndex]):+0.0;-0.0} %)");
                }
                var cutErrors = prediction.Cuts.Select(c => (c.Tensor, Error: Error(c.CumulativePredictedMs, LayerPredictor.CumulativeUpTo(vgg19, c.Tensor, measuredByNode)))).ToList();
                Console.WriteLine($"VGG19 cut points: {prediction.Cuts.Count}, worst cumulative |error| {cutErrors.Max(c => Math.Abs(c.Error)):F1} %, {cutErrors.Count(c => Math.Abs(c.Error) <= 10)}/{cutErrors.Count} within 10 %" +
                    string.Concat(cutErrors.Where(c => Math.Abs(c.Error) > 10).Select(c => $"; {c.Tensor} {c.Error:+0.0;-0.0} %")));
            }

            // The TLT subtraction method on VGG16, at the outputs of each conv's ReLU and each pool.
            Console.WriteLine();
            var tltCuts = vgg16.CutPoints.Where(c => c.ProducerOp is "Relu" or "MaxPool" && c.NodesBefore < vgg16.NodeCount - 8).ToList();
            var tlt = TotalLayerTime.Measure(vgg16, tltCuts, settings with { MeasuredRuns = quick ? 3 : 5 });
            var perNode16 = m16.Nodes.ToDictionary(n => n.NodeIndex, n => n.Milliseconds);
            var comparisons = new List<double>();
            double previous = 0;
            foreach (var point in tlt)
            {
                var profiled = LayerPredictor.CumulativeUpTo(vgg16, point.Tensor, perNode16);
                comparisons.Add(Math.Abs(Error(point.TotalLayerTimeMs, profiled - previous)));
                previous = profiled;
            }
            Console.WriteLine($"TLT on VGG16 ({tlt.Count} cuts): {tlt.Count(p => p.TotalLayerTimeMs < 0)} negative TLTs; MAPE of TLT against the profiler's per-layer time {comparisons.Average():F1} % (median {comparisons.Order().ElementAt(comparisons.Count / 2):F1} %); " +
                $"T(last cut) {tlt[^1].UpToMs:F1} ms against profiled {LayerPredictor.CumulativeUpTo(vgg16, tlt[^1].Tensor, perNode16):F1} ms");

            // A network unlike VGG, from a model trained on others.
            Console.WriteLine();
            var data = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/onnx"));
            if (File.Exists(Path.Combine(data, "mobilenet_v2.onnx")))
            {
                var others = new List<NetworkMeasurement> { m16, m19 };
                foreach (var name in new[] { "alexnet_features", "squeezenet1_1" })
                {
                    others.Add(NodeTimer.Measure(OnnxModelAnalyzer.Analyze(Path.Combine(data, name + ".onnx")), settings));
                }
                var residualPath = Path.Combine(directory, "resnet_like.onnx");
                ReferenceNetworks.Residual("resnet_like", size: 56, blocks: 4, channels: 64).Save(residualPath);
                others.Add(NodeTimer.Measure(OnnxModelAnalyzer.Analyze(residualPath), settings));
                var mobilenet = OnnxModelAnalyzer.Analyze(Path.Combine(data, "mobilenet_v2.onnx"));
                var mm = NodeTimer.Measure(mobilenet, settings);
                var withoutMemoryTerm = LayerPredictor.Predict(mobilenet, LayerModelTrainer.Train(others, new LayerTrainingOptions { MemoryTerm = false }));
                Console.WriteLine($"mobilenet_v2 before (no memory term): predicted {withoutMemoryTerm.TotalPredictedMs:F1} ms");
                var general = LayerModelTrainer.Train(others);
                var mp = LayerPredictor.Predict(mobilenet, general);
                var byNode = mm.Nodes.ToDictionary(n => n.NodeIndex, n => n.Milliseconds);
                var total = mm.Nodes.Sum(n => n.Milliseconds);
                Console.WriteLine($"mobilenet_v2 from a model trained on VGG16, VGG19, alexnet_features, squeezenet1_1, resnet_like: predicted {mp.TotalPredictedMs:F1} ms, measured {total:F1} ms, error {Error(mp.TotalPredictedMs, total):+0.0;-0.0} %");
                foreach (var category in mp.Nodes.GroupBy(n => n.Category))
                {
                    Console.WriteLine($"  {category.Key}: {category.Count()} nodes, predicted {category.Sum(n => n.PredictedMs):F1} ms, measured {category.Sum(n => byNode[n.NodeIndex]):F1} ms, predicted by {string.Join("/", category.Select(n => n.Model).Distinct())}");
                }
                var features = DesignTableCounts.Of(mobilenet).ToDictionary(f => f.NodeIndex);
                foreach (var kind in new[] { ("depthwise conv", (Func<NodePrediction, bool>)(n => n.Op == "Conv" && features[n.NodeIndex].InputChannels > 1 && features[n.NodeIndex].OutputChannels == features[n.NodeIndex].InputChannels && IsDepthwise(mobilenet, n.NodeIndex))),
                                             ("pointwise/full conv", n => n.Op == "Conv" && !IsDepthwise(mobilenet, n.NodeIndex)) })
                {
                    foreach (var (label, p) in new[] { ("before", withoutMemoryTerm), ("after", mp) })
                    {
                        var nodes = p.Nodes.Where(kind.Item2).Where(n => byNode[n.NodeIndex] > 0).ToList();
                        var predicted = nodes.Sum(n => n.PredictedMs);
                        var measured = nodes.Sum(n => byNode[n.NodeIndex]);
                        Console.WriteLine($"  {kind.Item1} ({label}): {nodes.Count} layers, predicted {predicted:F1} ms, measured {measured:F1} ms, per-layer MAPE {nodes.Average(n => Math.Abs(Error(n.PredictedMs, byNode[n.NodeIndex]))):F1} %");
                    }
                }
            }

            // Predict speed on a 500-node network (analysis + prediction, as the CLI's predict does without --measure).
            Console.WriteLine();
            var bigPath = Path.Combine(directory, "residual500.onnx");
            ReferenceNetworks.Residual("residual500", size: 16, blocks: 70, channels: 8).Save(bigPath);
            var best = double.MaxValue;
            var nodesCount = 0;
            for (var i = 0; i < 5; i++)
            {
                var c = Stopwatch.StartNew();
                var a = OnnxModelAnalyzer.Analyze(bigPath);
                LayerPredictor.Predict(a, trainedOn16);
                best = Math.Min(best, c.Elapsed.TotalMilliseconds);
                nodesCount = a.NodeCount;
            }
            Console.WriteLine($"predict on a {nodesCount}-node network (analysis + prediction, best of 5): {best:F0} ms");
            Console.WriteLine($"load average after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    /// <summary>Per node the median of its times over several measurements of the same network and settings.</summary>
    private static NetworkMeasurement MedianOf(IReadOnlyList<NetworkMeasurement> rounds)
    {
        if (rounds.Count == 1) return rounds[0];
        var nodes = rounds[0].Nodes.Select(n => n with { Milliseconds = NodeTimer.Median(rounds.Select(r => r[n.NodeIndex]!.Milliseconds).ToList()) }).ToList();
        return rounds[0] with
        {
            Nodes = nodes,
            WholeRunMilliseconds = NodeTimer.Median(rounds.Select(r => r.WholeRunMilliseconds).ToList()),
            KernelSumMilliseconds = NodeTimer.Median(rounds.Select(r => r.KernelSumMilliseconds).ToList()),
        };
    }

    private static bool IsDepthwise(ModelAnalysis analysis, int node) => analysis.Graph.Nodes[node].Proto.Attribute.Any(a => a.Name == "group" && a.I > 1);

    private static LayerSample[] Convs(NetworkMeasurement m) => LayerModelTrainer.Samples(m).Where(s => s.Features.Category == LayerCategory.Conv).ToArray();

    private static void Report(string analysis, string technique, IReadOnlyList<LayerSample> train, IReadOnlyList<LayerSample> test)
    {
        var options = new LayerTrainingOptions
        {
            Techniques = technique is "linear" or BytesAwareLinearModel.Name ? [] : [Enum.Parse<AmlTechnique>(technique)],
            ForceSelection = technique,
            MinimumRowsForTechniques = 5,
        };
        var model = LayerModelTrainer.FitCategory(LayerCategory.Conv, train, options);
        if (model.Selected != technique)
        {
            Console.WriteLine($"| {analysis} | {technique} | failed to train | |");
            return;
        }
        var (predicted, _) = LayerPredictor.PredictRows(model, test.Select(t => t.Features).ToList(), technique);
        var errors = test.Select((t, i) => Math.Abs(Error(predicted[i], t.Milliseconds))).ToList();
        Console.WriteLine($"| {analysis} | {technique} | {errors.Average():F1} % | {errors.Max():F1} % |");
    }

    private static double Error(double predicted, double measured) => (predicted - measured) / measured * 100;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
