using System.Text.Json;

namespace AiSprint.Cli.Tests;

/// <summary>
/// <c>aisprint validate</c>, <c>convert</c> and <c>place</c> on an AI-SPRINT application directory whose
/// common_config/annotations.yaml gives a component the Studio's early_exits_model (aisprint-studio.md §2): the exits of
/// src/&lt;c&gt;/onnx/early_exits.csv (samples/EarlyExit's two-exit CNN) become the early-exit probabilities of the
/// component's segments.
/// </summary>
public sealed class StudioEarlyExitsTests
{
    private const string Annotations = """
        src/defect-classifier/main.py:
          component_name: {name: defect-classifier}
          exec_time: {local_time_thr: 60}
          early_exits_model: {onnx_file: ee_cnn.onnx, condition_function: confident, transition_probabilities: [0.6, 0.5]}
        src/report-writer/main.py:
          component_name: {name: report-writer}
        """;

    private static string Entry(string key, string name, string resource) => $"""
          {key}:
            name: {name}
            candidateExecutionLayers: [1, 2]
            Containers:
              container1:
                image:
                memorySize: 1024
                computingUnits: 0.9
                trustedExecution: false
                networkProtection: false
                fileSystemProtection: false
                GPURequirement: false
                candidateExecutionResources: [{resource}]

        """;

    /// <summary>A Studio directory with the classifier whole and as its three segments, and the report writer after it.</summary>
    private static string Application(string annotations = Annotations, bool segments = true)
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-studio-ee-").FullName;
        var config = Directory.CreateDirectory(Path.Combine(directory, "common_config")).FullName;
        File.WriteAllText(Path.Combine(config, "application_dag.yaml"), """
            System:
              name: defect_classification
              components: ['defect-classifier', 'report-writer']
              dependencies: [['defect-classifier', 'report-writer', 1]]
            """);
        var entries = "Components:\n" + Entry("component1", "defect-classifier", "VM1");
        if (segments)
        {
            for (var i = 1; i <= 3; i++) entries += Entry($"component1_partitionX_{i}", $"defect-classifier_partitionX_{i}", "VM1, VM2");
        }
        entries += Entry("component2", "report-writer", "VM2");
        File.WriteAllText(Path.Combine(config, "candidate_deployments.yaml"), entries);
        File.Copy(SharedData.PathOf("aisprint", "mask_detection_2_partitionable_global_constraint", "common_config", "candidate_resources.yaml"), Path.Combine(config, "candidate_resources.yaml"));
        File.WriteAllText(Path.Combine(config, "annotations.yaml"), annotations);
        var onnx = Directory.CreateDirectory(Path.Combine(directory, "src", "defect-classifier", "onnx")).FullName;
        var sample = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "EarlyExit", "models");
        File.Copy(Path.Combine(sample, "ee_cnn.onnx"), Path.Combine(onnx, "ee_cnn.onnx"));
        File.Copy(Path.Combine(sample, "early_exits.csv"), Path.Combine(onnx, "early_exits.csv"));
        return directory;
    }

    [Fact]
    public void Convert_gives_the_segments_of_an_early_exit_component_the_annotations_exit_probabilities()
    {
        var application = Application();
        var target = Path.Combine(application, "system.json");

        var (code, _, error) = ValidateCommandTests.Run("convert", application, "-o", target, "--lambda", "1");

        Assert.True(code == 0, error);
        using var system = JsonDocument.Parse(File.ReadAllText(target));
        var classifier = system.RootElement.GetProperty("Components").GetProperty("defect-classifier");
        var exits = classifier.EnumerateObject().Select(d => d.Value.EnumerateObject().Select(h => h.Value.GetProperty("early_exit_probability").GetDouble()).ToArray())
            .Single(p => p.Length == 3);
        // transition_probabilities are the probabilities of going on: an exit takes 1 - p; the last segment never exits.
        Assert.Equal([0.4, 0.5, 0], exits.Select(e => Math.Round(e, 12)));
    }

    [Fact]
    public void Validate_accepts_the_directory_and_place_places_the_segments()
    {
        var application = Application();
        var (code, text, error) = ValidateCommandTests.Run("validate", application);
        Assert.True(code == 0, text + error);
        Assert.DoesNotContain("AIS0037", error);
        Assert.DoesNotContain("AIS0038", error);

        var demands = Path.Combine(application, "demands.csv");
        File.WriteAllText(demands, "component,resource,demand_ms\ndefect-classifier,VM1,40\ndefect-classifier_partitionX_1,VM1,10\ndefect-classifier_partitionX_1,VM2,8\n" +
            "defect-classifier_partitionX_2,VM1,12\ndefect-classifier_partitionX_2,VM2,9\ndefect-classifier_partitionX_3,VM1,20\ndefect-classifier_partitionX_3,VM2,15\nreport-writer,VM2,5\n");
        var output = Path.Combine(application, "placed");
        (code, text, error) = ValidateCommandTests.Run("place", application, "-o", output, "--lambda", "1", "--demands", demands, "--iterations", "300", "--ls-iterations", "50");
        Assert.True(code == 0, text + error);
        Assert.True(File.Exists(Path.Combine(output, "solution.json")));
    }

    [Fact]
    public void Probabilities_that_do_not_match_the_exits_are_AIS0037_at_the_annotation()
    {
        var application = Application(Annotations.Replace("[0.6, 0.5]", "[0.6]"));

        var (code, _, error) = ValidateCommandTests.Run("validate", application);

        Assert.Equal(1, code);
        Assert.Contains($"{Path.Combine(application, "common_config", "annotations.yaml")}:4:", error);
        Assert.Contains("error AIS0037: defect-classifier's early_exits_model gives 1 transition probabilities but src/defect-classifier/onnx/early_exits.csv lists 2 exits", error);
    }

    [Theory]
    [InlineData("transition_probabilities: [0.6, 0.5]", "transition_probabilities: [0.6, 1.5]", "annotations.yaml:4:110: error AIS0018: src/defect-classifier/main.py.early_exits_model.transition_probabilities[1] is 1.5; expected a transition probability (of not exiting) in [0, 1]")]
    [InlineData("onnx_file: ee_cnn.onnx", "onnx_file: missing.onnx", "AIS0037: defect-classifier's early_exits_model names 'missing.onnx', which is not in src/defect-classifier/onnx/")]
    [InlineData("exec_time: {local_time_thr: 60}", "partitionable_model: {onnx_file: ee_cnn.onnx}", "AIS0037: defect-classifier is annotated both early_exits_model and partitionable_model")]
    public void A_malformed_early_exits_model_is_an_error_and_nothing_is_converted(string from, string to, string expected)
    {
        var application = Application(Annotations.Replace(from, to));
        var target = Path.Combine(application, "system.json");

        var (code, _, error) = ValidateCommandTests.Run("convert", application, "-o", target, "--lambda", "1");

        Assert.Equal(1, code);
        Assert.Contains(expected, error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void An_early_exit_component_without_its_segments_is_AIS0038_and_converts_whole()
    {
        var application = Application(segments: false);
        var target = Path.Combine(application, "system.json");

        var (code, _, error) = ValidateCommandTests.Run("convert", application, "-o", target, "--lambda", "1");

        Assert.True(code == 0, error);
        Assert.Contains("warning AIS0038: defect-classifier has 2 early exit(s) but candidate_deployments.yaml declares no deployment of 3 partitions for it", error);
        Assert.Contains("annotations.yaml:4:22: warning AIS0038", error);
    }
}
