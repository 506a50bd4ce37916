using AiSprint.Model.Diagnostics;
namespace AiSprint.Model.Formats.AiSprint;

/// <summary>Reads and writes common_config/candidate_resources.yaml (<c>System:</c> name and NetworkDomains).</summary>
public static class CandidateResourcesYaml
{
    /// <summary>The file's name in common_config/.</summary>
    public const string FileName = "candidate_resources.yaml";

    /// <summary>Reads the file at <paramref name="path"/>; problems come back located in the result, never thrown.</summary>
    public static LoadResult<Located<ResourceSystem>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    /// <summary>Parses <paramref name="text"/> as the file's content; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<ResourceSystem>> Read(string text, string file) => YamlInput.Run(text, file, (root, reader, map) =>
    {
        reader.Members(root, "candidate resources");
        YamlInput.CheckKeys(reader, root, FileName, "System");
        return reader.Required(root, "System", "the System mapping") is { } system
            ? ResourceSystemYaml.Read(system, reader, map, ResourceSystemDialect.CandidateResources)
            : null;
    });

    /// <summary>The file's YAML text for <paramref name="system"/>.</summary>
    public static string Write(ResourceSystem system) =>
        YamlOutput.Emit(new YamlDotNet.RepresentationModel.YamlMappingNode
        {
            { "System", ResourceSystemYamlWriter.Write(system, ResourceSystemDialect.CandidateResources) },
        });
}
