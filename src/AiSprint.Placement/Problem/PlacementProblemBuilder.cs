using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Units;
using AiSprint.Model.Validation;
using AiSprint.Placement.Queueing;

namespace AiSprint.Placement.Problem;

/// <summary>
/// Compiles a validated <see cref="SystemDescription"/> into a <see cref="PlacementProblem"/>.
/// Refuses a design with validation errors, or one whose demands it cannot evaluate.
/// </summary>
public static class PlacementProblemBuilder
{
    /// <param name="lambda">Overrides the system's Lambda (the benchmark files hold 0.1 and are run at 1.8).</param>
    public static LoadResult<PlacementProblem> Build(SystemDescription system, SourceMap map, RequestsPerSecond? lambda = null)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(SystemValidator.Validate(system, map).Where(d => d.IsError));
        var whole = SourceLocation.WholeFile(map.DefaultFile);
        if (!system.Components.SelectMany(c => c.AllPartitions).SelectMany(p => p.Candidates).Any(c => c.Performance is not null))
        {
            diagnostics.Add(DiagnosticCatalog.MissingDemand, whole, "the design has no demands, so no placement can be evaluated; profile the components first");
        }
        if (diagnostics.HasErrors) return new(null, diagnostics.Items);

        var names = system.Components.Select(c => c.Name).ToList();
        var order = ArrivalRates.TopologicalOrder(names, system.Dag)!;
        var rate = lambda ?? system.Lambda;
        var componentRates = ArrivalRates.ComponentRates(names, system.Dag, order, rate);

        var layers = system.Layers.Select(l => l.Name).ToList();
        var resources = system.Layers.SelectMany((layer, l) => layer.Resources.Select(r => ToSlot(r, layer, l))).ToList();
        var resourceIndex = resources.Select((r, i) => (r.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var componentIndex = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var faasTimes = new Dictionary<(double, double, double, double), Seconds>();

        var components = new List<ComponentSlot>();
        for (var c = 0; c < system.Components.Count; c++)
        {
            var component = system.Components[c];
            var successors = system.Successors(component.Name).Select(e => componentIndex[e.To]).ToList();
            var deployments = component.Deployments.Select(d => new DeploymentSlot(d.Name,
                PartitionSlots(d, componentRates[c], system.Time, resourceIndex, componentIndex, resources, faasTimes, diagnostics, component.Name, map))).ToList();
            var local = system.LocalConstraints.FirstOrDefault(l => l.Component == component.Name)?.MaxResponseTime ?? Seconds.Infinity;
            components.Add(new ComponentSlot(component.Name, componentRates[c], deployments, successors, local));
        }
        var paths = system.GlobalConstraints.Select(g => new PathSlot(g.Name, g.Path.Select(p => componentIndex[p]).ToList(), g.MaxResponseTime)).ToList();
        if (diagnostics.HasErrors) return new(null, diagnostics.Items);
        var problem = new PlacementProblem(system, rate, components, order, resources, layers, new NetworkRoutes(layers, system.NetworkDomains), paths);
        return new(problem, diagnostics.Items);
    }

    private static ResourceSlot ToSlot(Resource resource, ComputationalLayer layer, int index) => resource switch
    {
        NodeResource node => new ResourceSlot(node.Name, node.Kind, index, layer.Name, node.Memory, node.CostPerHour, node.MaxNodes, node),
        FaasConfiguration faas => new ResourceSlot(faas.Name, ResourceKind.Faas, index, layer.Name, faas.Memory, faas.Cost, int.MaxValue, faas),
        _ => throw new ArgumentException($"unknown resource type {resource.GetType().Name}"),
    };

    private static List<PartitionSlot> PartitionSlots(Deployment deployment, RequestsPerSecond componentRate, Hours time, Dictionary<string, int> resourceIndex,
        Dictionary<string, int> componentIndex, List<ResourceSlot> resources, Dictionary<(double, double, double, double), Seconds> faasTimes,
        DiagnosticBag diagnostics, string component, SourceMap map)
    {
        var slots = new List<PartitionSlot>();
        var partitionRate = componentRate.Value;
        var reach = 1.0;
        for (var k = 0; k < deployment.Partitions.Count; k++)
        {
            var partition = deployment.Partitions[k];
            var last = k == deployment.Partitions.Count - 1;
            var trusted = partition.Requirements?.TrustedExecution ?? false;
            var candidates = new List<CandidateSlot>();
            foreach (var candidate in partition.Candidates)
            {
                var r = resourceIndex[candidate.Resource];
                // Trusted execution narrows compatibility (design document §3): SGX, or secure and measured boot.
                if (trusted && !SystemValidator.CanRunTrusted(resources[r].Source)) continue;
                var memory = candidate.Memory ?? Megabytes.Zero;
                switch (candidate.Performance)
                {
                    case QueueingDemand q:
                        candidates.Add(new CandidateSlot(r, memory, q.Demand, Seconds.Zero, q.Demand.Value * partitionRate, 0) { Layer = resources[r].Layer, Kind = resources[r].Kind });
                        break;
                    case FaasDemand f:
                        var idle = ((FaasConfiguration)resources[r].Source).IdleTimeBeforeKill;
                        var cost = resources[r].UnitCost.Value * f.Warm.Value * componentRate.Value * time.Value;
                        candidates.Add(new CandidateSlot(r, memory, f.Warm, FaasTime(componentRate, f, idle, faasTimes), 0, cost) { Layer = resources[r].Layer, Kind = resources[r].Kind });
                        break;
                    default:
                        diagnostics.Add(DiagnosticCatalog.MissingDemand, map.Locate(ModelKeys.Demand(component, partition.Name, candidate.Resource)),
                            candidate.Performance is ExternalPerformanceModel e
                                ? $"{component}/{partition.Name} on {candidate.Resource} uses the performance model {e.ModelName}, which the placement engine cannot evaluate; expected QTedge, QTcloud or PACSLTK demands (train a regression model and predict them)"
                                : $"{component}/{partition.Name} has no demand on {candidate.Resource}");
                        break;
                }
            }
            var toNext = last ? Megabytes.Zero : partition.Outputs.FirstOrDefault()?.Size ?? Megabytes.Zero;
            var toSuccessors = last
                ? partition.Outputs.Where(o => componentIndex.ContainsKey(o.Target)).GroupBy(o => componentIndex[o.Target]).ToDictionary(g => g.Key, g => g.First().Size)
                : new Dictionary<int, Megabytes>();
            slots.Add(new PartitionSlot(partition.Name, new RequestsPerSecond(partitionRate), reach, partition.EarlyExitProbability, toNext, toSuccessors, candidates, trusted));
            partitionRate *= 1 - partition.EarlyExitProbability.Value;
            reach *= 1 - partition.EarlyExitProbability.Value;
        }
        return slots;
    }

    /// <summary>
    /// The serverless model at the component rate λ_c, as the authors' recorded solutions do
    /// (placement-model.md §3.2). An unreachable component (λ_c = 0) takes the λ → 0 limit, the
    /// cold demand.
    /// </summary>
    private static Seconds FaasTime(RequestsPerSecond rate, FaasDemand demand, Seconds idle, Dictionary<(double, double, double, double), Seconds> cache)
    {
        if (rate.Value <= 0) return demand.Cold;
        var key = (rate.Value, demand.Warm.Value, demand.Cold.Value, idle.Value);
        if (!cache.TryGetValue(key, out var time))
        {
            time = ServerlessPerformanceModel.Solve(rate, demand.Warm, demand.Cold, idle).AverageResponseTime;
            cache[key] = time;
        }
        return time;
    }
}
