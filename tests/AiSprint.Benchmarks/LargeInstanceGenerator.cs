using AiSprint.Model;
using AiSprint.Model.Units;

namespace AiSprint.Benchmarks;

/// <summary>
/// A seeded synthetic SPACE4AI-D instance of the benchmark's shape, scaled up: a layered DAG of
/// components with 1–3 deployments of 1–3 partitions, edge layers, VM layers and FaaS
/// configurations, each partition compatible with a random subset, thresholds loose enough that
/// feasible placements exist. For the "50 components and 100 candidate resources" target.
/// </summary>
internal static class LargeInstanceGenerator
{
    public static SystemDescription Generate(int components, int resources, int seed)
    {
        var random = new Random(seed);
        var layers = new List<ComputationalLayer>();
        var perLayer = 10;
        var edgeLayers = resources * 3 / 10 / perLayer;
        var vmLayers = resources * 3 / 10 / perLayer;
        var faasCount = resources - (edgeLayers + vmLayers) * perLayer;
        for (var l = 0; l < edgeLayers + vmLayers; l++)
        {
            var kind = l < edgeLayers ? ResourceKind.EdgeDevice : ResourceKind.VirtualMachine;
            var layerResources = Enumerable.Range(0, perLayer).Select(i => (Resource)new NodeResource($"{(kind == ResourceKind.EdgeDevice ? "EN" : "VM")}{l}_{i}", kind, new Megabytes(16384),
                new Money(kind == ResourceKind.EdgeDevice ? 2 + 6 * random.NextDouble() : 0.2 + 1.5 * random.NextDouble()), kind == ResourceKind.EdgeDevice ? 2 : 4)).ToValueList();
            layers.Add(new ComputationalLayer($"computationallayer{l + 1}", kind, layerResources));
        }
        var faas = Enumerable.Range(0, faasCount).Select(i => (Resource)new FaasConfiguration($"F{i}", new Megabytes(4096), new Money(0.05 + 0.5 * random.NextDouble()), new Seconds(600))).ToValueList();
        layers.Add(new ComputationalLayer($"computationallayer{layers.Count + 1}", ResourceKind.Faas, faas));
        var names = Enumerable.Range(1, components).Select(i => $"c{i}").ToList();
        var dag = new List<DagEdge>();
        for (var i = 1; i < components; i++) dag.Add(new DagEdge(names[random.Next(Math.Max(0, i - 3), i)], names[i], Probability.One));
        var fixedDag = dag.GroupBy(e => e.From).SelectMany(g => g.Select(e => e with { Probability = new Probability(1.0 / g.Count()) })).ToValueList();
        var allNodes = layers.Where(l => l.Kind != ResourceKind.Faas).SelectMany(l => l.Resources).ToList();
        var list = new List<Component>();
        var partitionNumber = 0;
        foreach (var name in names)
        {
            var successors = fixedDag.Where(e => e.From == name).Select(e => e.To).ToList();
            var deployments = new List<Deployment>();
            for (var s = 0; s < 1 + random.Next(3); s++)
            {
                var count = 1 + random.Next(3);
                var partitions = new List<Partition>();
                for (var k = 0; k < count; k++)
                {
                    partitionNumber++;
                    var candidates = allNodes.Where(_ => random.NextDouble() < 0.3)
                        .Select(r => new PartitionCandidate(r.Name, new Megabytes(512), new QueueingDemand(r.Kind == ResourceKind.EdgeDevice ? QueueingDemand.Edge : QueueingDemand.Cloud, new Seconds(0.01 + 0.05 * random.NextDouble()))))
                        .Concat(faas.Where(_ => random.NextDouble() < 0.15).Select(f => new PartitionCandidate(f.Name, new Megabytes(512), new FaasDemand(FaasDemand.Pacsltk, new Seconds(0.2), new Seconds(0.4)))))
                        .ToValueList();
                    var last = k == count - 1;
                    var outputs = last ? successors.Select(t => new DataTransfer(t, new Megabytes(1))).ToValueList() : ValueList.Of(new DataTransfer($"h{partitionNumber + 1}", new Megabytes(1)));
                    partitions.Add(new Partition($"h{partitionNumber}", new Probability(last ? 0 : 0.1), outputs, candidates));
                }
                deployments.Add(new Deployment($"s{s + 1}", partitions.ToValueList()));
            }
            list.Add(new Component(name, deployments.ToValueList()));
        }
        var allLayers = layers.Select(l => l.Name).ToValueList();
        return new SystemDescription
        {
            Name = $"synthetic-{components}x{resources}",
            Lambda = new RequestsPerSecond(1),
            Components = list.ToValueList(),
            Dag = fixedDag,
            Layers = layers.ToValueList(),
            NetworkDomains = ValueList.Of(new NetworkDomain("ND1", new Seconds(0.001), new Bandwidth(1000), allLayers)),
            LocalConstraints = names.Where((_, i) => i % 5 == 0).Select(n => new LocalConstraint(n, new Seconds(5))).ToValueList(),
            GlobalConstraints = ValueList.Of(new GlobalConstraint("p1", ValueList.Of(names[0], names[1]), new Seconds(10))),
        };
    }
}
