using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// components_data_size.yaml (OSCAR-P): the data (MB) each component sends to its successors. application_dag.yaml has
/// no data sizes; this file is where the AI-SPRINT tools keep them, so [Successor(DataSizeMb = ...)] is compared with it.
/// </summary>
internal sealed class ComponentDataSizes
{
    public const string FileName = "components_data_size.yaml";

    public ComponentDataSizes(IReadOnlyDictionary<string, (double Megabytes, Location Location)> sizes) => Sizes = sizes;

    public IReadOnlyDictionary<string, (double Megabytes, Location Location)> Sizes { get; }

    public static ParsedFile<ComponentDataSizes> Read(string path, SourceText text)
    {
        var yaml = YamlDocument.Load(path, text);
        ComponentDataSizes? value = null;
        if (yaml.Root is YamlMappingNode root)
        {
            var sizes = new Dictionary<string, (double, Location)>(StringComparer.Ordinal);
            foreach (var pair in root.Children)
            {
                var key = (pair.Key as YamlScalarNode)?.Value ?? string.Empty;
                if (yaml.Number(pair.Value, "the data size of " + key + " (MB)", 0) is { } size && !sizes.ContainsKey(key))
                {
                    sizes.Add(key, (size, yaml.At(pair.Key)));
                }
            }

            value = new ComponentDataSizes(sizes);
        }
        else if (yaml.Root is { } other)
        {
            yaml.Problem(other, FileName + " is not a mapping of component names to sizes (MB)");
        }

        return new ParsedFile<ComponentDataSizes>(path, value, yaml.Problems.ToImmutableArray());
    }
}
