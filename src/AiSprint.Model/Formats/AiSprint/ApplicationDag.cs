using AiSprint.Contract.Inputs;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>common_config/application_dag.yaml: the application's name, its components and the DAG edges.</summary>
public sealed record ApplicationDag(string Name, ValueList<string> Components, ValueList<DagEdge> Dependencies)
{
    /// <summary><c>System.alternative_components</c>: components that have alternative implementations, in file order.</summary>
    public ValueList<ComponentAlternatives> Alternatives { get; init; } = ValueList<ComponentAlternatives>.Empty;

    /// <summary>Every deployment the alternatives make (the original alone when there are none).</summary>
    public IReadOnlyList<AlternativeDeployment> Deployments() => AlternativeDeployments.Enumerate(Components, Dependencies, Alternatives);
}

/// <summary>Reads and writes application_dag.yaml (<c>dependencies: [[from, to, probability], ...]</c>).</summary>
public static class ApplicationDagYaml
{
    /// <summary>The file's name in common_config/.</summary>
    public const string FileName = "application_dag.yaml";

    /// <summary>Reads the file at <paramref name="path"/>; problems come back located in the result, never thrown.</summary>
    public static LoadResult<Located<ApplicationDag>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    /// <summary>Parses <paramref name="text"/> as the file's content; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<ApplicationDag>> Read(string text, string file) => YamlInput.Run(text, file, Build);

    private static ApplicationDag? Build(DocumentNode root, NodeReader reader, SourceMap map)
    {
        reader.Members(root, "the application DAG");
        YamlInput.CheckKeys(reader, root, "application_dag.yaml", "System");
        if (reader.Required(root, "System", "the System mapping") is not { } system) return null;
        reader.Members(system, "System");
        YamlInput.CheckKeys(reader, system, "System", "name", "components", "dependencies", "alternative_components");
        var name = YamlInput.RequiredString(reader, system, "name", "the application name") ?? "";

        var components = new List<string>();
        if (reader.Required(system, "components", "the list of component names") is { } componentsNode)
        {
            YamlInput.StringList(reader, componentsNode, "System.components", (component, item) =>
            {
                if (components.Contains(component))
                {
                    reader.Error(DiagnosticCatalog.DuplicateName, item.Location, $"component '{component}' is listed twice in System.components; expected unique names");
                    return;
                }
                components.Add(component);
                map.Record(ModelKeys.DagNode(component), item.Location);
            });
        }

        var edges = new List<DagEdge>();
        // A DAG with a single component has no dependencies; the key may then be absent or empty.
        var dependencies = NodeReader.Optional(system, "dependencies");
        foreach (var item in dependencies is null ? [] : reader.Items(dependencies, "System.dependencies", nullIsEmpty: true))
        {
            if (ReadEdge(item, reader) is not { } edge) continue;
            foreach (var (end, index) in new[] { (edge.From, 0), (edge.To, 1) })
            {
                if (!components.Contains(end))
                {
                    reader.Error(DiagnosticCatalog.UnknownComponent, item.Items[index].Location,
                        $"dependency end '{end}' is not in System.components; expected one of {string.Join(", ", components)}");
                }
            }
            map.Record(ModelKeys.DagEdge(edge.From, edge.To), item.Location);
            edges.Add(edge);
        }
        return new ApplicationDag(name, components.ToValueList(), edges.ToValueList()) { Alternatives = ReadAlternatives(system, components, reader, map) };
    }

    /// <summary><c>alternative_components: {original: [alt, ...]}</c> (aisprint-studio.md §1.1).</summary>
    private static ValueList<ComponentAlternatives> ReadAlternatives(DocumentNode system, List<string> components, NodeReader reader, SourceMap map)
    {
        if (NodeReader.Optional(system, "alternative_components") is not { IsNull: false } node) return ValueList<ComponentAlternatives>.Empty;
        var result = new List<ComponentAlternatives>();
        var names = new HashSet<string>(components, StringComparer.Ordinal);
        foreach (var member in reader.Members(node, "System.alternative_components"))
        {
            if (!components.Contains(member.Key))
            {
                var hint = NameSuggestion.Closest(member.Key, components) is { } s ? $"did you mean '{s}'? " : "";
                reader.Error(DiagnosticCatalog.UnknownAlternativeTarget, member.KeyLocation,
                    $"alternative_components names '{member.Key}', which is not in System.components; {hint}expected one of {string.Join(", ", components)}");
                continue;
            }
            var alternatives = new List<string>();
            YamlInput.StringList(reader, member.Value, $"System.alternative_components.{member.Key}", (alternative, item) =>
            {
                if (!names.Add(alternative))
                {
                    reader.Error(DiagnosticCatalog.AlternativeNameClash, item.Location,
                        $"alternative '{alternative}' of '{member.Key}' is already {(components.Contains(alternative) ? "a component" : "another alternative")}; expected a name of its own");
                    return;
                }
                alternatives.Add(alternative);
                map.Record(ModelKeys.DagNode(alternative), item.Location);
            });
            if (alternatives.Count > 0) result.Add(new ComponentAlternatives(member.Key, alternatives.ToValueList()));
        }
        return result.ToValueList();
    }

    private static DagEdge? ReadEdge(DocumentNode item, NodeReader reader)
    {
        var parts = reader.Items(item, "a dependency [from, to, probability]");
        if (!item.IsSequence) return null;
        if (parts.Count != 3)
        {
            reader.Error(DiagnosticCatalog.WrongType, item.Location, $"{item.Path} has {parts.Count} items; expected [from, to, probability]");
            return null;
        }
        var from = reader.String(parts[0], "the source component");
        var to = reader.String(parts[1], "the target component");
        var probability = reader.Number(parts[2], "the transition probability", 0, 1);
        return from is null || to is null || probability is null ? null : new DagEdge(from, to, new Probability(probability.Value));
    }

    /// <summary>The file's YAML text for <paramref name="dag"/>.</summary>
    public static string Write(ApplicationDag dag)
    {
        var dependencies = new YamlSequenceNode(dag.Dependencies.Select(e =>
            (YamlNode)new YamlSequenceNode(YamlOutput.Str(e.From), YamlOutput.Str(e.To), YamlOutput.Num(e.Probability.Value))));
        var system = new YamlMappingNode
        {
            { "name", YamlOutput.Str(dag.Name) },
            { "components", YamlOutput.Strings(dag.Components) },
            { "dependencies", dependencies },
        };
        if (dag.Alternatives.Count > 0)
        {
            var alternatives = new YamlMappingNode();
            foreach (var a in dag.Alternatives) alternatives.Add(a.Component, YamlOutput.Strings(a.Alternatives));
            system.Add("alternative_components", alternatives);
        }
        return YamlOutput.Emit(new YamlMappingNode { { "System", system } });
    }
}
