using System.Globalization;
using System.Text;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Configuration;

namespace AiSprint.Regression.Tests;

/// <summary>The same campaign written as .ini, YAML or JSON (same sections and options, typed values) gives the same result.</summary>
public class ConfigurationFormatTests
{
    public static TheoryData<string> ExampleConfigurations() =>
        new(Directory.EnumerateFiles(SharedData.PathOf("amllibrary", "example_configurations"), "*.ini").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ExampleConfigurations))]
    public void Every_example_converted_to_yaml_and_json_gives_the_identical_campaign(string name)
    {
        var ini = Examples.Configuration(name);
        var directory = Directory.CreateTempSubdirectory("aisprint-config-").FullName;
        try
        {
            var yaml = Path.Combine(directory, Path.ChangeExtension(name, ".yaml"));
            var json = Path.Combine(directory, Path.ChangeExtension(name, ".json"));
            File.WriteAllText(yaml, Convert(ini, yamlBlocks: true));
            File.WriteAllText(json, Convert(ini, yamlBlocks: false));
            var fromYaml = CampaignConfiguration.Load(yaml).GetValueOrThrow();
            var fromJson = CampaignConfiguration.Load(json).GetValueOrThrow();
            Assert.Equal(ini.Configuration with { DataPreparation = ini.Configuration.DataPreparation with { InputPath = ini.InputPath! } }, fromYaml.Configuration);
            Assert.Equal(fromYaml.Configuration, fromJson.Configuration);
            if (ini.Configuration.General.IsPredictionOnly) return;
            var expected = Fingerprint(RegressionCampaign.Run(ini));
            Assert.Equal(expected, Fingerprint(RegressionCampaign.Run(fromYaml)));
            Assert.Equal(expected, Fingerprint(RegressionCampaign.Run(fromJson)));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void Hand_written_yaml_with_plain_scalars_reads_as_the_ini_does()
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-config-").FullName;
        try
        {
            var input = SharedData.PathOf("amllibrary", "inputs", "faas_test.csv");
            var yaml = Path.Combine(directory, "faas.yml");
            File.WriteAllText(yaml, $"""
                General:
                  techniques: [LRRidge]
                  hp_selection: KFold
                  validation: HoldOut
                  folds: 5
                  hold_out_ratio: 0.2
                  y: ave_response_time
                DataPreparation:
                  input_path: {input}
                  inverse: [Lambda]
                  product_max_degree: 2
                  product_interactions_only: True
                LRRidge:
                  alpha: [0.02, 0.1, 1.0]
                """);
            var ini = Path.Combine(directory, "faas.ini");
            File.WriteAllText(ini, $"""
                [General]
                techniques = ['LRRidge']
                hp_selection = KFold
                validation = HoldOut
                folds = 5
                hold_out_ratio = 0.2
                y = "ave_response_time"
                [DataPreparation]
                input_path = {input}
                inverse = ['Lambda']
                product_max_degree = 2
                product_interactions_only = True
                [LRRidge]
                alpha = [0.02, 0.1, 1.0]
                """);
            Assert.Equal(CampaignConfiguration.Load(ini).GetValueOrThrow().Configuration, CampaignConfiguration.Load(yaml).GetValueOrThrow().Configuration);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Theory]
    [InlineData("bad.yaml", "General:\n  techniques: [LRRidge, Perceptron]\n  y: y\nDataPreparation:\n  input_path: x.csv\n", 2, "Perceptron")]
    [InlineData("bad.json", "{\n  \"General\": {\n    \"techniques\": [\"LRRidge\"],\n    \"validation\": \"Sometimes\",\n    \"y\": \"y\"\n  },\n  \"DataPreparation\": {\"input_path\": \"x.csv\"}\n}\n", 4, "Sometimes")]
    // An unclosed bracket is reported at the bracket (line 5), not where the parser gave up (the end, line 6).
    [InlineData("bad.yaml", "General:\n  techniques: [LRRidge]\n  y: y\nDataPreparation:\n  input_path: [x.csv\n", 5, "never closed")]
    [InlineData("bad.json", "{\n  \"General\": {\n    \"techniques\": [\"LRRidge\"],\n    \"y\": \"y\",\n    \"y\": \"z\"\n  }\n}\n", 5, "twice")]
    [InlineData("bad.yaml", "General:\n  techniques: [LRRidge]\n  validation: All\n  hp_selection: All\n  y: y\nDataPreparation:\n  input_path: x.csv\nLRRidge:\n  alpha: 0.1\n", 9, "alpha")]
    public void Errors_name_the_file_and_the_line(string file, string text, int line, string mention)
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-config-").FullName;
        try
        {
            var path = Path.Combine(directory, file);
            File.WriteAllText(path, text);
            var loaded = CampaignConfiguration.Load(path, directory);
            var error = loaded.Diagnostics.First(d => d.IsError);
            Assert.False(loaded.Succeeded);
            Assert.Equal(path, error.Location.File);
            Assert.Equal(line, error.Location.Line);
            Assert.Contains(mention, error.Message + error.Location);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    /// <summary>Everything a campaign reports: per run the chosen configurations and their metrics, then the final models in full.</summary>
    private static string Fingerprint(CampaignResult result)
    {
        var text = new StringBuilder();
        foreach (var run in result.Runs)
        {
            foreach (var t in run.Techniques) text.AppendLine(CultureInfo.InvariantCulture, $"{run.Run} {t.Technique} {t.Chosen} {t.Training} {t.HpSelection} {t.Validation}");
        }
        foreach (var final in result.Final) text.AppendLine(final.Model.ToJson());
        return text.Append(result.Best.Technique).ToString();
    }

    /// <summary>The .ini's sections and typed values as YAML (block sections, flow values) or JSON; input_path made absolute.</summary>
    private static string Convert(AmlConfigurationFile ini, bool yamlBlocks)
    {
        var text = new StringBuilder(yamlBlocks ? "" : "{\n");
        var sections = ini.Document.Sections;
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            text.Append(yamlBlocks ? $"{section.Name}:\n" : $"  {Quote(section.Name)}: {{\n");
            for (var o = 0; o < section.Options.Count; o++)
            {
                var option = section.Options[o];
                var value = option.Name == "input_path" && section.Name == "DataPreparation" ? new IniString(ini.InputPath!) : option.Value;
                text.Append(yamlBlocks ? $"  {option.Name}: {Flow(value)}\n" : $"    {Quote(option.Name)}: {Flow(value)}{(o < section.Options.Count - 1 ? "," : "")}\n");
            }
            if (!yamlBlocks) text.Append(s < sections.Count - 1 ? "  },\n" : "  }\n");
        }
        return text.Append(yamlBlocks ? "" : "}\n").ToString();
    }

    private static string Flow(IniValue value) => value switch
    {
        IniString s => Quote(s.Value),
        IniInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        IniFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture) is var r && (r.Contains('.') || r.Contains('E')) ? r : r + ".0",
        IniBoolean b => b.Value ? "true" : "false",
        IniNone => "null",
        IniList l => "[" + string.Join(", ", l.Items.Select(Flow)) + "]",
        IniTuple t => "[" + string.Join(", ", t.Items.Select(Flow)) + "]",
        IniDict d => "{" + string.Join(", ", d.Entries.Select(e => Quote(((IniString)e.Key).Value) + ": " + Flow(e.Value))) + "}",
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
