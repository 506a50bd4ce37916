using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Partitioning;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AiSprint.Onnx.Verification;

/// <summary>
/// Runs the full model once, then any number of partition plans in sequence on the same inputs with the same
/// session options, and compares the final outputs: max |difference| ≤ tolerance × max |full output|.
/// </summary>
public sealed class PartitionVerifier : IDisposable
{
    /// <summary>The issue's bound: 1e-5 relative to the largest full-model output.</summary>
    public const double DefaultRelativeTolerance = 1e-5;

    private readonly ModelAnalysis _analysis;
    private readonly SessionOptions _options;
    private readonly Dictionary<string, NpyArray> _inputs;
    private readonly Dictionary<string, float[]> _fullOutputs = new(StringComparer.Ordinal);
    private readonly double _tolerance;

    /// <summary>Runs the full model of <paramref name="analysis"/> once on <paramref name="inputs"/> (by input name) with ONNX Runtime at <paramref name="optimization"/>; plans are then judged against its outputs within <paramref name="relativeTolerance"/>.</summary>
    public PartitionVerifier(ModelAnalysis analysis, IReadOnlyDictionary<string, NpyArray> inputs,
        GraphOptimizationLevel optimization = GraphOptimizationLevel.ORT_ENABLE_ALL, double relativeTolerance = DefaultRelativeTolerance)
    {
        _analysis = analysis;
        _inputs = new Dictionary<string, NpyArray>(inputs, StringComparer.Ordinal);
        _tolerance = relativeTolerance;
        // One intra-op thread: these models are small, and a thread pool per session costs more than it saves when
        // every 2-way plan needs two new sessions.
        _options = new SessionOptions { GraphOptimizationLevel = optimization, IntraOpNumThreads = 1 };
        var missing = analysis.Inputs.Where(i => !_inputs.ContainsKey(i)).ToArray();
        if (missing.Length > 0) throw new ArgumentException($"No value for model input(s) {string.Join(", ", missing)}.", nameof(inputs));

        using var session = new InferenceSession(analysis.Graph.Model.ToByteArray(), _options);
        var values = analysis.Inputs.ToDictionary(n => n, n => OrtValue.CreateTensorValueFromMemory(_inputs[n].Data, _inputs[n].Shape), StringComparer.Ordinal);
        try
        {
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, values, analysis.Outputs);
            for (var i = 0; i < analysis.Outputs.Count; i++) _fullOutputs[analysis.Outputs[i]] = FloatsOf(results[i], analysis.Outputs[i]);
        }
        finally
        {
            foreach (var v in values.Values) v.Dispose();
        }
    }

    /// <summary>The full model's output in ONNX Runtime with this verifier's session options.</summary>
    public IReadOnlyList<float> FullOutput(string name) => _fullOutputs[name];

    /// <summary>Builds the sub-models in memory and runs them in sequence.</summary>
    public VerificationResult Verify(PartitionPlan plan) =>
        Run(plan, plan.Partitions.Select(p => SubModelExtractor.Build(_analysis, p, plan.PartitionCount).ToByteArray()));

    /// <summary>Runs the sub-model files a <see cref="SubModelExtractor.Extract"/> call wrote into <paramref name="directory"/>.</summary>
    public VerificationResult VerifyFiles(PartitionPlan plan, string directory) =>
        Run(plan, plan.Partitions.Select(p => File.ReadAllBytes(Path.Combine(directory, SubModelExtractor.FileNameOf(p.Index, plan.PartitionCount)))));

    /// <summary>
    /// Verifies many plans, one per core at a time (each session has one intra-op thread); results in plan order.
    /// <paramref name="directoryOf"/> gives the directory a plan's files were written to, or null to build it in memory.
    /// </summary>
    public IReadOnlyList<VerificationResult> VerifyAll(IReadOnlyList<PartitionPlan> plans, Func<PartitionPlan, string?>? directoryOf = null)
    {
        var results = new VerificationResult[plans.Count];
        Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var directory = directoryOf?.Invoke(plans[i]);
            results[i] = directory is null ? Verify(plans[i]) : VerifyFiles(plans[i], directory);
        });
        return results;
    }

    /// <summary>
    /// Runs an early-exit network's partitions in sequence with every exit not taken, and compares each of the full
    /// model's outputs (the final output and the exit heads that are model outputs) with what the partitions produce.
    /// <paramref name="directory"/> holds the files <see cref="SubModelExtractor.ExtractEarlyExits"/> wrote, or is null
    /// to build the sub-models in memory.
    /// </summary>
    public EarlyExitVerification VerifyEarlyExits(EarlyExits.EarlyExitPlan plan, string? directory = null)
    {
        var subModels = plan.Partitions.Select(p => directory is null
            ? SubModelExtractor.Build(_analysis, p, plan.PartitionCount).ToByteArray()
            : File.ReadAllBytes(Path.Combine(directory, SubModelExtractor.FileNameOf(p.Index, plan.PartitionCount))));
        return Chain(plan.Partitions, subModels, available =>
        {
            var differences = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var output in _analysis.Outputs)
            {
                var (difference, reference) = Compare(output, available);
                differences[output] = reference == 0 ? (difference == 0 ? 0 : double.PositiveInfinity) : difference / reference;
            }
            return new EarlyExitVerification(differences, _tolerance);
        });
    }

    private VerificationResult Run(PartitionPlan plan, IEnumerable<byte[]> subModels) =>
        Chain(plan.Partitions, subModels, available =>
        {
            double maxDifference = 0, maxReference = 0;
            foreach (var output in _analysis.Outputs)
            {
                var (difference, reference) = Compare(output, available);
                maxDifference = Math.Max(maxDifference, difference);
                maxReference = Math.Max(maxReference, reference);
            }
            return new VerificationResult(plan, maxDifference, maxReference, _tolerance);
        });

    /// <summary>Max |difference| and max |full output| of one output.</summary>
    private (double Difference, double Reference) Compare(string output, IReadOnlyDictionary<string, OrtValue> available)
    {
        var expected = _fullOutputs[output];
        if (!available.TryGetValue(output, out var value)) throw new InvalidOperationException($"No partition produces the model output '{output}'.");
        var actual = FloatsOf(value, output);
        if (actual.Length != expected.Length) throw new InvalidOperationException($"Output '{output}' has {actual.Length} elements after partitioning, {expected.Length} in the full model.");
        double maxDifference = 0, maxReference = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            maxReference = Math.Max(maxReference, Math.Abs(expected[i]));
            maxDifference = Math.Max(maxDifference, Math.Abs((double)expected[i] - actual[i]));
        }
        return (maxDifference, maxReference);
    }

    /// <summary>Runs the sub-models in sequence, each fed from the model inputs and the earlier partitions' outputs.</summary>
    private T Chain<T>(IEnumerable<Partition> partitions, IEnumerable<byte[]> subModels, Func<IReadOnlyDictionary<string, OrtValue>, T> compare)
    {
        var owned = new List<IDisposable>();
        try
        {
            var available = _analysis.Inputs.ToDictionary(n => n, n => OrtValue.CreateTensorValueFromMemory(_inputs[n].Data, _inputs[n].Shape), StringComparer.Ordinal);
            owned.AddRange(available.Values);
            using var runOptions = new RunOptions();
            foreach (var (partition, bytes) in partitions.Zip(subModels))
            {
                var session = new InferenceSession(bytes, _options);
                owned.Add(session);
                var feeds = partition.InputTensors.ToDictionary(n => n, n => available[n], StringComparer.Ordinal);
                var results = session.Run(runOptions, feeds, partition.OutputTensors);
                owned.Add(results);
                for (var i = 0; i < partition.OutputTensors.Count; i++) available[partition.OutputTensors[i]] = results[i];
            }
            return compare(available);
        }
        finally
        {
            for (var i = owned.Count - 1; i >= 0; i--) owned[i].Dispose();
        }
    }

    private static float[] FloatsOf(OrtValue value, string name)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementDataType != TensorElementType.Float)
        {
            throw new NotSupportedException($"Output '{name}' is {info.ElementDataType}; verification compares float32 outputs only.");
        }
        return value.GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Releases the ONNX Runtime session options.</summary>
    public void Dispose() => _options.Dispose();
}
