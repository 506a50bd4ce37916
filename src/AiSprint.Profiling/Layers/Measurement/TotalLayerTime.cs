using System.Diagnostics;
using AiSprint.Onnx;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Partitioning;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Profiling.Layers.Measurement;

/// <summary>T(j), the time to compute up to cut j, and TLT(j) = T(j) − E[T(j−1)] (the first cut's TLT is T itself).</summary>
public sealed record TotalLayerTimePoint(string Tensor, int ProducerIndex, double UpToMs, double TotalLayerTimeMs);

/// <summary>
/// The design document's Total Layer Time method (§4.8.2), for comparison with per-node profiling: the network is cut
/// after each given cut point, the first part timed as a whole (wall clock, median over runs after warm-up), and a
/// layer's time is the difference between consecutive cuts. It includes reading the input and writing the output, and
/// its differences of noisy totals can come out negative, which the document's outlier filter was for.
/// </summary>
public static class TotalLayerTime
{
    /// <summary>T(j) and TLT(j) at each of <paramref name="cuts"/>, in milliseconds, measured with <paramref name="settings"/>.</summary>
    public static IReadOnlyList<TotalLayerTimePoint> Measure(ModelAnalysis analysis, IReadOnlyList<CutPoint> cuts, ProfilingSettings settings)
    {
        var ordered = cuts.OrderBy(c => c.NodesBefore).ToArray();
        var result = new List<TotalLayerTimePoint>(ordered.Length);
        using var options = new SessionOptions { GraphOptimizationLevel = settings.OptimizationLevel, IntraOpNumThreads = settings.Threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        double previousMean = 0;
        var inputs = NodeTimer.Inputs(analysis, settings.Seed);
        try
        {
            foreach (var cut in ordered)
            {
                var plan = PartitionPlanner.Describe(analysis, [cut]);
                var first = plan.Partitions[0];
                using var session = new InferenceSession(SubModelExtractor.Build(analysis, first, plan.PartitionCount).ToByteArray(), options);
                using var runOptions = new RunOptions();
                var feeds = first.InputTensors.ToDictionary(n => n, n => inputs[n], StringComparer.Ordinal);
                var samples = new List<double>();
                for (var run = 0; run < settings.WarmupRuns + settings.MeasuredRuns; run++)
                {
                    var clock = Stopwatch.StartNew();
                    using var results = session.Run(runOptions, feeds, first.OutputTensors);
                    if (run >= settings.WarmupRuns) samples.Add(clock.Elapsed.TotalMilliseconds);
                }
                var median = NodeTimer.Median(samples);
                result.Add(new TotalLayerTimePoint(cut.Tensor, cut.ProducerIndex, median, median - previousMean));
                previousMean = samples.Average();
            }
        }
        finally
        {
            foreach (var v in inputs.Values) v.Dispose();
        }
        return result;
    }
}
