using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Space4Ai;

/// <summary>
/// Reads <c>Components</c>, <c>CompatibilityMatrix</c> and <c>Performance</c> (or the old
/// <c>DemandMatrix</c>) and joins them into partitions with their candidate resources.
/// </summary>
internal static class Space4AiComponentReader
{
    private sealed record RawPartition(string Name, DocumentMember Source, List<string> Next, List<double> DataSizes, double EarlyExit, double? Memory, double? ResultSize);

    public static ValueList<Component> Read(ReadContext context, DocumentNode root, IReadOnlyList<ComputationalLayer> layers)
    {
        var reader = context.Reader;
        if (reader.Required(root, "Components", "the components and their deployments") is not { } node) return ValueList<Component>.Empty;
        var compatibility = NodeReader.Optional(root, "CompatibilityMatrix");
        if (compatibility is null) reader.Required(root, "CompatibilityMatrix", "the resources each partition may run on");
        var performance = NodeReader.Optional(root, "Performance");
        var demandMatrix = NodeReader.Optional(root, "DemandMatrix");
        var demandSection = performance ?? demandMatrix;
        var kinds = layers.SelectMany(l => l.Resources).GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First().Kind);

        var components = new List<Component>();
        foreach (var member in reader.Members(node, "Components (component → deployment → partition)"))
        {
            context.Map.Record(ModelKeys.Component(member.Key), member.KeyLocation);
            var compatibilityOfComponent = compatibility is null ? null : NodeReader.Optional(compatibility, member.Key);
            var performanceOfComponent = demandSection is null ? null : NodeReader.Optional(demandSection, member.Key);
            var deployments = new List<Deployment>();
            var partitionNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var deployment in reader.Members(member.Value, $"the deployments of {member.Key}"))
            {
                context.Map.Record(ModelKeys.Deployment(member.Key, deployment.Key), deployment.KeyLocation);
                var raw = ReadRawPartitions(context, member.Key, deployment);
                var partitions = new List<Partition>();
                foreach (var partition in OrderByChain(context, member.Key, deployment, raw))
                {
                    if (!partitionNames.Add(partition.Name))
                    {
                        reader.Error(DiagnosticCatalog.DuplicateName, partition.Source.KeyLocation,
                            $"partition {partition.Name} of {member.Key} appears in two deployments; expected partition names unique within a component (CompatibilityMatrix and Performance are keyed by them)");
                    }
                    var candidates = ReadCandidates(context, member.Key, partition, compatibilityOfComponent, performanceOfComponent, demandMatrix is not null && performance is null, kinds);
                    var outputs = partition.Next.Select((target, i) => new DataTransfer(target, new Megabytes(i < partition.DataSizes.Count ? partition.DataSizes[i] : 0)));
                    partitions.Add(new Partition(partition.Name, new Probability(partition.EarlyExit), outputs.ToValueList(), candidates)
                    {
                        ResultSize = partition.ResultSize is { } size ? new Megabytes(size) : null,
                    });
                }
                deployments.Add(new Deployment(deployment.Key, partitions.ToValueList()));
            }
            components.Add(new Component(member.Key, deployments.ToValueList()));
        }

        ReportOrphans(context, compatibility, "CompatibilityMatrix", components);
        ReportOrphans(context, performance ?? demandMatrix, performance is not null ? "Performance" : "DemandMatrix", components);
        return components.ToValueList();
    }

    private static List<RawPartition> ReadRawPartitions(ReadContext context, string component, DocumentMember deployment)
    {
        var reader = context.Reader;
        var result = new List<RawPartition>();
        foreach (var member in reader.Members(deployment.Value, $"the partitions of {component}/{deployment.Key}"))
        {
            context.Map.Record(ModelKeys.Partition(component, deployment.Key, member.Key), member.KeyLocation);
            var h = member.Value;
            if (!h.IsMapping)
            {
                reader.WrongType(h, "a partition (a mapping with next, data_size, early_exit_probability)");
                continue;
            }
            var next = new List<string>();
            var sizes = new List<double>();
            double? resultSize = null;
            if (reader.Required(h, "next", "the next partition or the successor components") is { } nextNode)
            {
                context.Map.Record(ModelKeys.PartitionNext(component, deployment.Key, member.Key), nextNode.Location);
                // Old schema: a single name ("" for none) and a scalar size.
                if (nextNode.Shape == NodeShape.String)
                {
                    if (nextNode.Text!.Length > 0) next.Add(nextNode.Text);
                }
                else
                {
                    next.AddRange(reader.Items(nextNode, "next").Select(n => reader.String(n, "a partition or component name")).OfType<string>());
                }
            }
            if (reader.Required(h, "data_size", "the data sent to each next element, in MB") is { } sizeNode)
            {
                if (sizeNode.Shape is NodeShape.Number)
                {
                    sizes.Add(reader.Number(sizeNode, "data_size", min: 0) ?? 0);
                }
                else
                {
                    sizes.AddRange(reader.Items(sizeNode, "data_size").Select(s => reader.Number(s, "a data size in MB", min: 0) ?? 0));
                }
                // A sink's last partition lists no successor but may state the size of its result.
                if (next.Count == 0 && sizes.Count == 1)
                {
                    resultSize = sizes[0];
                    sizes.Clear();
                }
                else if (sizeNode.IsSequence && sizes.Count != next.Count)
                {
                    reader.Error(DiagnosticCatalog.InvalidValue, sizeNode.Location,
                        $"{component}/{deployment.Key}/{member.Key} has {next.Count} next element(s) but {sizes.Count} data size(s); expected one size per next element");
                }
            }
            var earlyExit = reader.RequiredNumber(h, "early_exit_probability", "the early-exit probability", 0, 1) ?? 0;
            var memory = NodeReader.Optional(h, "memory") is { } m ? reader.Number(m, "the partition's memory in MB", min: 0) : null;
            result.Add(new RawPartition(member.Key, member, next, sizes, earlyExit, memory, resultSize));
        }
        return result;
    }

    /// <summary>Execution order follows the <c>next</c> chain (as the C++ tool does), not key order.</summary>
    private static IEnumerable<RawPartition> OrderByChain(ReadContext context, string component, DocumentMember deployment, List<RawPartition> raw)
    {
        if (raw.Count <= 1) return raw;
        var byName = raw.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First());
        var pointedTo = raw.SelectMany(p => p.Next).Where(byName.ContainsKey).ToHashSet();
        var starts = raw.Where(p => !pointedTo.Contains(p.Name)).ToList();
        var ordered = new List<RawPartition>();
        if (starts.Count == 1)
        {
            var visited = new HashSet<string>();
            for (var current = starts[0]; current is not null && visited.Add(current.Name);)
            {
                ordered.Add(current);
                var internalNext = current.Next.Where(byName.ContainsKey).ToList();
                current = internalNext.Count == 1 && current.Next.Count == 1 ? byName[internalNext[0]] : null;
            }
        }
        if (ordered.Count == raw.Count) return ordered;
        context.Reader.Error(DiagnosticCatalog.BrokenPartitionChain, deployment.KeyLocation,
            $"the partitions of {component}/{deployment.Key} do not form one chain through 'next'; expected each partition but the last to name exactly the next one");
        return raw;
    }

    private static ValueList<PartitionCandidate> ReadCandidates(ReadContext context, string component, RawPartition partition,
        DocumentNode? compatibility, DocumentNode? performance, bool oldDemandMatrix, IReadOnlyDictionary<string, ResourceKind> kinds)
    {
        var reader = context.Reader;
        var candidates = new List<PartitionCandidate>();
        var entries = compatibility is null ? null : NodeReader.Optional(compatibility, partition.Name);
        if (entries is not null) context.Map.Record(ModelKeys.Compatibility(component, partition.Name), entries.Location);
        var performanceEntries = performance is null ? null : NodeReader.Optional(performance, partition.Name);
        if (performanceEntries is not null) context.Map.Record(ModelKeys.Performance(component, partition.Name), performanceEntries.Location);

        foreach (var entry in entries is null ? [] : reader.Items(entries, $"the compatible resources of {component}/{partition.Name}"))
        {
            string? resource;
            double? memory = partition.Memory;
            if (entry.IsMapping)
            {
                resource = reader.Required(entry, "resource", "the resource name") is { } r ? reader.String(r, "a resource name") : null;
                if (NodeReader.Optional(entry, "memory") is { } m)
                {
                    memory = reader.Number(m, "the partition's memory on this resource, in MB", min: 0);
                    if (resource is not null) context.Map.Record(ModelKeys.CandidateMemory(component, partition.Name, resource), m.Location);
                }
            }
            else
            {
                resource = reader.String(entry, "a resource name or {resource, memory}");
            }
            if (resource is null) continue;
            if (candidates.Any(c => c.Resource == resource))
            {
                reader.Error(DiagnosticCatalog.DuplicateName, entry.Location, $"{resource} is listed twice for {component}/{partition.Name}; expected each compatible resource once");
                continue;
            }
            context.Map.Record(ModelKeys.Candidate(component, partition.Name, resource), entry.Location);
            PerformanceModel? model = null;
            if (performanceEntries is not null && NodeReader.Optional(performanceEntries, resource) is { } perf)
            {
                context.Map.Record(ModelKeys.Demand(component, partition.Name, resource), perf.Location);
                model = oldDemandMatrix ? ReadDemandMatrixEntry(reader, perf, kinds.GetValueOrDefault(resource)) : ReadPerformanceEntry(reader, perf);
            }
            candidates.Add(new PartitionCandidate(resource, memory is null ? null : new Megabytes(memory.Value), model));
        }

        if (performanceEntries is not null)
        {
            foreach (var member in reader.Members(performanceEntries, $"the demands of {component}/{partition.Name}"))
            {
                if (!candidates.Any(c => c.Resource == member.Key))
                {
                    reader.Error(DiagnosticCatalog.InvalidValue, member.KeyLocation,
                        $"a demand is given for {component}/{partition.Name} on {member.Key}, which CompatibilityMatrix does not list; expected demands only for compatible resources");
                }
            }
        }
        return candidates.ToValueList();
    }

    private static PerformanceModel? ReadPerformanceEntry(NodeReader reader, DocumentNode node)
    {
        if (!node.IsMapping)
        {
            reader.WrongType(node, "a performance model (a mapping with model and its demands)");
            return null;
        }
        var name = reader.Required(node, "model", "the performance model name (QTedge, QTcloud, PACSLTK, ...)") is { } m ? reader.String(m, "a model name") : null;
        switch (name)
        {
            case null:
                return null;
            case QueueingDemand.Edge or QueueingDemand.Cloud:
                var demand = reader.RequiredNumber(node, "demand", "the service demand in s", min: 0);
                return demand is null ? null : new QueueingDemand(name, new Seconds(demand.Value));
            case FaasDemand.Pacsltk or FaasDemand.PacsltkStatic:
                var warm = reader.RequiredNumber(node, "demandWarm", "the warm-start demand in s", min: 0);
                var cold = reader.RequiredNumber(node, "demandCold", "the cold-start demand in s", min: 0);
                return warm is null || cold is null ? null : new FaasDemand(name, new Seconds(warm.Value), new Seconds(cold.Value));
            default:
                return new ExternalPerformanceModel(name, DocumentJson.ToCanonicalJson(node, except: "model"));
        }
    }

    /// <summary>Old schema: a bare demand for edge/VM, <c>[warm, cold]</c> for FaaS.</summary>
    private static PerformanceModel? ReadDemandMatrixEntry(NodeReader reader, DocumentNode node, ResourceKind kind)
    {
        if (kind == ResourceKind.Faas)
        {
            var pair = reader.Items(node, "the FaaS demands [warm, cold] in s");
            if (pair.Count != 2)
            {
                if (node.IsSequence) reader.WrongType(node, "the FaaS demands [warm, cold] in s (two numbers)");
                return null;
            }
            var warm = reader.Number(pair[0], "the warm demand in s", min: 0);
            var cold = reader.Number(pair[1], "the cold demand in s", min: 0);
            return warm is null || cold is null ? null : new FaasDemand(FaasDemand.Pacsltk, new Seconds(warm.Value), new Seconds(cold.Value));
        }
        var demand = reader.Number(node, "the service demand in s", min: 0);
        return demand is null ? null : new QueueingDemand(kind == ResourceKind.EdgeDevice ? QueueingDemand.Edge : QueueingDemand.Cloud, new Seconds(demand.Value));
    }

    private static void ReportOrphans(ReadContext context, DocumentNode? section, string name, IReadOnlyList<Component> components)
    {
        if (section is null || !section.IsMapping) return;
        foreach (var member in section.Members)
        {
            var component = components.FirstOrDefault(c => c.Name == member.Key);
            if (component is null)
            {
                context.Reader.Error(DiagnosticCatalog.UnknownComponent, member.KeyLocation, $"{name} names component {member.Key}, which Components does not define");
                continue;
            }
            if (!member.Value.IsMapping) continue;
            foreach (var partition in member.Value.Members)
            {
                if (!component.AllPartitions.Any(p => p.Name == partition.Key))
                {
                    context.Reader.Error(DiagnosticCatalog.UnknownPartition, partition.KeyLocation,
                        $"{name} names partition {member.Key}/{partition.Key}, which no deployment of {member.Key} has");
                }
            }
        }
    }
}
