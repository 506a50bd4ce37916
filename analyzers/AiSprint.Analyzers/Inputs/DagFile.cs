using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Analyzers.Inputs;

internal sealed class DagFileEdge
{
    public DagFileEdge(string from, string to, double probability, Location location)
    {
        From = from;
        To = to;
        Probability = probability;
        Location = location;
    }

    public string From { get; }

    public string To { get; }

    public double Probability { get; }

    public Location Location { get; }
}

/// <summary>application_dag.yaml: component names and edges <c>[from, to, probability]</c>, each with its place in the file.</summary>
internal sealed class DagFile
{
    public const string FileName = "application_dag.yaml";

    public DagFile(IReadOnlyDictionary<string, Location> components, IReadOnlyList<DagFileEdge> edges)
    {
        Components = components;
        Edges = edges;
    }

    public IReadOnlyDictionary<string, Location> Components { get; }

    public IReadOnlyList<DagFileEdge> Edges { get; }

    public DagFileEdge? Edge(string from, string to) => Edges.FirstOrDefault(e => e.From == from && e.To == to);

    public static ParsedFile<DagFile> Read(string path, SourceText text)
    {
        var yaml = YamlDocument.Load(path, text);
        var value = yaml.Root is { } root ? Build(yaml, root) : null;
        return new ParsedFile<DagFile>(path, value, yaml.Problems.ToImmutableArray());
    }

    private static DagFile? Build(YamlDocument yaml, YamlNode root)
    {
        if (yaml.Required(root, "System", FileName) is not { } system
            || yaml.Required(system, "components", "System") is not { } componentsNode)
        {
            return null;
        }

        var components = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var item in Items(yaml, componentsNode, "System.components"))
        {
            if (yaml.String(item, "a component name") is { } name)
            {
                if (components.ContainsKey(name))
                {
                    yaml.Problem(item, "component '" + name + "' is listed twice in System.components; expected unique names");
                }
                else
                {
                    components.Add(name, yaml.At(item));
                }
            }
        }

        var edges = new List<DagFileEdge>();
        if (yaml.Member(system, "dependencies") is { } dependencies)
        {
            foreach (var item in Items(yaml, dependencies, "System.dependencies"))
            {
                if (item is not YamlSequenceNode { Children.Count: 3 } edge)
                {
                    yaml.Problem(item, "a dependency is not [from, to, probability]");
                    continue;
                }

                var from = yaml.String(edge.Children[0], "the source component");
                var to = yaml.String(edge.Children[1], "the target component");
                var probability = yaml.Number(edge.Children[2], "the transition probability", 0);
                if (from is not null && to is not null && probability is not null)
                {
                    edges.Add(new DagFileEdge(from, to, probability.Value, yaml.At(item)));
                }
            }
        }

        return new DagFile(components, edges);
    }

    private static IEnumerable<YamlNode> Items(YamlDocument yaml, YamlNode node, string where)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        if (node is not YamlScalarNode scalar || !YamlDocument.IsNull(scalar))
        {
            yaml.Problem(node, where + " is not a list");
        }

        return Array.Empty<YamlNode>();
    }
}
