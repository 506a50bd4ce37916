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
