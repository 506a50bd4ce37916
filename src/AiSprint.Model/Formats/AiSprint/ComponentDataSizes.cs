using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// oscarp/components_data_size.yaml: the data each component (<c>name</c>) or partition
/// (<c>name_partition1_i</c>) sends on, in MB (the SPACE4AI-D convention, placement-model.md §1.1).
/// </summary>
public sealed record ComponentDataSizes(ValueList<KeyValuePair<string, Megabytes>> Sizes)
{
    /// <summary>The size of the data the component or partition with this key sends on, or null when the file does not list it.</summary>
    public Megabytes? Of(string key)
    {
        foreach (var (k, size) in Sizes)
        {
            if (k == key) return size;
        }
        return null;
    }
}

/// <summary>Reads and writes components_data_size.yaml (a flat mapping of names to sizes).</summary>
public static class ComponentDataSizesYaml
{
    /// <summary>The file's name in oscarp/.</summary>
    public const string FileName = "components_data_size.yaml";

    /// <summary>Reads the file at <paramref name="path"/>; problems come back located in the result, never thrown.</summary>
    public static LoadResult<Located<ComponentDataSizes>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    /// <summary>Parses <paramref name="text"/> as the file's content; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<ComponentDataSizes>> Read(string text, string file) => YamlInput.Run(text, file, (root, reader, map) =>
    {
        var sizes = new List<KeyValuePair<string, Megabytes>>();
        foreach (var member in reader.Members(root, "the data sizes (name: MB)"))
        {
            if (reader.Number(member.Value, $"the data size of {member.Key} (MB)", 0) is { } size)
            {
                map.Record(AiSprintKeys.DataSize(member.Key), member.KeyLocation);
                sizes.Add(new(member.Key, new Megabytes(size)));
            }
        }
        return new ComponentDataSizes(sizes.ToValueList());
    });

    /// <summary>The file's YAML text for <paramref name="sizes"/>.</summary>
    public static string Write(ComponentDataSizes sizes)
    {
        var node = new YamlMappingNode();
        foreach (var (key, size) in sizes.Sizes) node.Add(key, YamlOutput.Num(size.Value));
        return YamlOutput.Emit(node);
    }
}
