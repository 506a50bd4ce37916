using System.Diagnostics;
using System.Globalization;
using AiSprint.Onnx;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Verification;

namespace AiSprint.Benchmarks;

/// <summary>
/// Per reference model: analysis (read, shapes, FLOPs, cut points), then for every cut the 2-way sub-model files
/// and manifest written to disk, then every 2-way plan run from those files in ONNX Runtime against the full model.
/// Plus analysis alone on a synthetic ~100 MB model.
/// </summary>
internal static class OnnxPartitioningBenchmark
{
    private static readonly string[] Models = ["alexnet_features", "squeezenet1_1", "mobilenet_v2", "shufflenet_v2_x0_5", "ch_ppocr_mobile_v2.0_cls_infer"];

    public static void Run(int repetitions, string? only = null)
    {
        Console.WriteLine("| model | nodes | cuts | analysis ms | extraction ms (all 2-way, files) | verification ms (all 2-way) | total ms | worst relative difference | ORT all-vs-no optimisation |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var model in Models.Where(m => only is null || m == only))
        {
            var best = Enumerable.Range(0, repetitions).Select(_ => Once(model)).MinBy(r => r.Total)!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{model}` | {best.Nodes} | {best.Cuts} | {best.Analysis:F0} | {best.Extraction:F0} | {best.Verification:F0} | {best.Total:F0} | {best.WorstRelative:E1} | {best.OptimisationLevels:E1} |"));
        }
    }

    private sealed record Timing(int Nodes, int Cuts, double Analysis, double Extraction, double Verification, double WorstRelative, double OptimisationLevels)
    {
        public double Total => Analysis + Extraction + Verification;
    }

    /// <summary>ONNX Runtime's own relative difference between no graph optimisation and all of them, on the full model.</summary>
    private static double OptimisationLevelDifference(ModelAnalysis analysis, string inputName, NpyArray input)
    {
        var inputs = new Dictionary<string, NpyArray> { [inputName] = input };
        using var none = new PartitionVerifier(analysis, inputs, Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_DISABLE_ALL);
        using var all = new PartitionVerifier(analysis, inputs, Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL);
        var (a, b) = (none.FullOutput(analysis.Outputs[0]), all.FullOutput(analysis.Outputs[0]));
        var maxAbs = a.Max(Math.Abs);
        return a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second)) / maxAbs;
    }

    private static Timing Once(string model)
    {
        var directory = Path.Combine(SharedData.PathOf("onnx"));
        var input = NpyArray.Read(Path.Combine(directory, model + ".input.npy"));
        var inputName = model.StartsWith("ch_ppocr", StringComparison.Ordinal) ? "x" : "input";
        var output = Directory.CreateTempSubdirectory("aisprint-bench-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var analysis = OnnxModelAnalyzer.Analyze(Path.Combine(directory, model + ".onnx"), new OnnxAnalysisOptions
            {
                InputShapes = new Dictionary<string, long[]> { [inputName] = input.Shape },
                SampleInputs = new Dictionary<string, NpyArray> { [inputName] = input },
            });
            var analysisMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var plans = PartitionPlanner.AllTwoWay(analysis).ToArray();
            Parallel.For(0, plans.Length, i => SubModelExtractor.Extract(analysis, plans[i], Path.Combine(output, $"cut{i}")));
            var extractionMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            double worst;
            using (var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { [inputName] = input }))
            {
                var index = plans.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
                var results = verifier.VerifyAll(plans, p => Path.Combine(output, $"cut{index[p]}"));
                var failed = results.FirstOrDefault(r => !r.Passed);
                if (failed is not null) throw new InvalidOperationException($"{model}: cut {failed.Plan.Cuts[0].Tensor} differs by {failed.RelativeDifference:E2} relative.");
                worst = results.Max(r => r.RelativeDifference);
            }
            var verificationMs = clock.Elapsed.TotalMilliseconds;
            return new Timing(analysis.NodeCount, analysis.CutPoints.Count, analysisMs, extractionMs, verificationMs, worst, OptimisationLevelDifference(analysis, inputName, input));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
