using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>common_config/application_dag.yaml: the application's name, its components and the DAG edges.</summary>
public sealed record ApplicationDag(string Name, ValueList<string> Components, ValueList<DagEdge> Dependencies);

/// <summary>Reads and writes application_dag.yaml (<c>dependencies: [[from, to, probability], ...]</c>).</summary>
public static class ApplicationDagYaml
{
    public const string FileName = "application_dag.yaml";

    public static LoadResult<Located<ApplicationDag>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    public static LoadResult<Located<ApplicationDag>> Read(string text, string file) => YamlInput.Run(text, file, Build);

    private static ApplicationDag? Build(DocumentNode root, NodeReader reader, SourceMap map)
    {
        reader.Members(root, "the application DAG");
        YamlInput.CheckKeys(reader, root, "application_dag.yaml", "System");
        if (reader.Required(root, "System", "the System mapping") is not { } system) return null;
        reader.Members(system, "System");
        YamlInput.CheckKeys(reader, system, "System", "name", "components", "dependencies");
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
        return new ApplicationDag(name, components.ToValueList(), edges.ToValueList());
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
        return YamlOutput.Emit(new YamlMappingNode { { "System", system } });
    }
}
