using System.Text.Json;
using AiSprint.Model.Formats.Partitions;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Protobuf;
using AiSprint.Onnx.Shapes;
using Google.Protobuf;

namespace AiSprint.Onnx.Extraction;

/// <summary>
/// Writes <c>partition_&lt;i&gt;_of_&lt;K&gt;.onnx</c> sub-models, each with only the initializers its own nodes read,
/// and <c>manifest.json</c>.
/// </summary>
public static class SubModelExtractor
{
    /// <summary>The manifest's name beside the sub-models (<see cref="PartitionManifestJson.FileName"/>).</summary>
    public const string ManifestFileName = PartitionManifestJson.FileName;

    /// <summary>The file name of partition <paramref name="index"/> (1-based) of <paramref name="count"/> (<c>partition_1_of_3.onnx</c>).</summary>
    public static string FileNameOf(int index, int count) => $"partition_{index}_of_{count}.onnx";

    /// <summary>Writes the sub-models and the manifest into <paramref name="outputDirectory"/>; returns the manifest.</summary>
    public static PartitionManifest Extract(ModelAnalysis analysis, PartitionPlan plan, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        foreach (var partition in plan.Partitions)
        {
            var model = Build(analysis, partition, plan.PartitionCount);
            using var file = File.Create(Path.Combine(outputDirectory, FileNameOf(partition.Index, plan.PartitionCount)));
            model.WriteTo(file);
        }
        var manifest = ManifestOf(analysis, plan);
        File.WriteAllBytes(Path.Combine(outputDirectory, ManifestFileName), PartitionManifestJson.Serialize(manifest));
        return manifest;
    }

    /// <summary>The folder, beside the manifest, of the sub-models of the manifest's n-th plan (n ≥ 2; the first plan's are beside it).</summary>
    public static string PlanDirectoryOf(int n) => $"plan_{n}";

    /// <summary>
    /// Writes every plan the placement may choose: the first as <see cref="Extract"/> does, the n-th (n ≥ 2) into
    /// <see cref="PlanDirectoryOf"/>(n), listed in the manifest's <see cref="PartitionManifest.Alternatives"/>. Files are
    /// written to a temporary directory and moved into place, so a failed run leaves no half-written split.
    /// </summary>
    public static PartitionManifest ExtractPlans(ModelAnalysis analysis, IReadOnlyList<PartitionPlan> plans, string outputDirectory)
    {
        if (plans.Count == 0) throw new ArgumentException("At least one plan is needed.", nameof(plans));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var staging = full + ".tmp-" + Environment.ProcessId;
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        try
        {
            var alternatives = new List<ManifestPlan>();
            for (var n = 1; n <= plans.Count; n++)
            {
                var plan = plans[n - 1];
                var folder = n == 1 ? "" : PlanDirectoryOf(n);
                Directory.CreateDirectory(Path.Combine(staging, folder));
                foreach (var partition in plan.Partitions)
                {
                    using var file = File.Create(Path.Combine(staging, folder, FileNameOf(partition.Index, plan.PartitionCount)));
                    Build(analysis, partition, plan.PartitionCount).WriteTo(file);
                }
                if (n == 1) continue;
                var described = ManifestOf(analysis, plan);
                alternatives.Add(new ManifestPlan(described.PartitionCount, described.TransferredBytes, described.Cuts,
                    described.Partitions.Select(p => p with { File = folder + "/" + p.File }).ToArray()));
            }
            var manifest = ManifestOf(analysis, plans[0]) with { Alternatives = alternatives.Count == 0 ? null : alternatives };
            File.WriteAllBytes(Path.Combine(staging, ManifestFileName), PartitionManifestJson.Serialize(manifest));
            if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            Directory.Move(staging, full);
            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Writes an early-exit network's partitions and their manifest. <paramref name="continueProbabilities"/> are the
    /// declared transition probabilities, one per exit, each the probability of <em>not</em> exiting there (the
    /// Studio's <c>transition_probabilities</c>); partition i's early-exit probability is 1 − p_i, the last one's 0.
    /// Files are written to a temporary directory and moved into place, so a failed run leaves no half-written split.
    /// </summary>
    public static PartitionManifest ExtractEarlyExits(ModelAnalysis analysis, EarlyExits.EarlyExitPlan plan, IReadOnlyList<double> continueProbabilities, string outputDirectory)
    {
        if (continueProbabilities.Count != plan.ExitCount)
        {
            throw new ArgumentException($"{continueProbabilities.Count} transition probabilities for {plan.ExitCount} exits; expected one per exit.", nameof(continueProbabilities));
        }
        if (continueProbabilities.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentException("Transition probabilities must lie in [0, 1].", nameof(continueProbabilities));
        }
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var staging = full + ".tmp-" + Environment.ProcessId;
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var partition in plan.Partitions)
        {
            using var file = File.Create(Path.Combine(staging, FileNameOf(partition.Index, plan.PartitionCount)));
            Build(analysis, partition, plan.PartitionCount).WriteTo(file);
        }
        var ordinary = ManifestOf(analysis, new PartitionPlan([], plan.Partitions));
        var manifest = ordinary with
        {
            Cuts = [],
            TransferredBytes = plan.Partitions.Take(plan.ExitCount).Aggregate((long?)0, (sum, p) => sum + p.TransferBytesToNext),
            ExitCount = plan.ExitCount,
            Partitions = ordinary.Partitions.Select((p, i) => p with
            {
                ExitOutputs = plan.ExitOutputs[i],
                EarlyExitProbability = i < plan.ExitCount ? 1 - continueProbabilities[i] : 0,
            }).ToArray(),
        };
        File.WriteAllBytes(Path.Combine(staging, ManifestFileName), PartitionManifestJson.Serialize(manifest));
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Directory.Move(staging, full);
        return manifest;
    }

    /// <summary>The manifest of <paramref name="plan"/> on <paramref name="analysis"/>'s model, without writing anything.</summary>
    public static PartitionManifest ManifestOf(ModelAnalysis analysis, PartitionPlan plan) => new(
        analysis.ModelName,
        Path.GetFileName(analysis.ModelPath),
        plan.PartitionCount,
        analysis.Inputs,
        analysis.Outputs,
        analysis.TotalForwardFlops,
        plan.TransferredBytes,
        plan.Cuts.Select(c => new ManifestCut(c.Tensor, c.Description.ElementType, c.Description.Dimensions, c.Bytes, c.ProducerOp, c.NodesBefore)).ToArray(),
        plan.Partitions.Select(p => new ManifestPartition(p.Index, FileNameOf(p.Index, plan.PartitionCount), p.NodeIndices.Count, p.InputTensors, p.OutputTensors,
            p.ForwardFlops, p.BackwardFlops, p.ParameterCount, p.ParameterBytes, p.PeakActivationBytes, p.MemoryBytes, p.TransferBytesToNext,
            p.Index < plan.PartitionCount ? p.Index + 1 : null)).ToArray());

    /// <summary>The sub-model of one partition, in memory.</summary>
    internal static ModelProto Build(ModelAnalysis analysis, Partition partition, int partitionCount)
    {
        var source = analysis.Graph.Model;
        var graph = source.Graph;
        var nodes = partition.NodeIndices.Select(i => analysis.Graph.Nodes[i]).ToArray();
        var read = new HashSet<string>(nodes.SelectMany(n => n.Inputs), StringComparer.Ordinal);
        var produced = new HashSet<string>(nodes.SelectMany(n => n.Outputs), StringComparer.Ordinal);

        var sub = new GraphProto { Name = $"{graph.Name}_partition_{partition.Index}_of_{partitionCount}", DocString = graph.DocString };
        sub.Node.AddRange(nodes.Select(n => n.Proto.Clone()));
        sub.Initializer.AddRange(graph.Initializer.Where(t => read.Contains(t.Name)).Select(t => t.Clone()));
        sub.SparseInitializer.AddRange(graph.SparseInitializer.Where(t => read.Contains(t.Values.Name)).Select(t => t.Clone()));
        var originalInputs = graph.Input.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var originalOutputs = graph.Output.ToDictionary(o => o.Name, StringComparer.Ordinal);
        foreach (var input in partition.InputTensors)
        {
            sub.Input.Add(originalInputs.TryGetValue(input, out var declared) ? declared.Clone() : ValueInfo(analysis.Tensors[input]));
        }
        if (source.IrVersion < 4)
        {
            // Before IR 4 every initializer must also be listed as a graph input.
            sub.Input.AddRange(graph.Input.Where(i => analysis.Graph.Initializers.Contains(i.Name) && read.Contains(i.Name)).Select(i => i.Clone()));
        }
        foreach (var output in partition.OutputTensors)
        {
            sub.Output.Add(originalOutputs.TryGetValue(output, out var declared) ? declared.Clone() : ValueInfo(analysis.Tensors[output]));
        }
        sub.ValueInfo.AddRange(graph.ValueInfo.Where(v => produced.Contains(v.Name) && !partition.OutputTensors.Contains(v.Name)).Select(v => v.Clone()));

        var model = new ModelProto
        {
            IrVersion = source.IrVersion,
            ProducerName = "AiSprint.Onnx",
            ProducerVersion = typeof(SubModelExtractor).Assembly.GetName().Version?.ToString() ?? "",
            Domain = source.Domain,
            ModelVersion = source.ModelVersion,
            DocString = $"Partition {partition.Index} of {partitionCount} of '{Path.GetFileName(analysis.ModelPath)}'.",
            Graph = sub,
        };
        model.OpsetImport.AddRange(source.OpsetImport.Select(o => o.Clone()));
        model.Functions.AddRange(source.Functions.Select(f => f.Clone()));
        model.MetadataProps.AddRange(source.MetadataProps.Select(m => m.Clone()));
        return model;
    }

    private static ValueInfoProto ValueInfo(TensorDescription tensor)
    {
        var type = new TypeProto.Types.Tensor { ElemType = tensor.ElementTypeCode };
        if (tensor.Dimensions is not null)
        {
            type.Shape = new TensorShapeProto();
            foreach (var d in tensor.Dimensions)
            {
                type.Shape.Dim.Add(d is { } value ? new TensorShapeProto.Types.Dimension { DimValue = value } : new TensorShapeProto.Types.Dimension());
            }
        }
        return new ValueInfoProto { Name = tensor.Name, Type = new TypeProto { TensorType = type } };
    }
}
