using System.Text.RegularExpressions;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// The AI-SPRINT view of a SPACE4AI-D system: the YAML set of an application directory. The YAML
/// files have no place for demands, the arrival rate or constraints (those come from profiling
/// and annotations), nor for per-resource memory: each such loss is reported as a warning.
/// </summary>
public static partial class AiSprintExporter
{
    /// <summary>The YAML set of <paramref name="system"/> for <paramref name="directory"/>; what the YAML cannot hold comes back as warnings located through <paramref name="map"/>.</summary>
    public static LoadResult<AiSprintApplication> FromSystemDescription(SystemDescription system, string directory, SourceMap map)
    {
        var bag = new DiagnosticBag();
        var file = SourceLocation.WholeFile(map.DefaultFile);
        var layerNumbers = NumberLayers(system.Layers);
        var domains = NestDomains(system, layerNumbers, map, bag);
        var dag = new ApplicationDag(system.Name ?? Path.GetFileName(Path.GetFullPath(directory)), system.Components.Select(c => c.Name).ToValueList(), system.Dag);
        var entries = new List<CandidateEntry>();
        for (var i = 0; i < system.Components.Count; i++)
        {
            entries.AddRange(Entries(system, system.Components[i], $"component{i + 1}", layerNumbers, bag, map));
        }
        var optimizer = new OptimizerSettings(system.Time, ValueList<OptimizerMethod>.Empty)
        {
            EdgeResources = LayerKeys(system, ResourceKind.EdgeDevice, layerNumbers),
            CloudResources = LayerKeys(system, ResourceKind.VirtualMachine, layerNumbers),
            FaasResources = LayerKeys(system, ResourceKind.Faas, layerNumbers),
        };
        var lost = new List<string>();
        if (system.Components.SelectMany(c => c.AllPartitions).SelectMany(p => p.Candidates).Any(c => c.Performance is not null)) lost.Add("demands");
        if (system.Components.SelectMany(c => c.AllPartitions).Any(p => p.EarlyExitProbability.Value > 0)) lost.Add("early-exit probabilities");
        if (system.Lambda.Value > 0) lost.Add($"Lambda ({system.Lambda})");
        if (system.LocalConstraints.Count + system.GlobalConstraints.Count > 0) lost.Add("local and global constraints");
        if (lost.Count > 0)
        {
            bag.Add(DiagnosticCatalog.NotRepresentable, file,
                $"AI-SPRINT YAML has no place for {string.Join(", ", lost)}; they come from profiling, the partitioner and the code's annotations and are not written");
        }
        var app = new AiSprintApplication(directory, dag, new CandidateDeployments(entries.ToValueList()), new ResourceSystem(system.Name, domains))
        {
            Optimizer = optimizer,
            DataSizes = DataSizes(system, entries, map, bag),
        };
        return new LoadResult<AiSprintApplication>(bag.HasErrors ? null : app, bag.Items);
    }

    /// <summary>Writes common_config/ and space4ai-d/ files of <paramref name="app"/>, each atomically.</summary>
    public static void WriteDirectory(AiSprintApplication app, string directory)
    {
        var common = Path.Combine(directory, AiSprintApplicationLoader.CommonConfig);
        AtomicFile.WriteAllText(Path.Combine(common, ApplicationDagYaml.FileName), ApplicationDagYaml.Write(app.Dag));
        AtomicFile.WriteAllText(Path.Combine(common, CandidateDeploymentsYaml.FileName), CandidateDeploymentsYaml.Write(app.Deployments));
        AtomicFile.WriteAllText(Path.Combine(common, CandidateResourcesYaml.FileName), CandidateResourcesYaml.Write(app.Resources));
        if (app.DataSizes is { } sizes)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, AiSprintApplicationLoader.OscarP, ComponentDataSizesYaml.FileName), ComponentDataSizesYaml.Write(sizes));
        }
        if (app.Optimizer is { } optimizer)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, AiSprintApplicationLoader.Space4AiD, OptimizerSettingsYaml.FileName), OptimizerSettingsYaml.Write(optimizer));
        }
    }

    /// <summary>
    /// One entry per partition: <c>componentN</c> for a single-partition first deployment, otherwise
    /// <c>componentN_partition{k}_{i}</c> with k counting the component's other deployments — the
    /// naming <see cref="AiSprintNaming"/> reads back.
    /// </summary>
    private static IEnumerable<CandidateEntry> Entries(SystemDescription system, Component component, string key, IReadOnlyDictionary<string, int> layerNumbers, DiagnosticBag bag, SourceMap map)
    {
        var group = 0;
        for (var d = 0; d < component.Deployments.Count; d++)
        {
            var deployment = component.Deployments[d];
            var plain = d == 0 && deployment.Partitions.Count == 1;
            if (!plain) group++;
            for (var i = 0; i < deployment.Partitions.Count; i++)
            {
                var partition = deployment.Partitions[i];
                var entryKey = plain ? key : $"{key}_partition{group}_{i + 1}";
                var name = plain ? component.Name : $"{component.Name}_partition{group}_{i + 1}";
                var memories = partition.Candidates.Select(c => c.Memory).OfType<Units.Megabytes>().Distinct().ToList();
                if (memories.Count > 1)
                {
                    bag.Add(DiagnosticCatalog.NotRepresentable, map.Locate(ModelKeys.Compatibility(component.Name, partition.Name)),
                        $"{component.Name}/{partition.Name} needs different memory on different resources; AI-SPRINT YAML has one memorySize per container, so the largest, {memories.Max()}, is written");
                }
                var requirements = partition.Requirements ?? new ContainerRequirements();
                if (partition.Requirements is null && memories.Count > 0) requirements = requirements with { Memory = memories.Max() };
                var resources = partition.Candidates.Select(c => c.Resource).ToValueList();
                var layers = partition.Candidates.Select(c => system.LayerOf(c.Resource)?.Name).OfType<string>()
                    .Select(l => layerNumbers[l]).Distinct().Order().ToValueList();
                yield return new CandidateEntry(entryKey, name, layers, ValueList.Of(new CandidateContainer(requirements, resources)));
            }
        }
    }

    /// <summary>
    /// oscarp/components_data_size.yaml holds one size per component or partition entry, whatever
    /// the successor; differing sizes to different successors keep the largest.
    /// </summary>
    private static ComponentDataSizes? DataSizes(SystemDescription system, IReadOnlyList<CandidateEntry> entries, SourceMap map, DiagnosticBag bag)
    {
        var sizes = new List<KeyValuePair<string, Units.Megabytes>>();
        var index = 0;
        foreach (var component in system.Components)
        {
            foreach (var partition in component.Deployments.SelectMany(d => d.Partitions))
            {
                var entry = entries[index++];
                var distinct = partition.Outputs.Select(o => o.Size).Distinct().ToList();
                if (distinct.Count == 0) continue;
                if (distinct.Count > 1)
                {
                    bag.Add(DiagnosticCatalog.NotRepresentable, map.Locate(ModelKeys.PartitionNext(component.Name, component.Deployments.First(d => d.Partitions.Contains(partition)).Name, partition.Name)),
                        $"{component.Name}/{partition.Name} sends different sizes to different successors; components_data_size.yaml has one size per entry, so the largest, {distinct.Max()}, is written");
                }
                sizes.Add(new(entry.Name, distinct.Max()));
            }
        }
        return sizes.Count == 0 ? null : new ComponentDataSizes(sizes.ToValueList());
    }

    /// <summary>Layer numbers: the digits ending a SPACE4AI-D layer name (computationallayer3 → 3), else the next free number.</summary>
    private static Dictionary<string, int> NumberLayers(IReadOnlyList<ComputationalLayer> layers)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            var number = layer.Number ?? (TrailingNumber().Match(layer.Name) is { Success: true } m ? int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
            if (number <= 0 || numbers.ContainsValue(number)) number = numbers.Count == 0 ? 1 : numbers.Values.Max() + 1;
            numbers[layer.Name] = number;
        }
        return numbers;
    }

    private static ValueList<string>? LayerKeys(SystemDescription system, ResourceKind kind, IReadOnlyDictionary<string, int> numbers)
    {
        var keys = system.Layers.Where(l => l.Kind == kind).Select(l => $"computationalLayer{numbers[l.Name]}").ToValueList();
        return keys.Count == 0 ? null : keys;
    }

    /// <summary>
    /// SPACE4AI-D domains overlap (a layer in several domains); AI-SPRINT nests them. A laminar
    /// family (any two domains disjoint or nested) maps exactly: each layer goes to the smallest
    /// domain holding it, and each domain nests in the smallest one containing it.
    /// </summary>
    private static ValueList<ResourceDomain> NestDomains(SystemDescription system, IReadOnlyDictionary<string, int> numbers, SourceMap map, DiagnosticBag bag)
    {
        var domains = system.NetworkDomains;
        var sets = domains.Select(d => d.Layers.ToHashSet(StringComparer.Ordinal)).ToList();
        // Order by size, then position, so that equal sets still nest one way.
        int Rank(int i) => sets[i].Count * domains.Count + i;
        bool Contains(int outer, int inner) => outer != inner && sets[inner].IsSubsetOf(sets[outer]) && Rank(outer) > Rank(inner);
        for (var a = 0; a < domains.Count; a++)
        {
            for (var b = a + 1; b < domains.Count; b++)
            {
                if (sets[a].Overlaps(sets[b]) && !sets[a].IsSubsetOf(sets[b]) && !sets[b].IsSubsetOf(sets[a]))
                {
                    bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.Domain(domains[b].Id)),
                        $"network domains {domains[a].Id} and {domains[b].Id} share some layers but neither contains the other; AI-SPRINT YAML can only nest domains");
                }
            }
        }
        var parents = Enumerable.Range(0, domains.Count)
            .Select(i => Enumerable.Range(0, domains.Count).Where(o => Contains(o, i)).OrderBy(Rank).Select(o => (int?)o).FirstOrDefault())
            .ToList();
        var owners = system.Layers.ToDictionary(l => l.Name,
            l => Enumerable.Range(0, domains.Count).Where(i => sets[i].Contains(l.Name)).OrderBy(Rank).Select(i => (int?)i).FirstOrDefault());
        foreach (var (layer, owner) in owners.Where(o => o.Value is null))
        {
            bag.Add(DiagnosticCatalog.UnknownLayer, map.Locate(ModelKeys.Layer(layer)), $"layer {layer} is in no network domain; AI-SPRINT YAML lists every layer inside a domain");
        }
        return Enumerable.Range(0, domains.Count).Select(i => new ResourceDomain(
                domains[i].Id,
                domains[i].DisplayName,
                domains[i].AccessDelay,
                domains[i].Bandwidth,
                Enumerable.Range(0, domains.Count).Where(c => parents[c] == i).Select(c => domains[c].Id).ToValueList(),
                system.Layers.Where(l => owners[l.Name] == i).Select(l => l with { Number = numbers[l.Name] }).ToValueList()))
            .ToValueList();
    }

    [GeneratedRegex("[0-9]+$")]
    private static partial Regex TrailingNumber();
}
