using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>A free-form parameter of a method (<c>specialParameters</c>: <c>tabuSize: 50</c>, <c>score: nall</c>), kept as its text.</summary>
public sealed record MethodParameter(string Name, string Value);

/// <summary>One search method SPACE4AI-D runs, in order (RandomGreedy, then e.g. TabuSearch from its best solutions).</summary>
public sealed record OptimizerMethod(string Key, string Name)
{
    /// <summary>The number of iterations of the method, or null when the file gives only a duration.</summary>
    public int? Iterations { get; init; }
    /// <summary>The time budget; the Python tool runs until both iterations and duration are used up (placement-model.md §8.1).</summary>
    public Seconds? Duration { get; init; }
    internal int? StartingPointNumber { get; init; }
    internal ValueList<MethodParameter> SpecialParameters { get; init; } = ValueList<MethodParameter>.Empty;
}

/// <summary>
/// space4ai-d/SPACE4AI-D.yaml: the horizon, which layers are edge, cloud or FaaS (null when the
/// file does not say), the methods, the seed and the verbosity.
/// </summary>
public sealed record OptimizerSettings(Hours Time, ValueList<OptimizerMethod> Methods)
{
    /// <summary>The layers listed as edge (<c>EdgeResources</c>), or null when the file does not say.</summary>
    public ValueList<string>? EdgeResources { get; init; }
    /// <summary>The layers listed as cloud (<c>CloudResources</c>), or null when the file does not say.</summary>
    public ValueList<string>? CloudResources { get; init; }
    internal ValueList<string>? FaasResources { get; init; }
    /// <summary>The random seed of the search, or null for the tool's default.</summary>
    public int? Seed { get; init; }
    /// <summary>The Python tool's verbosity (<c>verbose</c>), echoed when the file is written back; no engine reads it.</summary>
    public int? VerboseLevel { get; init; }

    /// <summary>The kind the file gives a layer (matched without case, as the Python parser does), or null.</summary>
    public ResourceKind? KindOf(string layer) =>
        Contains(EdgeResources, layer) ? ResourceKind.EdgeDevice
        : Contains(CloudResources, layer) ? ResourceKind.VirtualMachine
        : Contains(FaasResources, layer) ? ResourceKind.Faas
        : null;

    internal IEnumerable<(string Layer, ResourceKind Kind)> ListedLayers =>
        (EdgeResources ?? ValueList<string>.Empty).Select(l => (l, ResourceKind.EdgeDevice))
        .Concat((CloudResources ?? ValueList<string>.Empty).Select(l => (l, ResourceKind.VirtualMachine)))
        .Concat((FaasResources ?? ValueList<string>.Empty).Select(l => (l, ResourceKind.Faas)));

    private static bool Contains(ValueList<string>? list, string layer) =>
        list is not null && list.Any(l => string.Equals(l, layer, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Reads and writes SPACE4AI-D.yaml.</summary>
internal static class OptimizerSettingsYaml
{
    public const string FileName = "SPACE4AI-D.yaml";

    public static LoadResult<Located<OptimizerSettings>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    public static LoadResult<Located<OptimizerSettings>> Read(string text, string file) => YamlInput.Run(text, file, Build);

    private static OptimizerSettings? Build(DocumentNode root, NodeReader reader, SourceMap map)
    {
        reader.Members(root, "the SPACE4AI-D settings");
        if (!root.IsMapping) return null;
        YamlInput.CheckKeys(reader, root, FileName, "Time", "EdgeResources", "CloudResources", "FaaSResources", "Methods", "Seed", "VerboseLevel");
        var time = reader.RequiredNumber(root, "Time", "the time horizon (hours)", double.Epsilon);
        if (NodeReader.Optional(root, "Time") is { } timeNode) map.Record(ModelKeys.Time, timeNode.Location);
        ValueList<string>? Layers(string key) => NodeReader.Optional(root, key) is { } node
            ? YamlInput.StringList(reader, node, key, (layer, item) => map.Record(AiSprintKeys.OptimizerLayer(layer), item.Location))
            : null;
        var edge = Layers("EdgeResources");
        var cloud = Layers("CloudResources");
        var faas = Layers("FaaSResources");
        var methods = new List<OptimizerMethod>();
        if (reader.Required(root, "Methods", "the Methods mapping") is { } methodsNode)
        {
            foreach (var member in reader.Members(methodsNode, "Methods"))
            {
                if (OptimizerMethodReader.Read(member, reader) is { } method) methods.Add(method);
            }
        }
        int? OptionalInt(string key, string what) => NodeReader.Optional(root, key) is { } node ? reader.Integer(node, what) : null;
        var seed = OptionalInt("Seed", "the random seed");
        var verbose = OptionalInt("VerboseLevel", "the verbosity level");
        return new OptimizerSettings(new Hours(time ?? 1), methods.ToValueList())
        {
            EdgeResources = edge,
            CloudResources = cloud,
            FaasResources = faas,
            Seed = seed,
            VerboseLevel = verbose,
        };
    }


    public static string Write(OptimizerSettings settings)
    {
        var root = new YamlMappingNode { { "Time", YamlOutput.Num(settings.Time.Value) } };
        root.AddIf("EdgeResources", settings.EdgeResources is null ? null : YamlOutput.Strings(settings.EdgeResources));
        root.AddIf("CloudResources", settings.CloudResources is null ? null : YamlOutput.Strings(settings.CloudResources));
        root.AddIf("FaaSResources", settings.FaasResources is null ? null : YamlOutput.Strings(settings.FaasResources));
        var methods = new YamlMappingNode();
        foreach (var m in settings.Methods)
        {
            var node = new YamlMappingNode { { "name", YamlOutput.Str(m.Name) } };
            node.AddIf("startingPointNumber", YamlOutput.OptNum(m.StartingPointNumber));
            node.AddIf("iterations", YamlOutput.OptNum(m.Iterations));
            node.AddIf("duration", YamlOutput.OptNum(m.Duration?.Value));
            if (m.SpecialParameters.Count > 0)
            {
                var special = new YamlMappingNode();
                foreach (var p in m.SpecialParameters) special.Add(p.Name, YamlOutput.Str(p.Value));
                node.Add("specialParameters", special);
            }
            methods.Add(m.Key, node);
        }
        root.Add("Methods", methods);
        root.AddIf("Seed", YamlOutput.OptNum(settings.Seed));
        root.AddIf("VerboseLevel", YamlOutput.OptNum(settings.VerboseLevel));
        return YamlOutput.Emit(root);
    }
}
