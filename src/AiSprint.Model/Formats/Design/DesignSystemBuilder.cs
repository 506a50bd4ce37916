using AiSprint.Contract.Inputs;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Design;

/// <summary>What the build knows besides the design document.</summary>
public sealed record DesignBuildInputs
{
    /// <summary>The candidate resources (AI-SPRINT candidate_resources.yaml).</summary>
    public required Located<ResourceSystem> Resources { get; init; }
    /// <summary>The measured or predicted demands per component and resource; empty when none are known yet.</summary>
    public DemandTable Demands { get; init; } = DemandTable.Empty;
    /// <summary>The partitionings of each [Partitionable] component, by component name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ModelPartitioning>> Partitionings { get; init; } = new Dictionary<string, IReadOnlyList<ModelPartitioning>>();
    /// <summary>Overrides the entry component's [ExpectedThroughput].</summary>
    public RequestsPerSecond? Lambda { get; init; }
    /// <summary>The billing horizon every cost is multiplied by (1 hour unless set).</summary>
    public Hours Horizon { get; init; } = new(1);
    /// <summary>
    /// The design document's file (its JSON or the assembly): where a diagnostic about the design that has no
    /// annotation to point at is reported (a constraint naming an unknown component). Default: the resources file.
    /// </summary>
    public string? DesignFile { get; init; }
}

/// <summary>The design as an AI-SPRINT application (for its YAML files and the production deployment) and as the SPACE4AI-D system the optimiser places.</summary>
public sealed record CompiledDesign(AiSprintApplication Application, SystemDescription System, SourceMap Map);

/// <summary>
/// Turns the compiled design document, the candidate resources and the demands into the placement
/// problem. A component may run on the resources it has a demand on; its partitions inherit those
/// resources, with the partition's memory and its share of the demand. Every diagnostic points at the
/// annotation or the demands row it is about.
/// </summary>
public static class DesignSystemBuilder
{
    /// <summary>The system the design document and its inputs describe, validated once; problems come back located in the result.</summary>
    public static LoadResult<CompiledDesign> Build(DesignDocument design, DesignBuildInputs inputs)
    {
        var bag = new DiagnosticBag();
        var resources = inputs.Resources.Value;
        var map = new SourceMap(inputs.DesignFile ?? inputs.Resources.Map.DefaultFile);
        map.Merge(inputs.Resources.Map);
        RecordLocations(design, inputs.Demands, map);

        var resourceNames = resources.AllResources.Select(r => r.Name).ToList();
        foreach (var row in inputs.Demands.Entries)
        {
            if (design.Find(row.Component) is null)
            {
                bag.Add(DiagnosticCatalog.UnknownComponent, row.Location,
                    $"the demands name component '{row.Component}', which no [Component] declares; expected one of {string.Join(", ", design.Components.Select(c => c.Name))}");
            }
            if (!resourceNames.Contains(row.Resource))
            {
                var hint = NameSuggestion.Closest(row.Resource, resourceNames) is { } s ? $" (did you mean '{s}'?)" : "";
                bag.Add(DiagnosticCatalog.UnknownResource, row.Location,
                    $"the demands name resource '{row.Resource}', which the candidate resources do not define{hint}; expected one of {string.Join(", ", resourceNames)}");
            }
        }

        var entries = new List<CandidateEntry>();
        var sizes = new List<KeyValuePair<string, Megabytes>>();
        for (var i = 0; i < design.Components.Count; i++)
        {
            var component = design.Components[i];
            var compatible = inputs.Demands.Of(component.Name).Select(d => d.Resource).Where(resourceNames.Contains).Distinct().ToList();
            if (compatible.Count == 0)
            {
                bag.Add(DiagnosticCatalog.MissingDemand, map.Locate(ModelKeys.Component(component.Name)),
                    $"component {component.Name} has no demand on any candidate resource, so it can run nowhere; expected rows for it in a demands CSV or a profiling dataset that predicts them");
                continue;
            }
            // Checked once per row here: every partition of a partitioned component inherits the row.
            foreach (var row in inputs.Demands.Of(component.Name).Where(d => d.ColdStart is null && resources.LayerOf(d.Resource)?.Kind == ResourceKind.Faas))
            {
                bag.Add(DiagnosticCatalog.MissingDemand, row.Location,
                    $"{row.Resource} is a FaaS configuration: the row needs cold_ms, the cold-start response time, besides demand_ms (the warm one)");
            }
            var key = $"component{i + 1}";
            var layers = compatible.Select(r => resources.LayerOf(r)?.Number ?? 0).Distinct().Order().ToValueList();
            var requirements = Requirements(component, component.DeviceConstraints?.RamMb is { } ram ? new Megabytes(ram) : Megabytes.Zero);
            entries.Add(new CandidateEntry(key, component.Name, layers, ValueList.Of(new CandidateContainer(requirements, compatible.ToValueList()))));
            if (inputs.Partitionings.TryGetValue(component.Name, out var partitionings))
            {
                for (var k = 0; k < partitionings.Count; k++)
                {
                    var pieces = partitionings[k].Pieces;
                    for (var p = 0; p < pieces.Count; p++)
                    {
                        var name = $"{component.Name}_partition{k + 1}_{p + 1}";
                        var pieceRequirements = Requirements(component, pieces[p].Memory ?? requirements.Memory);
                        entries.Add(new CandidateEntry($"{key}_partition{k + 1}_{p + 1}", name, layers, ValueList.Of(new CandidateContainer(pieceRequirements, compatible.ToValueList()))));
                        if (pieces[p].DataSizeToNext is { } size) sizes.Add(new(name, size));
                    }
                }
            }
        }

        var dag = new ApplicationDag(design.Assembly ?? "application", design.Components.Select(c => c.Name).ToValueList(),
            design.Dag.Select(e => new DagEdge(e.From, e.To, new Probability(e.Probability)) { DataSize = e.DataSizeMb is { } mb ? new Megabytes(mb) : null }).ToValueList());
        // A component sends one size to each successor in SPACE4AI-D; the largest edge is the safe choice when they differ.
        foreach (var group in design.Dag.Where(e => e.DataSizeMb is not null).GroupBy(e => e.From))
        {
            sizes.Add(new(group.Key, new Megabytes(group.Max(e => e.DataSizeMb!.Value))));
        }
        var app = new AiSprintApplication(inputs.Resources.Map.DefaultFile, dag, new CandidateDeployments(entries.ToValueList()), resources)
        {
            DataSizes = new ComponentDataSizes(sizes.ToValueList()),
        };

        if (inputs.Lambda is { } given && !(given.Value >= 0 && double.IsFinite(given.Value)))
        {
            bag.Add(DiagnosticCatalog.InvalidValue, SourceLocation.WholeFile(map.DefaultFile), $"the arrival rate override (AiSprintLambda) is {given.Value} req/s; expected a number ≥ 0");
        }
        CheckThresholds(design, map, bag);
        var lambda = inputs.Lambda ?? EntryRate(design, map, bag);
        var options = new AiSprintConversionOptions
        {
            Lambda = lambda,
            LocalConstraints = design.LocalConstraints.Select(c => new LocalConstraint(c.Component, new Seconds(c.ThresholdMs / 1000))).ToValueList(),
            GlobalConstraints = design.GlobalConstraints.Select(c => new GlobalConstraint(c.Name, c.Path.ToValueList(), new Seconds(c.ThresholdMs / 1000))).ToValueList(),
        };
        if (bag.HasErrors) return new LoadResult<CompiledDesign>(null, bag.Items);

        var converted = AiSprintConverter.ToSystemDescription(new Located<AiSprintApplication>(app, map), options);
        bag.AddRange(converted.Diagnostics.Where(d => d.Descriptor != DiagnosticCatalog.NoPerformanceData));
        if (converted.Value is null) return new LoadResult<CompiledDesign>(null, bag.Items);
        var system = converted.Value.Value with { Time = inputs.Horizon };
        system = WithDemands(system, resources, inputs);
        // The converter records partition keys at the (empty) YAML's whole file; the design's locations go first, so they win.
        var located = new SourceMap(map.DefaultFile);
        RecordPartitionLocations(system, design, inputs.Demands, located);
        located.Merge(converted.Value.Map);
        return new LoadResult<CompiledDesign>(bag.HasErrors ? null : new CompiledDesign(app, system, located), bag.Items);
    }

    private static ContainerRequirements Requirements(DesignComponent component, Megabytes memory) => new()
    {
        Memory = memory,
        ComputingUnits = 1,
        TrustedExecution = component.Security?.TrustedExecution ?? false,
        NetworkProtection = component.Security?.NetworkShield ?? false,
        FileSystemProtection = component.Security?.FilesystemShield ?? false,
        GpuRequired = component.DeviceConstraints is { } d && (d.VramMb > 0 || d.UseGpuFor is { Count: > 0 }),
    };

    /// <summary>The arrival rate at the entry: [ExpectedThroughput] of the component(s) nothing calls.</summary>
    private static RequestsPerSecond EntryRate(DesignDocument design, SourceMap map, DiagnosticBag bag)
    {
        var entries = design.Components.Where(c => !design.Dag.Any(e => e.To == c.Name)).ToList();
        // Every component has a caller: a cycle, which the validator reports (AIS0012); no rate is missing.
        if (entries.Count == 0 && design.Components.Count > 0) return new RequestsPerSecond(0);
        var rates = entries.Where(c => c.ExpectedRequestsPerSecond is not null).ToList();
        foreach (var wrong in rates.Where(c => !(c.ExpectedRequestsPerSecond >= 0 && double.IsFinite(c.ExpectedRequestsPerSecond!.Value))))
        {
            bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.Component(wrong.Name)),
                $"[ExpectedThroughput] of {wrong.Name} is {wrong.ExpectedRequestsPerSecond} req/s; expected an arrival rate ≥ 0");
        }
        if (rates.Count == 0)
        {
            var first = entries.FirstOrDefault() ?? design.Components.FirstOrDefault();
            bag.Add(DiagnosticCatalog.MissingKey, first is null ? SourceLocation.WholeFile(map.DefaultFile) : map.Locate(ModelKeys.Component(first.Name)),
                $"no arrival rate: expected [ExpectedThroughput(requestsPerSecond)] on the entry component{(entries.Count > 0 ? $" ({string.Join(", ", entries.Select(c => c.Name))})" : "")} or the AiSprintLambda build property");
            return new RequestsPerSecond(0);
        }
        return new RequestsPerSecond(rates.Sum(c => c.ExpectedRequestsPerSecond!.Value));
    }

    /// <summary>A threshold the analyzers report as AIS0100 in code; a design.json edited by hand reaches the tool unchecked.</summary>
    private static void CheckThresholds(DesignDocument design, SourceMap map, DiagnosticBag bag)
    {
        foreach (var local in design.LocalConstraints.Where(c => !(c.ThresholdMs > 0 && double.IsFinite(c.ThresholdMs))))
        {
            bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.LocalConstraint(local.Component)),
                $"the local threshold of {local.Component} is {local.ThresholdMs} ms; expected a time greater than 0");
        }
        foreach (var global in design.GlobalConstraints.Where(c => !(c.ThresholdMs > 0 && double.IsFinite(c.ThresholdMs))))
        {
            bag.Add(DiagnosticCatalog.InvalidValue, map.Locate(ModelKeys.GlobalConstraint(global.Name)),
                $"the threshold of path {global.Name} is {global.ThresholdMs} ms; expected a time greater than 0");
        }
    }

    private static void RecordLocations(DesignDocument design, DemandTable demands, SourceMap map)
    {
        foreach (var component in design.Components)
        {
            if (component.Location is not { } at) continue;
            var location = new SourceLocation(at.File, at.Line, at.Column);
            map.Record(ModelKeys.Component(component.Name), location);
            map.Record(ModelKeys.DagNode(component.Name), location);
            map.Record(ModelKeys.LocalConstraint(component.Name), location);
        }
        foreach (var edge in design.Dag) map.Record(ModelKeys.DagEdge(edge.From, edge.To), map.Locate(ModelKeys.Component(edge.From)));
        // The last component of a path carries the path's [GlobalExecTime].
        foreach (var path in design.GlobalConstraints.Where(p => p.Path.Count > 0))
        {
            map.Record(ModelKeys.GlobalConstraint(path.Name), map.Locate(ModelKeys.Component(path.Path[^1])));
        }
        foreach (var row in demands.Entries) map.Record($"demand-row:{row.Component}/{row.Resource}", row.Location);
    }

    /// <summary>
    /// The validator blames a partition's requirements, compatibility or demand: in a design these are the
    /// component's annotation, and a demand is its CSV row (else every such diagnostic would point at the resources file).
    /// </summary>
    private static void RecordPartitionLocations(SystemDescription system, DesignDocument design, DemandTable demands, SourceMap map)
    {
        foreach (var component in system.Components)
        {
            var at = design.Find(component.Name)?.Location is { } l ? new SourceLocation(l.File, l.Line, l.Column) : (SourceLocation?)null;
            foreach (var deployment in component.Deployments)
            {
                foreach (var partition in deployment.Partitions)
                {
                    foreach (var candidate in partition.Candidates)
                    {
                        if (demands.Of(component.Name).FirstOrDefault(d => d.Resource == candidate.Resource) is { } row)
                        {
                            map.Record(ModelKeys.Demand(component.Name, partition.Name, candidate.Resource), row.Location);
                        }
                        if (at is { } c) map.Record(ModelKeys.Candidate(component.Name, partition.Name, candidate.Resource), c);
                    }
                    if (at is not { } location) continue;
                    map.Record(ModelKeys.Deployment(component.Name, deployment.Name), location);
                    map.Record(ModelKeys.Partition(component.Name, deployment.Name, partition.Name), location);
                    map.Record(ModelKeys.Requirements(component.Name, partition.Name), location);
                    map.Record(ModelKeys.Compatibility(component.Name, partition.Name), location);
                    map.Record(ModelKeys.Performance(component.Name, partition.Name), location);
                }
            }
        }
    }

    private static SystemDescription WithDemands(SystemDescription system, ResourceSystem resources, DesignBuildInputs inputs)
    {
        var components = system.Components.Select(component =>
        {
            var shares = Shares(component, inputs.Partitionings.TryGetValue(component.Name, out var p) ? p : [], out var pieceOf);
            var deployments = component.Deployments.Select(deployment => deployment with
            {
                Partitions = deployment.Partitions.Select(partition => partition with
                {
                    Candidates = partition.Candidates.Select(candidate =>
                    {
                        var demand = inputs.Demands.Of(component.Name).First(d => d.Resource == candidate.Resource);
                        var share = shares.TryGetValue(partition.Name, out var s) ? s : 1.0;
                        var layer = pieceOf.TryGetValue(partition.Name, out var piece) ? piece.LayerDemands?.FirstOrDefault(d => d.Resource == candidate.Resource) : null;
                        return candidate with { Performance = Performance(demand, share, resources, layer?.Demand) };
                    }).ToValueList(),
                    // An early-exit network's partitions carry the probability that a request stops after them (placement-model.md §1.1).
                    EarlyExitProbability = pieceOf.TryGetValue(partition.Name, out var exitPiece) && exitPiece.EarlyExitProbability is { } exit
                        ? new Probability(exit)
                        : partition.EarlyExitProbability,
                }).ToValueList(),
            }).ToValueList();
            return component with { Deployments = deployments };
        }).ToValueList();
        return system with { Components = components };
    }

    /// <summary>Partition name (h2, h3, …) → share of the component's compute, following the converter's numbering.</summary>
    private static Dictionary<string, double> Shares(Component component, IReadOnlyList<ModelPartitioning> partitionings, out Dictionary<string, ModelPiece> pieceOf)
    {
        var result = new Dictionary<string, double>();
        pieceOf = new Dictionary<string, ModelPiece>();
        var partitioned = component.Deployments.Skip(1).ToList();
        for (var k = 0; k < partitioned.Count && k < partitionings.Count; k++)
        {
            var pieces = partitionings[k].Pieces;
            var total = pieces.Sum(p => p.ComputeShare);
            for (var i = 0; i < partitioned[k].Partitions.Count && i < pieces.Count; i++)
            {
                // Float rounding must not make a piece free; an all-zero FLOP count splits evenly.
                result[partitioned[k].Partitions[i].Name] = total > 0 ? Math.Max(pieces[i].ComputeShare / total, MinimumShare) : 1.0 / pieces.Count;
                pieceOf[partitioned[k].Partitions[i].Name] = pieces[i];
            }
        }
        return result;
    }

    /// <summary>
    /// No piece of a partitioned component is free: a zero demand would make it cost nothing and meet every threshold
    /// (why the demands CSV refuses one). FLOP shares and per-layer predictions (which clip at 0 ms, so a piece of a few
    /// cheap nodes can sum to 0) take at least this share of the component's demand on the resource.
    /// </summary>
    private const double MinimumShare = 1e-6;

    /// <param name="layerDemand">The partition's demand from a per-layer model, which replaces the FLOP share of the component's demand.</param>
    private static PerformanceModel? Performance(DemandEntry demand, double share, ResourceSystem resources, Seconds? layerDemand = null)
    {
        var layer = resources.LayerOf(demand.Resource);
        var warm = layerDemand is { } predicted
            ? new Seconds(Math.Max(predicted.Value, demand.Demand.Value * MinimumShare))
            : new Seconds(demand.Demand.Value * share);
        if (layer?.Kind == ResourceKind.Faas)
        {
            // A FaaS row without cold_ms was reported by Build before the conversion. A per-layer warm demand keeps the
            // component's cold-to-warm ratio (the model predicts warm inference only).
            var coldScale = layerDemand is { } l && demand.Demand.Value > 0 ? l.Value / demand.Demand.Value : share;
            return demand.ColdStart is { } cold ? new FaasDemand(FaasDemand.PacsltkStatic, warm, new Seconds(cold.Value * coldScale)) : null;
        }
        return new QueueingDemand(layer?.Kind == ResourceKind.EdgeDevice ? QueueingDemand.Edge : QueueingDemand.Cloud, warm);
    }
}
