using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;

namespace AiSprint.Model.Tests.Formats.AiSprint;

/// <summary>Copies example 3 to a temp directory, breaks one file, and checks where the loader or converter points.</summary>
public sealed class CorruptedInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "aisprint-yaml-" + Guid.NewGuid().ToString("N"));

    public CorruptedInputTests()
    {
        var source = AiSprintData.Dir(AiSprintData.Example3);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string folder, string name) => Path.Combine(_dir, folder, name);

    /// <summary>Replaces the first line equal to <paramref name="line"/>; returns its 1-based number.</summary>
    private int ReplaceLine(string file, string line, string? replacement)
    {
        var lines = File.ReadAllLines(file).ToList();
        var index = lines.IndexOf(line);
        Assert.True(index >= 0, $"'{line}' not in {file}");
        if (replacement is null) lines.RemoveAt(index);
        else lines[index] = replacement;
        File.WriteAllLines(file, lines);
        return index + 1;
    }

    private IReadOnlyList<Diagnostic> LoadAndConvert()
    {
        var loaded = AiSprintApplicationLoader.Load(_dir);
        if (loaded.Value is null) return loaded.Diagnostics;
        var converted = AiSprintConverter.ToSystemDescription(loaded.Value, new AiSprintConversionOptions());
        return [.. loaded.Diagnostics, .. converted.Diagnostics];
    }

    private static void AssertHas(IReadOnlyList<Diagnostic> diagnostics, string code, string file, int line, int column)
    {
        Assert.Contains(diagnostics, d => d.Code == code && d.Location == new SourceLocation(file, line, column));
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_a_wrong_type_at_the_value()
    {
        var file = PathOf("common_config", "candidate_resources.yaml");
        var line = ReplaceLine(file, "              totalNodes: 5", "              totalNodes: five");
        var diagnostics = LoadAndConvert();
        AssertHas(diagnostics, "AIS0003", file, line, 27);
        Assert.Contains("expected the number of nodes (a number)", diagnostics.Single(d => d.Code == "AIS0003").Message);
    }

    [Fact]
    public void A_word_where_a_boolean_belongs_is_a_wrong_type()
    {
        var file = PathOf("common_config", "candidate_deployments.yaml");
        var line = ReplaceLine(file, "        GPURequirement: false", "        GPURequirement: maybe");
        AssertHas(LoadAndConvert(), "AIS0003", file, line, 25);
    }

    [Fact]
    public void A_deleted_key_is_reported_at_its_mapping()
    {
        var file = PathOf("common_config", "candidate_deployments.yaml");
        var line = ReplaceLine(file, "        memorySize: 1024", null);
        // The container mapping starts at its first key, image:, one line above the deleted one.
        var diagnostics = LoadAndConvert();
        AssertHas(diagnostics, "AIS0004", file, line - 1, 9);
        Assert.Contains("has no 'memorySize'", diagnostics.Single(d => d.Code == "AIS0004").Message);
    }

    [Fact]
    public void A_truncated_file_reports_the_missing_parts_and_the_components_left_without_entries()
    {
        var file = PathOf("common_config", "candidate_deployments.yaml");
        var lines = File.ReadAllLines(file);
        File.WriteAllLines(file, lines.Take(3));
        var diagnostics = LoadAndConvert();
        // component1 keeps only name: (line 3); its mapping starts there.
        AssertHas(diagnostics, "AIS0004", file, 3, 5);
        Assert.Contains(diagnostics, d => d.Code == "AIS0004" && d.Message.Contains("no entry for component 'third_component'"));
    }

    [Fact]
    public void A_file_cut_inside_a_flow_list_is_a_syntax_error()
    {
        var file = PathOf("common_config", "application_dag.yaml");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text[..text.IndexOf("'mask-detector-onnx'", StringComparison.Ordinal)]);
        var diagnostics = LoadAndConvert();
        var syntax = Assert.Single(diagnostics, d => d.Code == "AIS0002");
        Assert.Equal(file, syntax.Location.File);
        Assert.True(syntax.Location.Line >= 3, syntax.ToString());
    }

    [Fact]
    public void An_unknown_candidate_resource_is_reported_at_the_list_item()
    {
        var file = PathOf("common_config", "candidate_deployments.yaml");
        var line = ReplaceLine(file, "          - AWS-FaaS3", "          - AWS-FaaS9");
        AssertHas(LoadAndConvert(), "AIS0011", file, line, 13);
    }

    [Fact]
    public void An_unknown_layer_type_and_an_undefined_sub_domain_are_reported()
    {
        var file = PathOf("common_config", "candidate_resources.yaml");
        var typeLine = ReplaceLine(file, "            type: NativeCloudFunction", "            type: Serverless");
        var subLine = ReplaceLine(file, "      subNetworkDomains: [\"ND1\", \"ND2\"]", "      subNetworkDomains: [\"ND1\", \"ND7\"]");
        var diagnostics = LoadAndConvert();
        AssertHas(diagnostics, "AIS0018", file, typeLine, 19);
        AssertHas(diagnostics, "AIS0023", file, subLine, 34);
    }

    [Fact]
    public void A_layer_the_optimizer_settings_name_but_the_resources_lack_is_reported()
    {
        var file = PathOf("space4ai-d", "SPACE4AI-D.yaml");
        var line = ReplaceLine(file, "    - computationalLayer3", "    - computationalLayer9");
        AssertHas(LoadAndConvert(), "AIS0023", file, line, 7);
    }

    [Fact]
    public void A_missing_required_file_is_reported_not_thrown()
    {
        File.Delete(PathOf("common_config", "candidate_resources.yaml"));
        var result = AiSprintApplicationLoader.Load(_dir);
        Assert.Null(result.Value);
        Assert.Equal("AIS0001", Assert.Single(result.Diagnostics).Code);
    }
}
