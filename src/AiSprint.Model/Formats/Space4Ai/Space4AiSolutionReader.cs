using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Space4Ai;

/// <summary>
/// Reads SPACE4AI-D solution JSON in both layouts of placement-model.md §7: the Python tool's
/// (deployment level, <c>total_cost</c> as a string, <c>"inf"</c> thresholds) and the C++ tool's
/// (no deployment level, <c>null</c> thresholds). The layout is told per component: a partition
/// object carries <c>response_time</c> directly, a deployment object does not.
/// </summary>
public static class Space4AiSolutionReader
{
    /// <summary>Reads a solution JSON (Python or C++ layout) at <paramref name="path"/>; problems come back located in the result.</summary>
    public static LoadResult<Located<Solution>> Load(string path) => JsonInput.Load<Solution>(path, Read);

    /// <summary>Parses solution <paramref name="json"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<Solution>> Parse(string json, string file) => JsonInput.Parse<Solution>(json, file, Read);

    /// <summary>Maps an already-parsed document to a solution, adding problems to <paramref name="diagnostics"/>.</summary>
    public static LoadResult<Located<Solution>> Read(DocumentNode root, string file, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(diagnostics);
        var map = new SourceMap(file);
        if (!root.IsMapping)
        {
            reader.WrongType(root, "a SPACE4AI-D solution (a mapping with components and total_cost)");
            return new(null, diagnostics.Items);
        }
        foreach (var member in root.Members.Where(m => m.Key is not ("Lambda" or "components" or "global_constraints" or "total_cost" or "feasible")))
        {
            diagnostics.Add(DiagnosticCatalog.UnknownKey, member.KeyLocation, $"'{member.Key}' is not a key of SPACE4AI-D solutions and is ignored");
        }

        var components = new List<ComponentPlacement>();
        if (reader.Required(root, "components", "the placement of each component") is { } componentsNode)
        {
            foreach (var member in reader.Members(componentsNode, "components (component → placement)"))
            {
                map.Record(ModelKeys.Component(member.Key), member.KeyLocation);
                if (ReadComponent(reader, map, member) is { } placement) components.Add(placement);
            }
        }

        var solution = new Solution(components.ToValueList())
        {
            Lambda = NodeReader.Optional(root, "Lambda") is { } l && reader.Number(l, "Lambda in req/s", min: 0) is { } lambda ? new RequestsPerSecond(lambda) : null,
            Paths = ReadPaths(reader, map, root),
            TotalCost = NodeReader.Optional(root, "total_cost") is { } c && ReadNumberOrString(reader, c, "the total cost") is { } cost ? new Money(cost) : null,
            Feasible = NodeReader.Optional(root, "feasible") is { } f ? reader.Boolean(f, "feasible") : null,
        };
        return new(new Located<Solution>(solution, map), diagnostics.Items);
    }

    private static ComponentPlacement? ReadComponent(NodeReader reader, SourceMap map, DocumentMember member)
    {
        if (!member.Value.IsMapping)
        {
            reader.WrongType(member.Value, $"the placement of {member.Key} (a mapping)");
            return null;
        }
        string? deployment = null;
        var partitions = new List<PartitionPlacement>();
        foreach (var child in member.Value.Members.Where(m => m.Key is not ("response_time" or "response_time_threshold")))
        {
            if (IsPartition(child.Value))
            {
                if (ReadPartition(reader, map, member.Key, deployment ?? "", child) is { } p) partitions.Add(p);
                continue;
            }
            if (deployment is not null)
            {
                reader.Error(DiagnosticCatalog.InvalidValue, child.KeyLocation, $"{member.Key} is placed with two deployments, {deployment} and {child.Key}; expected exactly one");
                continue;
            }
            deployment = child.Key;
            map.Record(ModelKeys.Deployment(member.Key, child.Key), child.KeyLocation);
            foreach (var partition in reader.Members(child.Value, $"the partitions of {member.Key}/{child.Key}"))
            {
                if (ReadPartition(reader, map, member.Key, child.Key, partition) is { } p) partitions.Add(p);
            }
        }
        return new ComponentPlacement(member.Key, deployment, partitions.ToValueList())
        {
            ResponseTime = NodeReader.Optional(member.Value, "response_time") is { } r ? ReadTime(reader, r, "a response time in s") : null,
            Threshold = NodeReader.Optional(member.Value, "response_time_threshold") is { } t ? ReadTime(reader, t, "a threshold in s") ?? Seconds.Infinity : null,
        };
    }

    private static bool IsPartition(DocumentNode node) => node.IsMapping && node.Member("response_time") is not null;

    private static PartitionPlacement? ReadPartition(NodeReader reader, SourceMap map, string component, string deployment, DocumentMember member)
    {
        map.Record(ModelKeys.Partition(component, deployment, member.Key), member.KeyLocation);
        var layers = reader.Members(member.Value, $"the placement of {component}/{member.Key}").Where(m => m.Key != "response_time").ToList();
        if (!member.Value.IsMapping) return null;
        if (layers.Count != 1 || !layers[0].Value.IsMapping || layers[0].Value.Members.Count != 1)
        {
            reader.Error(DiagnosticCatalog.InvalidValue, member.KeyLocation,
                $"{component}/{member.Key} must be placed on exactly one resource; expected {{layer: {{resource: {{...}}}}, response_time}}");
            return null;
        }
        var layer = layers[0];
        var resource = layer.Value.Members[0];
        var r = resource.Value;
        if (!r.IsMapping)
        {
            reader.WrongType(r, $"the resource {resource.Key} (a mapping with description, cost, memory)");
            return null;
        }
        var snapshot = new ResourceSnapshot(
            NodeReader.Optional(r, "description") is { } d ? reader.String(d, "description") : null,
            new Money(reader.RequiredNumber(r, "cost", "the resource's cost") ?? 0),
            new Megabytes(reader.RequiredNumber(r, "memory", "the resource's memory in MB", min: 0) ?? 0))
        {
            IdleTimeBeforeKill = NodeReader.Optional(r, "idle_time_before_kill") is { } i && reader.Number(i, "idle_time_before_kill", min: 0) is { } idle ? new Seconds(idle) : null,
            TransitionCost = NodeReader.Optional(r, "transition_cost") is { } tc && reader.Number(tc, "transition_cost", min: 0) is { } transition ? new Money(transition) : null,
        };
        var replicas = NodeReader.Optional(r, "number") is { } n ? reader.Integer(n, "number (replica count)", min: 1) : null;
        return new PartitionPlacement(member.Key, layer.Key, resource.Key, replicas)
        {
            ResponseTime = NodeReader.Optional(member.Value, "response_time") is { } rt ? ReadTime(reader, rt, "a response time in s") : null,
            Snapshot = snapshot,
        };
    }

    private static ValueList<PathResult> ReadPaths(NodeReader reader, SourceMap map, DocumentNode root)
    {
        if (NodeReader.Optional(root, "global_constraints") is not { } node) return ValueList<PathResult>.Empty;
        var paths = new List<PathResult>();
        foreach (var member in reader.Members(node, "global_constraints (path → result)"))
        {
            map.Record(ModelKeys.GlobalConstraint(member.Key), member.KeyLocation);
            if (!member.Value.IsMapping)
            {
                reader.WrongType(member.Value, "a path result (a mapping)");
                continue;
            }
            var components = reader.Required(member.Value, "components", "the path's components") is { } c
                ? reader.Items(c, "components").Select(i => reader.String(i, "a component name")).OfType<string>().ToValueList()
                : ValueList<string>.Empty;
            // The newer Python tool writes global_res_time; older files path_response_time_threshold.
            var thresholdNode = NodeReader.Optional(member.Value, "global_res_time") ?? NodeReader.Optional(member.Value, "path_response_time_threshold");
            if (thresholdNode is null) reader.Required(member.Value, "global_res_time", "the path's threshold in s");
            var threshold = thresholdNode is null ? null : ReadTime(reader, thresholdNode, "a threshold in s");
            paths.Add(new PathResult(member.Key, components, threshold ?? Seconds.Infinity)
            {
                ResponseTime = NodeReader.Optional(member.Value, "path_response_time") is { } t ? ReadTime(reader, t, "a response time in s") : null,
            });
        }
        return paths.ToValueList();
    }

    /// <summary>A time: a number, the string "inf" (Python) or null (C++, unconstrained).</summary>
    private static Seconds? ReadTime(NodeReader reader, DocumentNode node, string what) =>
        node.IsNull ? null : ReadNumberOrString(reader, node, what) is { } value ? new Seconds(value) : null;

    private static double? ReadNumberOrString(NodeReader reader, DocumentNode node, string what)
    {
        if (node.Shape == NodeShape.String && NodeReader.TryParseNumber(node.Text, out var parsed)) return parsed;
        return reader.Number(node, what);
    }
}
