using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Configuration;

/// <summary>
/// Loads a campaign configuration by its extension: aMLLibrary's .ini (read unchanged, <see cref="AmlConfigurationReader"/>),
/// or the same sections and options as YAML (.yaml, .yml) or JSON (.json) with typed values
/// (<see cref="StructuredConfigurationReader"/>). Every format ends in the same <see cref="AmlConfigurationFile"/>, so
/// a campaign does not depend on the format it was written in.
/// </summary>
public static class CampaignConfiguration
{
    public static LoadResult<AmlConfigurationFile> Load(string path, string? currentDirectory = null) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => StructuredConfigurationReader.Load(path, StructuredFormat.Yaml, currentDirectory),
            ".json" => StructuredConfigurationReader.Load(path, StructuredFormat.Json, currentDirectory),
            _ => AmlConfigurationReader.Load(path, currentDirectory),
        };
}
