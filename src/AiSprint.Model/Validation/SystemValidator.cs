using AiSprint.Contract.Inputs;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;

namespace AiSprint.Model.Validation;

/// <summary>
/// Checks a design for the mistakes that make it meaningless or unplaceable, whatever file it came
/// from. Positions come from the reader's <see cref="SourceMap"/>. Rules and their codes are in
/// <see cref="DiagnosticCatalog"/>; docs/diagnostics.md explains each.
/// </summary>
public static class SystemValidator
{
    /// <summary>Tolerance on probability sums: files write probabilities with ~16 significant digits.</summary>
    private const double ProbabilityTolerance = 1e-9;

    /// <summary>Checks <paramref name="system"/> (names, DAG, probabilities, constraints, compatibility, memory); problems are located through <paramref name="map"/>.</summary>
    public static IReadOnlyList<Diagnostic> Validate(SystemDescription system, SourceMap map)
    {
        var bag = new DiagnosticBag();
        var resources = CheckResources(system, map, bag);
        CheckComponents(system, map, bag, resources);
        CheckDag(system, map, bag);
        CheckConstraints(system, map, bag);
        CheckNetwork(system, map, bag);
        return bag.Items;
    }

    private static Dictionary<string, Resource> CheckResources(SystemDescription system, SourceMap map, DiagnosticBag bag)
    {
        var resources = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var layers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in system.Layers)
        {
            if (!layers.Add(layer.Name))
            {
                bag.Add(DiagnosticCatalog.DuplicateName, map.Locate(ModelKeys.Layer(layer.Name)), $"computational layer {layer.Name} is defined twice; expected unique layer names");
            }
            foreach (var resource in layer.Resources)
            {
                if (!resources.TryAdd(resource.Name, resource))
                {
                    bag.Add(DiagnosticCatalog.DuplicateName, map.Locate(ModelKeys.Resource(resource.Name)),
                        $"resource {resource.Name} is defined twice (in {system.LayerOf(resource.Name)?.Name} and {layer.Name}); expected unique resource names");
                }
            }
        }
        return resources;
    }

    private static void CheckComponents(SystemDescription system, SourceMap map, DiagnosticBag bag, Dictionary<string, Resource> resources)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var anyDemand = system.Components.SelectMany(c => c.AllPartitions).SelectMany(p => p.Candidates).Any(c => c.Performance is not null);
        foreach (var component in system.Components)
        {
            if (!names.Add(component.Name))
            {
                bag.Add(DiagnosticCatalog.DuplicateName, map.Locate(ModelKeys.Component(component.Name)), $"component {component.Name} is defined twice; expected unique component names");
            }
            if (component.Deployments.Count == 0)
            {
                bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.Component(component.Name)), $"component {component.Name} has no deployment; expected at least one");
            }
            var successors = system.Successors(component.Name).Select(e => e.To).ToHashSet(StringComparer.Ordinal);
            foreach (var deployment in component.Deployments)
            {
                if (deployment.Partitions.Count == 0)
                {
                    bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.Deployment(component.Name, deployment.Name)),
                        $"deployment {component.Name}/{deployment.Name} has no partition; expected at least one");
                }
                for (var i = 0; i < deployment.Partitions.Count; i++)
                {
                    var partition = deployment.Partitions[i];
                    var last = i == deployment.Partitions.Count - 1;
                    CheckOutputs(component, deployment, partition, last ? null : deployment.Partitions[i + 1], successors, map, bag);
                    CheckCandidates(component, partition, resources, anyDemand, map, bag);
                }
            }
        }
        if (!anyDemand && system.Components.Count > 0)
        {
            bag.Add(DiagnosticCatalog.NoPerformanceData, SourceLocation.WholeFile(map.DefaultFile),
                "no partition has a demand on any resource yet; profile the components (or train performance models) before placement");
        }
    }

    private static void CheckOutputs(Component component, Deployment deployment, Partition partition, Partition? next, HashSet<string> successors, SourceMap map, DiagnosticBag bag)
    {
        var location = map.Locate(ModelKeys.PartitionNext(component.Name, deployment.Name, partition.Name), ModelKeys.Partition(component.Name, deployment.Name, partition.Name));
        if (next is not null)
        {
            // Sizes may still be unknown (no output listed), but a listed output must be the next partition.
            if (partition.Outputs.Count > 1 || partition.Outputs.Any(o => o.Target != next.Name))
            {
                bag.Add(DiagnosticCatalog.BrokenPartitionChain, location,
                    $"{component.Name}/{deployment.Name}/{partition.Name} sends data to {List(partition.Outputs.Select(o => o.Target))}; expected only the next partition, {next.Name}");
            }
            return;
        }
        foreach (var output in partition.Outputs)
        {
            if (!successors.Contains(output.Target))
            {
                bag.Add(DiagnosticCatalog.UnknownComponent, location,
                    $"the last partition {component.Name}/{deployment.Name}/{partition.Name} sends data to {output.Target}, which is not a successor of {component.Name} in the DAG; expected one of: {List(successors)}");
            }
        }
    }

    private static void CheckCandidates(Component component, Partition partition, Dictionary<string, Resource> resources, bool anyDemand, SourceMap map, DiagnosticBag bag)
    {
        var partitionLocation = map.Locate(ModelKeys.Compatibility(component.Name, partition.Name), ModelKeys.Component(component.Name));
        var known = partition.Candidates.Where(c => resources.ContainsKey(c.Resource)).ToList();
        foreach (var candidate in partition.Candidates.Where(c => !resources.ContainsKey(c.Resource)))
        {
            var hint = NameSuggestion.Closest(candidate.Resource, resources.Keys) is { } s ? $" (did you mean {s}?)" : "";
            bag.Add(DiagnosticCatalog.UnknownResource, map.Locate(ModelKeys.Candidate(component.Name, partition.Name, candidate.Resource)),
                $"{component.Name}/{partition.Name} may run on {candidate.Resource}, which no computational layer defines{hint}; expected one of: {List(resources.Keys)}");
        }
        if (partition.Candidates.Count == 0)
        {
            bag.Add(DiagnosticCatalog.NoCompatibleResource, partitionLocation, $"{component.Name}/{partition.Name} has no compatible resource; expected at least one in CompatibilityMatrix");
            return;
        }
        foreach (var candidate in known)
        {
            var resource = resources[candidate.Resource];
            var location = map.Locate(ModelKeys.Demand(component.Name, partition.Name, candidate.Resource), ModelKeys.Candidate(component.Name, partition.Name, candidate.Resource));
            switch (candidate.Performance)
            {
                case null when anyDemand:
                    bag.Add(DiagnosticCatalog.MissingDemand, map.Locate(ModelKeys.Candidate(component.Name, partition.Name, candidate.Resource), ModelKeys.Performance(component.Name, partition.Name)),
                        $"{component.Name}/{partition.Name} is compatible with {candidate.Resource} but has no demand there; expected a Performance entry for it");
                    break;
                case QueueingDemand when resource.Kind == ResourceKind.Faas:
                    bag.Add(DiagnosticCatalog.InvalidValue, location, $"{candidate.Resource} is a FaaS configuration but {component.Name}/{partition.Name} has a queueing model there; expected PACSLTK with demandWarm and demandCold");
                    break;
                case FaasDemand when resource.Kind != ResourceKind.Faas:
                    bag.Add(DiagnosticCatalog.InvalidValue, location, $"{candidate.Resource} is not a FaaS configuration but {component.Name}/{partition.Name} has a FaaS model there; expected QTedge or QTcloud with a demand");
                    break;
                case FaasDemand { Warm: var warm, Cold: var cold } when cold < warm:
                    bag.Add(DiagnosticCatalog.InvalidValue, location, $"the cold demand of {component.Name}/{partition.Name} on {candidate.Resource} ({cold}) is below its warm demand ({warm}); expected cold ≥ warm");
                    break;
            }
        }
        if (partition.Requirements is { TrustedExecution: true } && known.Count > 0 && !known.Any(c => CanRunTrusted(resources[c.Resource])))
        {
            bag.Add(DiagnosticCatalog.NoTrustedResource, map.Locate(ModelKeys.Requirements(component.Name, partition.Name), ModelKeys.Compatibility(component.Name, partition.Name)),
                $"{component.Name}/{partition.Name} requires trusted execution, but none of {List(known.Select(c => c.Resource))} has an SGX processor or secure and measured boot; expected at least one such resource");
        }
        var withMemory = known.Where(c => c.Memory is not null).ToList();
        if (withMemory.Count > 0 && withMemory.Count == known.Count && known.All(c => c.Memory!.Value > resources[c.Resource].Memory))
        {
            var smallest = withMemory.Min(c => c.Memory!.Value.Value);
            var largest = known.Max(c => resources[c.Resource].Memory.Value);
            bag.Add(DiagnosticCatalog.MemoryTooLarge, partitionLocation,
                $"{component.Name}/{partition.Name} needs at least {smallest} MB but its compatible resources have at most {largest} MB; expected a requirement that fits at least one of them");
        }
    }

    /// <summary>
    /// Trusted execution needs an SGX enclave or, as the design document's fallback, a node with
    /// secure and measured boot. A FaaS platform offers neither guarantee.
    /// </summary>
    public static bool CanRunTrusted(Resource resource) =>
        resource is NodeResource node && global::AiSprint.Contract.Rules.TrustedExecution.CanRun(node.HasSgx, node.SecureBoot, node.MeasuredBoot);

    private static void CheckDag(SystemDescription system, SourceMap map, DiagnosticBag bag)
    {
        var components = system.Components.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var edge in system.Dag)
        {
            var location = map.Locate(ModelKeys.DagEdge(edge.From, edge.To), ModelKeys.DagNode(edge.From));
            foreach (var end in new[] { edge.From, edge.To }.Distinct().Where(e => !components.Contains(e)))
            {
                var hint = NameSuggestion.Closest(end, components) is { } s ? $" (did you mean {s}?)" : "";
                bag.Add(DiagnosticCatalog.UnknownComponent, location, $"the DAG edge {edge.From} -> {edge.To} names {end}, which is not a component{hint}; expected one of: {List(components)}");
            }
            if (!seen.Add((edge.From, edge.To)))
            {
                bag.Add(DiagnosticCatalog.DuplicateName, location, $"the DAG edge {edge.From} -> {edge.To} is listed twice; expected each edge once");
            }
            if (edge.From == edge.To)
            {
                bag.Add(DiagnosticCatalog.DagCycle, location, $"{edge.From} is its own successor; expected an acyclic graph");
            }
        }
        foreach (var group in system.Dag.GroupBy(e => e.From))
        {
            var sum = group.Sum(e => e.Probability.Value);
            var location = map.Locate(ModelKeys.DagNode(group.Key));
            if (sum > 1 + ProbabilityTolerance)
            {
                bag.Add(DiagnosticCatalog.ProbabilitiesExceedOne, location, $"the transition probabilities of {group.Key} sum to {sum:R}; expected a sum of at most 1");
            }
            else if (sum < 1 - ProbabilityTolerance)
            {
                // SPACE4AI-D lets the rest of the traffic leave the application (wind-farm: c1 -> c2 is 0.9).
                bag.Add(DiagnosticCatalog.ProbabilitiesBelowOne, location,
                    $"the transition probabilities of {group.Key} sum to {sum:R}; the remaining {1 - sum:0.###} of its requests leave the application");
            }
        }
        if (FindCycle(system.Dag.Where(e => e.From != e.To).ToList()) is { } cycle)
        {
            bag.Add(DiagnosticCatalog.DagCycle, map.Locate(ModelKeys.DagEdge(cycle[0], cycle[1]), ModelKeys.DagNode(cycle[0])),
                $"the DAG has the cycle {string.Join(" -> ", cycle)}; expected an acyclic graph");
        }
    }

    /// <summary>A cycle as a closed list of nodes (first == last), or null. Iterative DFS with colours.</summary>
    internal static IReadOnlyList<string>? FindCycle(IReadOnlyList<DagEdge> edges)
    {
        var successors = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var colour = new Dictionary<string, int>();
        var parent = new Dictionary<string, string>();
        foreach (var start in edges.Select(e => e.From).Distinct())
        {
            if (colour.GetValueOrDefault(start) != 0) continue;
            var stack = new Stack<(string Node, int Next)>();
            stack.Push((start, 0));
            colour[start] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var list = successors.GetValueOrDefault(node) ?? [];
                if (next >= list.Count)
                {
                    colour[node] = 2;
                    continue;
                }
                stack.Push((node, next + 1));
                var child = list[next];
                switch (colour.GetValueOrDefault(child))
                {
                    case 0:
                        colour[child] = 1;
                        parent[child] = node;
                        stack.Push((child, 0));
                        break;
                    case 1:
                        var cycle = new List<string> { child };
                        for (var at = node; at != child; at = parent[at]) cycle.Add(at);
                        cycle.Add(child);
                        cycle.Reverse();
                        return cycle;
                }
            }
        }
        return null;
    }

    private static void CheckConstraints(SystemDescription system, SourceMap map, DiagnosticBag bag)
    {
        var components = system.Components.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var local in system.LocalConstraints)
        {
            if (!components.Contains(local.Component))
            {
                bag.Add(DiagnosticCatalog.UnknownComponent, map.Locate(ModelKeys.LocalConstraint(local.Component)),
                    $"a local constraint names {local.Component}, which is not a component; expected one of: {List(components)}");
            }
        }
        var edges = system.Dag.Select(e => (e.From, e.To)).ToHashSet();
        foreach (var global in system.GlobalConstraints)
        {
            if (global.Path.Count == 0)
            {
                bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.GlobalConstraint(global.Name)), $"path {global.Name} has no component; expected at least one");
            }
            for (var i = 0; i < global.Path.Count; i++)
            {
                var member = global.Path[i];
                var location = map.Locate(ModelKeys.GlobalConstraintMember(global.Name, i), ModelKeys.GlobalConstraint(global.Name));
                if (!components.Contains(member))
                {
                    bag.Add(DiagnosticCatalog.UnknownComponent, location, $"path {global.Name} names {member}, which is not a component; expected one of: {List(components)}");
                }
                else if (i > 0 && components.Contains(global.Path[i - 1]) && !edges.Contains((global.Path[i - 1], member)))
                {
                    bag.Add(DiagnosticCatalog.PathNotConsecutive, location,
                        $"path {global.Name} goes from {global.Path[i - 1]} to {member}, but the DAG has no such edge; expected consecutive components (successors of {global.Path[i - 1]}: {List(system.Successors(global.Path[i - 1]).Select(e => e.To))})");
                }
            }
        }
    }

    private static void CheckNetwork(SystemDescription system, SourceMap map, DiagnosticBag bag)
    {
        var layers = system.Layers.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var domains = system.NetworkDomains.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var domain in system.NetworkDomains)
        {
            foreach (var layer in domain.Layers.Where(l => !layers.Contains(l)))
            {
                bag.Add(DiagnosticCatalog.UnknownLayer, map.Locate(ModelKeys.DomainLayer(domain.Id, layer), ModelKeys.Domain(domain.Id)),
                    $"network domain {domain.Id} connects {layer}, which is not a computational layer; expected one of: {List(layers)}");
            }
            foreach (var sub in domain.SubDomains.Where(s => !domains.Contains(s)))
            {
                bag.Add(DiagnosticCatalog.UnknownLayer, map.Locate(ModelKeys.Domain(domain.Id)), $"network domain {domain.Id} nests {sub}, which is not a network domain; expected one of: {List(domains)}");
            }
        }
        // A layer in no domain can never exchange data with another layer (both tools abort on it, §4).
        if (system.NetworkDomains.Count == 0 || system.Layers.Count < 2) return;
        foreach (var layer in system.Layers.Where(l => !system.NetworkDomains.Any(d => d.Layers.Contains(l.Name))))
        {
            bag.Add(DiagnosticCatalog.UnknownLayer, map.Locate(ModelKeys.Layer(layer.Name)),
                $"computational layer {layer.Name} belongs to no network domain, so no data can reach it; expected it in a domain's layer list");
        }
    }

    private static string List(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : list.Count <= 12 ? string.Join(", ", list) : string.Join(", ", list.Take(12)) + $", … ({list.Count} in all)";
    }
}
