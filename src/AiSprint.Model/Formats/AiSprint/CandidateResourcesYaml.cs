using AiSprint.Model.Diagnostics;
namespace AiSprint.Model.Formats.AiSprint;

/// <summary>Reads and writes common_config/candidate_resources.yaml (<c>System:</c> name and NetworkDomains).</summary>
public static class CandidateResourcesYaml
{
    public const string FileName = "candidate_resources.yaml";

    public static LoadResult<Located<ResourceSystem>> ReadFile(string path) => YamlInput.ReadFile(path, Read);

    public static LoadResult<Located<ResourceSystem>> Read(string text, string file) => YamlInput.Run(text, file, (root, reader, map) =>
    {
        reader.Members(root, "candidate resources");
        YamlInput.CheckKeys(reader, root, FileName, "System");
        return reader.Required(root, "System", "the System mapping") is { } system
            ? ResourceSystemYaml.Read(system, reader, map, ResourceSystemDialect.CandidateResources)
            : null;
    });

    public static string Write(ResourceSystem system) =>
        YamlOutput.Emit(new YamlDotNet.RepresentationModel.YamlMappingNode
        {
            { "System", ResourceSystemYamlWriter.Write(system, ResourceSystemDialect.CandidateResources) },
        });
}
