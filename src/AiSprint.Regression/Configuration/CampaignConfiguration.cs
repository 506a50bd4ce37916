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
    /// <summary>Loads the campaign configuration at <paramref name="path"/>, choosing the reader by extension (.ini, .yaml/.yml, .json); relative paths inside it (<c>input_path</c>) resolve against <paramref name="currentDirectory"/>, or the process's current directory when null. Problems come back as located diagnostics, not exceptions.</summary>
    public static LoadResult<AmlConfigurationFile> Load(string path, string? currentDirectory = null) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => StructuredConfigurationReader.Load(path, StructuredFormat.Yaml, currentDirectory),
            ".json" => StructuredConfigurationReader.Load(path, StructuredFormat.Json, currentDirectory),
            _ => AmlConfigurationReader.Load(path, currentDirectory),
        };
}
