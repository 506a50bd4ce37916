using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>What the AI-SPRINT files do not hold but a SPACE4AI-D system needs: the arrival rate and the constraints (from the annotations).</summary>
public sealed record AiSprintConversionOptions
{
    /// <summary>The exogenous arrival rate at the source component(s), in requests per second.</summary>
    public RequestsPerSecond Lambda { get; init; }
    /// <summary>The per-component response-time limits (from <c>[ExecTime]</c>).</summary>
    public ValueList<LocalConstraint> LocalConstraints { get; init; } = ValueList<LocalConstraint>.Empty;
    /// <summary>The path response-time limits (from <c>[GlobalExecTime]</c>).</summary>
    public ValueList<GlobalConstraint> GlobalConstraints { get; init; } = ValueList<GlobalConstraint>.Empty;

    /// <summary>
    /// Demands per candidate_deployments.yaml entry name (a component, a partition such as <c>c_partitionX_1</c>, or an
    /// alternative) and resource; without them candidates carry no performance model and cannot be placed.
    /// </summary>
    public DemandTable? Demands { get; init; }
}

/// <summary>
/// Builds the SPACE4AI-D view (<see cref="SystemDescription"/>) of an AI-SPRINT application.
/// Candidates carry the container memory and no performance model: demands come from profiling later.
/// </summary>
public static class AiSprintConverter
{
    /// <param name="deployment">For an application with alternatives, the deployment to convert: its implementations
    /// replace the components they stand for, in the DAG (with its probabilities) and in the constraints. Null: the original.</param>
    public static LoadResult<Located<SystemDescription>> ToSystemDescription(Located<AiSprintApplication> located, AiSprintConversionOptions options, AlternativeDeployment? deployment = null)
    {
        var app = located.Value;
        var map = new SourceMap(located.Map.DefaultFile);
        map.Merge(located.Map);
        var bag = new DiagnosticBag();

        var layers = ConvertLayers(app, map, bag);
        var resourceKinds = new Dictionary<string, ResourceKind>(StringComparer.Ordinal);
        foreach (var layer in layers) foreach (var r in layer.Resources) resourceKinds.TryAdd(r.Name, layer.Kind);
        var origins = AiSprintNaming.Assign(app.Deployments, map, bag);
        // Alternatives have entries of their own (componentN_alternativeM in the Studio's files).
        var known = app.Dag.Components.Concat(app.Dag.Alternatives.SelectMany(a => a.Alternatives)).ToList();
        foreach (var origin in origins.Where(o => !known.Contains(o.Component)))
        {
            var entry = origin.Partitions[0].Entry;
            bag.Add(DiagnosticCatalog.UnknownComponent, map.Locate(AiSprintKeys.EntryName(entry.Key), AiSprintKeys.Entry(entry.Key)),
                $"{entry.Key} names component '{origin.Component}', which application_dag.yaml does not list; expected one of {string.Join(", ", known)}");
        }

        var implementations = deployment?.Components ?? app.Dag.Components;
        var edges = deployment?.Dependencies ?? app.Dag.Dependencies;
        var components = new List<Component>();
        foreach (var name in implementations)
        {
            var origin = origins.FirstOrDefault(o => o.Component == name);
            if (origin is null)
            {
                bag.Add(DiagnosticCatalog.MissingKey, map.Locate(AiSprintKeys.Components, ModelKeys.DagNode(name)),
                    $"candidate_deployments.yaml has no entry for component '{name}'; expected a componentN entry whose name is '{name}'");
                continue;
            }
            components.Add(ConvertComponent(app, origin, edges, resourceKinds, options.Demands, deployment, map, bag));
        }

        // An alternative without a data size of its own sends what the component it replaces sends.
        Megabytes? SizeOf(string implementation) => app.DataSizes?.Of(implementation) ?? (deployment is null ? null : app.DataSizes?.Of(deployment.ComponentOf(implementation)));
        var dag = edges
            .Select(e => SizeOf(e.From) is { } size ? e with { DataSize = size } : e)
            .ToValueList();
        var system = new SystemDescription
        {
            Name = app.Dag.Name,
            Lambda = options.Lambda,
            Time = app.Optimizer?.Time ?? new Hours(1),
            Components = components.ToValueList(),
            Dag = dag,
            Layers = layers.ToValueList(),
            NetworkDomains = FlattenDomains(app.Resources, map, bag),
            LocalConstraints = deployment is null ? options.LocalConstraints
                : options.LocalConstraints.Select(c => c with { Component = deployment.ImplementationOf(c.Component) }).ToValueList(),
            GlobalConstraints = deployment is null ? options.GlobalConstraints
                : options.GlobalConstraints.Select(g => g with { Path = g.Path.Select(deployment.ImplementationOf).ToValueList() }).ToValueList(),
        };
        return new LoadResult<Located<SystemDescription>>(new Located<SystemDescription>(system, map), bag.Items);
    }

    private static List<ComputationalLayer> ConvertLayers(AiSprintApplication app, SourceMap map, DiagnosticBag bag)
    {
        var layers = app.Resources.AllLayers.ToList();
        if (app.Optimizer is { } optimizer)
        {
            foreach (var (layer, _) in optimizer.ListedLayers)
            {
                if (!layers.Any(l => string.Equals(l.Name, layer, StringComparison.OrdinalIgnoreCase)))
                {
                    bag.Add(DiagnosticCatalog.UnknownLayer, map.Locate(AiSprintKeys.OptimizerLayer(layer)),
                        $"layer '{layer}' of SPACE4AI-D.yaml is not in candidate_resources.yaml; expected one of {string.Join(", ", layers.Select(l => l.Name))}");
                }
            }
        }
        var result = new List<ComputationalLayer>();
        foreach (var layer in layers)
        {
            // SPACE4AI-D.yaml decides whether a layer is edge or cloud (example 3 runs its
            // "Virtual" layers 1 and 2 as edge); the layer type is the fallback.
            var kind = app.Optimizer?.KindOf(layer.Name) ?? layer.Kind;
            if (kind == layer.Kind)
            {
                result.Add(layer);
                continue;
            }
            if ((kind == ResourceKind.Faas) != (layer.Kind == ResourceKind.Faas))
            {
                bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(AiSprintKeys.OptimizerLayer(layer.Name), ModelKeys.Layer(layer.Name)),
                    $"SPACE4AI-D.yaml lists {layer.Name} as {kind}, but its resources are {(layer.Kind == ResourceKind.Faas ? "functions" : "nodes")}; expected a layer of matching type");
                result.Add(layer);
                continue;
            }
            var resources = layer.Resources.Select(r => r is NodeResource n ? WithKind(n, kind) : r).ToValueList();
            result.Add(layer with { Kind = kind, Resources = resources });
        }
        return result;
    }

    private static NodeResource WithKind(NodeResource n, ResourceKind kind) =>
        new(n.Name, kind, n.Memory, n.CostPerHour, n.MaxNodes)
        {
            Description = n.Description,
            Key = n.Key,
            Details = n.Details,
            Cores = n.Cores,
            Processors = n.Processors,
            SecureBoot = n.SecureBoot,
            MeasuredBoot = n.MeasuredBoot,
            OnSpot = n.OnSpot,
        };

    private static Component ConvertComponent(AiSprintApplication app, ComponentOrigin origin, IReadOnlyList<DagEdge> edges, Dictionary<string, ResourceKind> resourceKinds,
        DemandTable? demands, AlternativeDeployment? alternative, SourceMap map, DiagnosticBag bag)
    {
        var successors = edges.Where(e => e.From == origin.Component).Select(e => e.To).ToList();
        var deployments = new List<Deployment>();
        var earlyExits = app.EarlyExits.FirstOrDefault(e => e.Component == origin.Component);
        if (earlyExits is not null && !origin.Deployments.Any(g => g.Count() == earlyExits.Exits.Count + 1))
        {
            bag.Add(DiagnosticCatalog.EarlyExitSegmentsNotDeclared, earlyExits.Location,
                $"{origin.Component} has {earlyExits.Exits.Count} early exit(s) but candidate_deployments.yaml declares no deployment of {earlyExits.Exits.Count + 1} partitions for it " +
                $"({origin.ComponentKey}_partitionX_1..{earlyExits.Exits.Count + 1}); it is placed whole and its exits are not modelled");
        }
        foreach (var group in origin.Deployments)
        {
            var parts = group.ToList();
            map.Record(ModelKeys.Deployment(origin.Component, group.Key), map.Locate(AiSprintKeys.Entry(parts[0].Entry.Key)));
            var partitions = new List<Partition>();
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var entryKey = part.Entry.Key;
                map.Record(ModelKeys.Partition(origin.Component, part.Deployment, part.Partition), map.Locate(AiSprintKeys.Entry(entryKey)));
                // Without oscarp/components_data_size.yaml the sizes are unknown; they are then 0,
                // so a transfer costs only the domain's access delay.
                var size = app.DataSizes?.Of(part.DataSizeKey)
                    ?? (alternative is not null && part.Group is null ? app.DataSizes?.Of(alternative.ComponentOf(origin.Component)) : null)
                    ?? Megabytes.Zero;
                var targets = i + 1 < parts.Count ? [parts[i + 1].Partition] : successors;
                var outputs = targets.Select(t => new DataTransfer(t, size)).ToValueList();

                var candidates = new List<PartitionCandidate>();
                foreach (var container in part.Entry.Containers)
                {
                    foreach (var resource in container.CandidateExecutionResources)
                    {
                        var location = map.Locate(AiSprintKeys.EntryCandidate(entryKey, container.Requirements.Key, resource));
                        if (!resourceKinds.TryGetValue(resource, out var kind))
                        {
                            bag.Add(DiagnosticCatalog.UnknownResource, location,
                                $"{entryKey} may run on '{resource}', which candidate_resources.yaml does not define; expected one of {string.Join(", ", resourceKinds.Keys)}");
                            continue;
                        }
                        // The Python parser takes a resource's memory from the first container listing it.
                        if (candidates.Any(c => c.Resource == resource)) continue;
                        map.Record(ModelKeys.Candidate(origin.Component, part.Partition, resource), location);
                        map.Record(ModelKeys.CandidateMemory(origin.Component, part.Partition, resource), location);
                        candidates.Add(new PartitionCandidate(resource, container.Requirements.Memory, Performance(demands, part.Entry.Name, resource, kind)));
                    }
                }
                var requirements = part.Entry.Containers.Count > 0 ? part.Entry.Containers[0].Requirements : null;
                if (requirements is not null)
                {
                    map.Record(ModelKeys.Requirements(origin.Component, part.Partition), map.Locate(AiSprintKeys.EntryContainer(entryKey, requirements.Key)));
                }
                // The AI-SPRINT YAML states no early-exit probabilities (the Python parser writes 0); the component's
                // early_exits_model annotation does, for its deployment of one partition per segment (§2.5-2.6).
                var exitProbability = earlyExits is not null && parts.Count == earlyExits.Exits.Count + 1 && i < earlyExits.Exits.Count
                    ? new Probability(1 - earlyExits.TransitionProbabilities[i])
                    : Probability.Zero;
                partitions.Add(new Partition(part.Partition, exitProbability, outputs, candidates.ToValueList()) { Requirements = requirements });
            }
            deployments.Add(new Deployment(group.Key, partitions.ToValueList()));
        }
        return new Component(origin.Component, deployments.ToValueList());
    }

    /// <summary>The demand row for an entry on a resource as SPACE4AI-D's model of that resource kind; a FaaS row needs its cold time.</summary>
    private static PerformanceModel? Performance(DemandTable? demands, string entry, string resource, ResourceKind kind)
    {
        if (demands?.Of(entry).FirstOrDefault(d => d.Resource == resource) is not { } row) return null;
        return kind switch
        {
            ResourceKind.Faas => row.ColdStart is { } cold ? new FaasDemand(FaasDemand.PacsltkStatic, row.Demand, cold) : null,
            ResourceKind.EdgeDevice => new QueueingDemand(QueueingDemand.Edge, row.Demand),
            _ => new QueueingDemand(QueueingDemand.Cloud, row.Demand),
        };
    }

    /// <summary>A domain connects its own layers and, recursively, those of its sub-domains (as the Python parser's get_domain_layers).</summary>
    private static ValueList<NetworkDomain> FlattenDomains(ResourceSystem resources, SourceMap map, DiagnosticBag bag)
    {
        var result = new List<NetworkDomain>();
        foreach (var domain in resources.Domains)
        {
            var layers = new List<string>();
            Collect(domain, [], layers);
            result.Add(new NetworkDomain(domain.Id, domain.AccessDelay, domain.Bandwidth, layers.ToValueList())
            {
                DisplayName = domain.DisplayName,
                SubDomains = domain.SubDomains,
            });
        }
        return result.ToValueList();

        void Collect(ResourceDomain domain, HashSet<string> visiting, List<string> layers)
        {
            if (!visiting.Add(domain.Id))
            {
                bag.Add(DiagnosticCatalog.UnknownLayer, map.Locate(ModelKeys.Domain(domain.Id)),
                    $"network domain {domain.Id} contains itself through subNetworkDomains; expected a tree of domains");
                return;
            }
            foreach (var layer in domain.Layers.Where(l => !layers.Contains(l.Name))) layers.Add(layer.Name);
            foreach (var sub in domain.SubDomains)
            {
                if (resources.FindDomain(sub) is { } child) Collect(child, visiting, layers);
            }
            visiting.Remove(domain.Id);
        }
    }
}
