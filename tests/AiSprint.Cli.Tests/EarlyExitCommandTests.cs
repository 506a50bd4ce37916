namespace AiSprint.Cli.Tests;

/// <summary><c>aisprint partition --early-exits</c> on the sample's two-exit network (samples/EarlyExit/models).</summary>
public sealed class EarlyExitCommandTests
{
    private static string Sample(string file) => Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "EarlyExit", "models", file);

    [Fact]
    public void Partition_at_the_exits_writes_three_partitions_with_exit_probabilities_that_verify_in_onnx_runtime()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("aisprint-ee-").FullName, "parts");

        var (code, output, error) = ValidateCommandTests.Run("partition", Sample("ee_cnn.onnx"), "-o", directory,
            "--early-exits", Sample("early_exits.csv"), "--transition-probabilities", "0.6,0.5", "--verify");

        Assert.True(code == 0, error + output);
        Assert.Contains("ee_cnn: 3 partitions at 2 early exits", output);
        Assert.Contains("exit probability 0.4, head exit1_logits", output);
        Assert.Contains("exit probability 0.5, head exit2_logits", output);
        Assert.Contains("verification: passed", output);
        Assert.Equal(3, Directory.GetFiles(directory, "partition_*_of_3.onnx").Length);
    }

    [Fact]
    public void An_unknown_exit_tensor_is_a_located_AIS0035_and_nothing_is_written()
    {
        var root = Directory.CreateTempSubdirectory("aisprint-ee-").FullName;
        var exits = Path.Combine(root, "early_exits.csv");
        File.WriteAllText(exits, "exits,input_nodes,output_nodes\n1,['stage9'],['exit1_logits']\n");

        var (code, _, error) = ValidateCommandTests.Run("partition", Sample("ee_cnn.onnx"), "-o", Path.Combine(root, "parts"),
            "--early-exits", exits, "--transition-probabilities", "0.6");

        Assert.Equal(1, code);
        Assert.Contains($"{exits}:2:3: error AIS0035: attach tensor (input_nodes) 'stage9' is not a tensor of ee_cnn.onnx", error);
        Assert.False(Directory.Exists(Path.Combine(root, "parts")));
    }

    [Fact]
    public void Another_number_of_probabilities_than_exits_is_AIS0127()
    {
        var root = Directory.CreateTempSubdirectory("aisprint-ee-").FullName;

        var (code, _, error) = ValidateCommandTests.Run("partition", Sample("ee_cnn.onnx"), "-o", Path.Combine(root, "parts"),
            "--early-exits", Sample("early_exits.csv"), "--transition-probabilities", "0.6");

        Assert.Equal(1, code);
        Assert.Contains("error AIS0127: 1 transition probabilities for 2 exits", error);
    }
}

/// <summary><c>aisprint deploy</c> with an early-exit manifest and measured exit counts.</summary>
public sealed class EarlyExitDeployTests
{
    private const string Design = """
        {
          "schema": "aisprint-design/1", "assembly": "EarlyExit",
          "components": [ { "name": "defect-classifier", "method": "C.Classify", "location": { "file": "C.cs", "line": 3, "column": 5 },
            "security": null, "partitionable": null, "expectedRequestsPerSecond": 2, "deviceConstraints": null,
            "earlyExits": { "onnxPath": "models/ee_cnn.onnx", "exitsFile": "models/early_exits.csv", "conditionMethod": "Confident", "transitionProbabilities": [0.6, 0.5] } } ],
          "dag": [], "localConstraints": [ { "component": "defect-classifier", "thresholdMs": 60 } ], "globalConstraints": []
        }
        """;

    private static (string Root, string[] Arguments) Prepare(string counts)
    {
        var root = Directory.CreateTempSubdirectory("aisprint-ee-deploy-").FullName;
        string Sample(string file) => Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "EarlyExit", "models", file);
        var parts = Path.Combine(root, "parts");
        var (code, _, error) = ValidateCommandTests.Run("partition", Sample("ee_cnn.onnx"), "-o", parts, "--early-exits", Sample("early_exits.csv"), "--transition-probabilities", "0.6,0.5");
        Assert.True(code == 0, error);
        File.WriteAllText(Path.Combine(root, "design.json"), Design);
        File.WriteAllText(Path.Combine(root, "demands.csv"), "component,resource,demand_ms\ndefect-classifier,VM1,40\ndefect-classifier,VM2,30\n");
        File.WriteAllText(Path.Combine(root, "counts.csv"), counts);
        return (root, ["deploy", Path.Combine(root, "design.json"), "--resources",
            SharedData.PathOf("aisprint", "mask_detection_2_partitionable_global_constraint", "common_config", "candidate_resources.yaml"),
            "--demands", Path.Combine(root, "demands.csv"), "--partition", "defect-classifier=" + Path.Combine(parts, "manifest.json"),
            "--exit-counts", Path.Combine(root, "counts.csv"), "-o", Path.Combine(root, "aisprint")]);
    }

    [Fact]
    public void Counts_for_another_number_of_exits_are_an_AIS0079_warning_and_the_declared_probabilities_are_placed()
    {
        var (root, arguments) = Prepare("component,exit,requests\ndefect-classifier,1,10\ndefect-classifier,5,3\n");

        var (code, _, error) = ValidateCommandTests.Run(arguments);

        Assert.True(code == 0, error);
        Assert.Contains("warning AIS0079: the counts of defect-classifier name exit 5, but its network has 2 exits", error);
        var report = File.ReadAllText(Path.Combine(root, "aisprint", "deployment", "report.txt"));
        Assert.Contains("    partition 1: exit 1, exit probability declared 0.4\n", report);
        Assert.Contains("\"early_exit_probability\": 0.4", File.ReadAllText(Path.Combine(root, "aisprint", "design", "system_description.json")));
    }

    [Fact]
    public void An_exit_no_counted_request_reached_keeps_its_declared_probability_the_other_is_measured()
    {
        var (root, arguments) = Prepare("component,exit,requests\ndefect-classifier,1,10\n");

        var (code, _, error) = ValidateCommandTests.Run(arguments);

        Assert.True(code == 0, error);
        Assert.Contains("warning AIS0079: no counted request of defect-classifier reached exit 2; its declared probability stays", error);
        var report = File.ReadAllText(Path.Combine(root, "aisprint", "deployment", "report.txt"));
        Assert.Contains("partition 1: exit 1, exit probability declared 0.4, measured 1 (10 requests reached it)", report);
        Assert.Contains("partition 2: exit 2, exit probability declared 0.5, not measured (no request reached it)", report);
    }
}
