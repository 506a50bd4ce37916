using AiSprint.Contract.Inputs;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Space4Ai;

/// <summary>
/// Reads SPACE4AI-D system descriptions: the design-time tool's JSON (old schema with
/// <c>DemandMatrix</c>, scalar <c>next</c>/<c>data_size</c> and partition <c>memory</c>) and the
/// C++ implementation's benchmark schema (<c>Performance</c>, list <c>next</c>/<c>data_size</c>,
/// memory in <c>CompatibilityMatrix</c>). Units as placement-model.md §1 gives them: seconds,
/// megabytes, req/s; <c>Bandwidth</c> in MB/s (the convention the recorded solutions follow, §4).
/// </summary>
public static class Space4AiSystemReader
{
    internal static readonly string[] KnownKeys =
    [
        "DirectedAcyclicGraph", "Components", "EdgeResources", "CloudResources", "FaaSResources",
        "CompatibilityMatrix", "Performance", "DemandMatrix", "Lambda", "LocalConstraints",
        "GlobalConstraints", "NetworkTechnology", "Time",
    ];

    /// <summary>Reads a SPACE4AI-D system_description.json at <paramref name="path"/>; problems come back located in the result.</summary>
    public static LoadResult<Located<SystemDescription>> Load(string path) => JsonInput.Load<SystemDescription>(path, Read);

    /// <summary>Parses system description <paramref name="json"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<SystemDescription>> Parse(string json, string file) => JsonInput.Parse<SystemDescription>(json, file, Read);

    /// <summary>Maps a parsed document; also used by the CLI after it sniffed the document's kind.</summary>
    public static LoadResult<Located<SystemDescription>> Read(DocumentNode root, string file, DiagnosticBag diagnostics)
    {
        var context = new ReadContext(new NodeReader(diagnostics), new SourceMap(file));
        var members = context.Reader.Members(root, "a SPACE4AI-D system description");
        if (!root.IsMapping) return new(null, diagnostics.Items);
        foreach (var member in members)
        {
            if (!KnownKeys.Contains(member.Key))
            {
                var hint = NameSuggestion.Closest(member.Key, KnownKeys) is { } s ? $" (did you mean '{s}'?)" : "";
                diagnostics.Add(DiagnosticCatalog.UnknownKey, member.KeyLocation, $"'{member.Key}' is not a SPACE4AI-D key and is ignored{hint}");
            }
        }

        var layers = new List<ComputationalLayer>();
        ReadNodeLayers(context, root, "EdgeResources", ResourceKind.EdgeDevice, layers);
        ReadNodeLayers(context, root, "CloudResources", ResourceKind.VirtualMachine, layers);
        ReadFaasLayers(context, root, layers);

        var components = Space4AiComponentReader.Read(context, root, layers);
        var system = new SystemDescription
        {
            Lambda = new RequestsPerSecond(ReadScalar(context, root, "Lambda", "the arrival rate Lambda in req/s", ModelKeys.Lambda, required: true) ?? 0),
            Time = new Hours(ReadScalar(context, root, "Time", "the horizon Time in hours", ModelKeys.Time, required: false, min: double.Epsilon) ?? 1),
            Components = components,
            Dag = ReadDag(context, root),
            Layers = layers.ToValueList(),
            NetworkDomains = ReadNetwork(context, root),
            LocalConstraints = ReadLocalConstraints(context, root),
            GlobalConstraints = ReadGlobalConstraints(context, root),
        };
        return new(new Located<SystemDescription>(system, context.Map), diagnostics.Items);
    }

    private static double? ReadScalar(ReadContext context, DocumentNode root, string key, string what, string mapKey, bool required, double min = 0)
    {
        var node = required ? context.Reader.Required(root, key, what) : NodeReader.Optional(root, key);
        if (node is null) return null;
        context.Map.Record(mapKey, node.Location);
        return context.Reader.Number(node, what, min);
    }

    private static void ReadNodeLayers(ReadContext context, DocumentNode root, string section, ResourceKind kind, List<ComputationalLayer> layers)
    {
        if (NodeReader.Optional(root, section) is not { } node) return;
        var reader = context.Reader;
        var device = kind == ResourceKind.EdgeDevice ? "edge device" : "VM type";
        foreach (var layer in reader.Members(node, $"{section} (layer → resources)"))
        {
            context.Map.Record(ModelKeys.Layer(layer.Key), layer.KeyLocation);
            var resources = new List<Resource>();
            foreach (var entry in reader.Members(layer.Value, $"the resources of {layer.Key}"))
            {
                context.Map.Record(ModelKeys.Resource(entry.Key), entry.KeyLocation);
                var r = entry.Value;
                if (!r.IsMapping)
                {
                    reader.WrongType(r, $"the {device} {entry.Key} (a mapping with number, cost, memory)");
                    continue;
                }
                var number = reader.Required(r, "number", $"the largest number of nodes of {entry.Key}") is { } n ? reader.Integer(n, "number", min: 1) : null;
                var cost = reader.RequiredNumber(r, "cost", $"the hourly cost of {entry.Key}", min: 0);
                var memory = reader.RequiredNumber(r, "memory", $"the memory of {entry.Key} in MB", min: 0);
                var cores = NodeReader.Optional(r, "n_cores") is { } c ? reader.Integer(c, "n_cores", min: 1) : null;
                var description = NodeReader.Optional(r, "description") is { } d ? reader.String(d, "description") : null;
                resources.Add(new NodeResource(entry.Key, kind, new Megabytes(memory ?? 0), new Money(cost ?? 0), number ?? 1)
                {
                    Cores = cores,
                    Description = description,
                });
            }
            layers.Add(new ComputationalLayer(layer.Key, kind, resources.ToValueList()));
        }
    }

    private static void ReadFaasLayers(ReadContext context, DocumentNode root, List<ComputationalLayer> layers)
    {
        if (NodeReader.Optional(root, "FaaSResources") is not { } node) return;
        var reader = context.Reader;
        // transition_cost sits beside the configurations at layer level (placement-model.md §1); the
        // design-time tool's files put it one level up, beside the layers (wind-farm/system.json).
        var sharedTransition = NodeReader.Optional(node, "transition_cost") is { } shared ? reader.Number(shared, "transition_cost", min: 0) : null;
        foreach (var layer in reader.Members(node, "FaaSResources (layer → FaaS configurations)"))
        {
            if (layer.Key == "transition_cost") continue;
            context.Map.Record(ModelKeys.Layer(layer.Key), layer.KeyLocation);
            var transition = NodeReader.Optional(layer.Value, "transition_cost") is { } t ? reader.Number(t, "transition_cost", min: 0) : sharedTransition;
            var resources = new List<Resource>();
            foreach (var entry in reader.Members(layer.Value, $"the FaaS configurations of {layer.Key}"))
            {
                if (entry.Key == "transition_cost") continue;
                context.Map.Record(ModelKeys.Resource(entry.Key), entry.KeyLocation);
                var r = entry.Value;
                if (!r.IsMapping)
                {
                    reader.WrongType(r, $"the FaaS configuration {entry.Key} (a mapping with cost, memory, idle_time_before_kill)");
                    continue;
                }
                var cost = reader.RequiredNumber(r, "cost", $"the cost of {entry.Key}", min: 0);
                var memory = reader.RequiredNumber(r, "memory", $"the memory of {entry.Key} in MB", min: 0);
                var idle = reader.RequiredNumber(r, "idle_time_before_kill", $"the idle time before {entry.Key} is killed, in s", min: 0);
                var description = NodeReader.Optional(r, "description") is { } d ? reader.String(d, "description") : null;
                resources.Add(new FaasConfiguration(entry.Key, new Megabytes(memory ?? 0), new Money(cost ?? 0), new Seconds(idle ?? 0))
                {
                    Description = description,
                    TransitionCost = new Money(transition ?? 0),
                });
            }
            layers.Add(new ComputationalLayer(layer.Key, ResourceKind.Faas, resources.ToValueList()));
        }
    }

    private static ValueList<DagEdge> ReadDag(ReadContext context, DocumentNode root)
    {
        if (context.Reader.Required(root, "DirectedAcyclicGraph", "the application DAG") is not { } node) return ValueList<DagEdge>.Empty;
        var reader = context.Reader;
        var edges = new List<DagEdge>();
        foreach (var member in reader.Members(node, "the DAG (component → next, transition_probability)"))
        {
            context.Map.Record(ModelKeys.DagNode(member.Key), member.KeyLocation);
            if (!member.Value.IsMapping)
            {
                reader.WrongType(member.Value, "a mapping with next and transition_probability");
                continue;
            }
            var next = reader.Required(member.Value, "next", $"the successors of {member.Key}") is { } n ? reader.Items(n, "next") : [];
            var probabilities = reader.Required(member.Value, "transition_probability", $"the transition probabilities of {member.Key}") is { } p
                ? reader.Items(p, "transition_probability")
                : [];
            if (next.Count != probabilities.Count && probabilities.Count > 0)
            {
                reader.Error(DiagnosticCatalog.InvalidValue, member.Value.Location,
                    $"{member.Key} lists {next.Count} successor(s) but {probabilities.Count} transition probabilities; expected one probability per successor");
            }
            for (var i = 0; i < next.Count; i++)
            {
                var to = reader.String(next[i], "a successor component name");
                var probability = i < probabilities.Count ? reader.Number(probabilities[i], "a transition probability", 0, 1) : null;
                if (to is null) continue;
                context.Map.Record(ModelKeys.DagEdge(member.Key, to), next[i].Location);
                edges.Add(new DagEdge(member.Key, to, new Probability(probability ?? 0)));
            }
        }
        return edges.ToValueList();
    }

    private static ValueList<NetworkDomain> ReadNetwork(ReadContext context, DocumentNode root)
    {
        if (NodeReader.Optional(root, "NetworkTechnology") is not { } node) return ValueList<NetworkDomain>.Empty;
        var reader = context.Reader;
        var domains = new List<NetworkDomain>();
        foreach (var member in reader.Members(node, "NetworkTechnology (domain → layers, AccessDelay, Bandwidth)"))
        {
            context.Map.Record(ModelKeys.Domain(member.Key), member.KeyLocation);
            var d = member.Value;
            if (!d.IsMapping)
            {
                reader.WrongType(d, "a network domain (a mapping with computationallayers, AccessDelay, Bandwidth)");
                continue;
            }
            // The C++ instances spell the key in lower case, the current Python tool in camel case (§1).
            var layersNode = NodeReader.Optional(d, "computationallayers") ?? NodeReader.Optional(d, "computationalLayers");
            if (layersNode is null) reader.Required(d, "computationallayers", "the layers this domain connects");
            var layerNames = new List<string>();
            foreach (var item in layersNode is null ? [] : reader.Items(layersNode, "computationallayers"))
            {
                if (reader.String(item, "a computational layer name") is { } name)
                {
                    layerNames.Add(name);
                    context.Map.Record(ModelKeys.DomainLayer(member.Key, name), item.Location);
                }
            }
            var delay = reader.RequiredNumber(d, "AccessDelay", "the access delay in s", min: 0);
            var bandwidth = reader.RequiredNumber(d, "Bandwidth", "the bandwidth in MB/s", min: double.Epsilon);
            domains.Add(new NetworkDomain(member.Key, new Seconds(delay ?? 0), new Bandwidth(bandwidth ?? 1), layerNames.ToValueList()));
        }
        return domains.ToValueList();
    }

    private static ValueList<LocalConstraint> ReadLocalConstraints(ReadContext context, DocumentNode root)
    {
        if (NodeReader.Optional(root, "LocalConstraints") is not { } node) return ValueList<LocalConstraint>.Empty;
        var reader = context.Reader;
        var constraints = new List<LocalConstraint>();
        foreach (var member in reader.Members(node, "LocalConstraints (component → local_res_time)"))
        {
            context.Map.Record(ModelKeys.LocalConstraint(member.Key), member.KeyLocation);
            var threshold = reader.RequiredNumber(member.Value, "local_res_time", $"the response-time threshold of {member.Key} in s", min: double.Epsilon);
            if (!member.Value.IsMapping) reader.WrongType(member.Value, "a mapping with local_res_time");
            if (threshold is not null) constraints.Add(new LocalConstraint(member.Key, new Seconds(threshold.Value)));
        }
        return constraints.ToValueList();
    }

    private static ValueList<GlobalConstraint> ReadGlobalConstraints(ReadContext context, DocumentNode root)
    {
        if (NodeReader.Optional(root, "GlobalConstraints") is not { } node) return ValueList<GlobalConstraint>.Empty;
        var reader = context.Reader;
        var constraints = new List<GlobalConstraint>();
        foreach (var member in reader.Members(node, "GlobalConstraints (path → components, global_res_time)"))
        {
            context.Map.Record(ModelKeys.GlobalConstraint(member.Key), member.KeyLocation);
            if (!member.Value.IsMapping)
            {
                reader.WrongType(member.Value, "a mapping with components and global_res_time");
                continue;
            }
            var path = new List<string>();
            var items = reader.Required(member.Value, "components", $"the components of path {member.Key}") is { } c ? reader.Items(c, "components") : [];
            foreach (var item in items)
            {
                if (reader.String(item, "a component name") is { } name)
                {
                    context.Map.Record(ModelKeys.GlobalConstraintMember(member.Key, path.Count), item.Location);
                    path.Add(name);
                }
            }
            var threshold = reader.RequiredNumber(member.Value, "global_res_time", $"the response-time threshold of {member.Key} in s", min: double.Epsilon);
            if (threshold is not null) constraints.Add(new GlobalConstraint(member.Key, path.ToValueList(), new Seconds(threshold.Value)));
        }
        return constraints.ToValueList();
    }
}

/// <summary>State shared by the parts of one read.</summary>
internal sealed record ReadContext(NodeReader Reader, SourceMap Map);
