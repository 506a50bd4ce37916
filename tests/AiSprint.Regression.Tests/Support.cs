using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Tests;

/// <summary>Loads aMLLibrary's example configurations and data in place.</summary>
internal static class Examples
{
    public static AmlConfigurationFile Configuration(string name) =>
        AmlConfigurationReader.Load(SharedData.PathOf("amllibrary", "example_configurations", name)).GetValueOrThrow();

    public static AmlDataset Dataset(string name) =>
        AmlDatasetReader.Load(SharedData.PathOf("amllibrary", "inputs", name)).GetValueOrThrow();
}

/// <summary>Builds a configuration from .ini text whose input_path is one of the shared inputs.</summary>
internal static class InlineConfiguration
{
    public static AmlConfigurationFile From(string ini, string inputFile)
    {
        var path = SharedData.PathOf("amllibrary", "inputs", inputFile);
        var text = ini.Replace("@INPUT@", path.Replace("\\", "/"));
        var bag = new AiSprint.Model.Diagnostics.DiagnosticBag();
        var parsed = AmlConfigurationReader.Parse(text, "inline.ini", bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
        return new AmlConfigurationFile("inline.ini", parsed.Document, parsed.Configuration, path);
    }
}
