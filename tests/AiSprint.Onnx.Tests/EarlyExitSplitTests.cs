using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Partitions;
using AiSprint.Onnx.EarlyExits;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Verification;
using Google.Protobuf;

namespace AiSprint.Onnx.Tests;

public sealed class EarlyExitSplitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-onnx-ee-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ModelAnalysis Analyze(bool skipAcrossExit2 = false)
    {
        var path = Path.Combine(_directory, skipAcrossExit2 ? "skip.onnx" : "ee.onnx");
        File.WriteAllBytes(path, EarlyExitNetworks.TwoExits(skipAcrossExit2: skipAcrossExit2).ToByteArray());
        return OnnxModelAnalyzer.Analyze(path);
    }

    private static PartitionVerifier VerifierFor(ModelAnalysis analysis) =>
        new(analysis, new Dictionary<string, NpyArray> { [EarlyExitNetworks.Input] = new(EarlyExitNetworks.Image(), [1, 3, 16, 16]) });

    private static IReadOnlyList<EarlyExit> BothExits => EarlyExitNetworks.Exits("early_exits.csv",
        (EarlyExitNetworks.Attach1, EarlyExitNetworks.Head1), (EarlyExitNetworks.Attach2, EarlyExitNetworks.Head2));

    [Fact]
    public void Two_exits_give_three_partitions_each_ending_at_its_attach_tensor_and_producing_its_head()
    {
        var plan = EarlyExitSplitter.Split(Analyze(), BothExits).GetValueOrThrow();

        Assert.Equal(3, plan.PartitionCount);
        Assert.Equal([EarlyExitNetworks.Input], plan.Partitions[0].InputTensors);
        Assert.Equal([EarlyExitNetworks.Attach1, EarlyExitNetworks.Head1], plan.Partitions[0].OutputTensors);
        Assert.Equal([EarlyExitNetworks.Attach1], plan.Partitions[1].InputTensors);
        Assert.Equal([EarlyExitNetworks.Attach2, EarlyExitNetworks.Head2], plan.Partitions[1].OutputTensors);
        Assert.Equal([EarlyExitNetworks.Attach2], plan.Partitions[2].InputTensors);
        Assert.Equal([EarlyExitNetworks.Final], plan.Partitions[2].OutputTensors);
        // stage1 is [1, 8, 16, 16] float32, stage2 [1, 16, 8, 8]: what each partition sends on.
        Assert.Equal([8 * 16 * 16 * 4L, 16 * 8 * 8 * 4L, null], plan.Partitions.Select(p => p.TransferBytesToNext));
        Assert.Equal(Analyze().NodeCount, plan.Partitions.Sum(p => p.NodeIndices.Count));
    }

    [Fact]
    public void Chained_partitions_with_no_exit_taken_reproduce_the_final_output_and_every_head_in_onnx_runtime()
    {
        var analysis = Analyze();
        var plan = EarlyExitSplitter.Split(analysis, BothExits).GetValueOrThrow();
        using var verifier = VerifierFor(analysis);

        var result = verifier.VerifyEarlyExits(plan);

        Assert.True(result.Passed, string.Join(", ", result.RelativeDifferenceByOutput.Select(p => $"{p.Key} {p.Value:E2}")));
        Assert.Equal([EarlyExitNetworks.Head1, EarlyExitNetworks.Head2, EarlyExitNetworks.Final], result.RelativeDifferenceByOutput.Keys.Order(StringComparer.Ordinal).ToArray().OrderBy(k => k == EarlyExitNetworks.Final));
        Assert.True(verifier.FullOutput(EarlyExitNetworks.Final).Any(v => v != 0), "a zero output would make the comparison vacuous");
    }

    [Fact]
    public void Written_early_exit_partitions_load_in_onnx_runtime_and_the_manifest_carries_exit_probabilities_memory_size_and_next()
    {
        var analysis = Analyze();
        var plan = EarlyExitSplitter.Split(analysis, BothExits).GetValueOrThrow();
        var output = Path.Combine(_directory, "partitions") + Path.DirectorySeparatorChar; // as the build passes it

        var manifest = SubModelExtractor.ExtractEarlyExits(analysis, plan, [0.7, 0.4], output);
        using var verifier = VerifierFor(analysis);
        var result = verifier.VerifyEarlyExits(plan, output);

        Assert.True(result.Passed);
        Assert.Equal(2, manifest.ExitCount);
        var reread = PartitionManifestJson.Load(Path.Combine(output, SubModelExtractor.ManifestFileName)).GetValueOrThrow();
        Assert.Equal([0.3, 0.6, 0.0], reread.Partitions.Select(p => Math.Round(p.EarlyExitProbability!.Value, 12)));
        Assert.Equal([2, 3, (int?)null], reread.Partitions.Select(p => p.Next));
        Assert.Equal([8192L, 4096L, (long?)null], reread.Partitions.Select(p => p.DataSizeBytes));
        Assert.All(reread.Partitions, p => Assert.True(p.MemoryBytes > p.ParameterBytes));
        Assert.Equal([EarlyExitNetworks.Head1], reread.Partitions[0].ExitOutputs!);
        Assert.Empty(reread.Partitions[2].ExitOutputs!);
        Assert.False(Directory.EnumerateDirectories(_directory, "partitions.tmp-*").Any());
    }

    [Fact]
    public void One_exit_gives_two_partitions_and_the_later_head_runs_in_the_last_one()
    {
        var analysis = Analyze();
        var plan = EarlyExitSplitter.Split(analysis, EarlyExitNetworks.Exits("e.csv", (EarlyExitNetworks.Attach1, EarlyExitNetworks.Head1))).GetValueOrThrow();
        using var verifier = VerifierFor(analysis);

        Assert.Equal(2, plan.PartitionCount);
        Assert.Equal([EarlyExitNetworks.Head2, EarlyExitNetworks.Final], plan.Partitions[1].OutputTensors);
        Assert.True(verifier.VerifyEarlyExits(plan).Passed);
    }

    [Fact]
    public void An_exit_tensor_the_model_lacks_is_AIS0035_at_its_row_and_column()
    {
        var exits = EarlyExitsFile.Parse("exits,input_nodes,output_nodes\n1,['stage1'],['exit1_logit']\n", "early_exits.csv").GetValueOrThrow();

        var result = EarlyExitSplitter.Split(Analyze(), exits);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AIS0035", error.Code);
        Assert.Equal("early_exits.csv:2:14", error.Location.ToString());
        Assert.Contains("'exit1_logit'", error.Message);
        Assert.Null(result.Value);
    }

    [Fact]
    public void A_head_that_does_not_depend_on_its_attach_tensor_is_AIS0036()
    {
        // exit 1's head reads stage1, which comes before stage2: partition 2 could never compute it.
        var exits = EarlyExitNetworks.Exits("e.csv", (EarlyExitNetworks.Attach1, EarlyExitNetworks.Head1), (EarlyExitNetworks.Attach2, EarlyExitNetworks.Head1));

        var result = EarlyExitSplitter.Split(Analyze(), exits);

        Assert.Equal("AIS0036", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(3, result.Diagnostics[0].Location.Line);
    }

    [Fact]
    public void Exits_listed_out_of_network_order_are_AIS0077_at_the_later_row()
    {
        var exits = EarlyExitNetworks.Exits("e.csv", (EarlyExitNetworks.Attach2, EarlyExitNetworks.Head2), (EarlyExitNetworks.Attach1, EarlyExitNetworks.Head1));

        var result = EarlyExitSplitter.Split(Analyze(), exits);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AIS0077", error.Code);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void An_attach_tensor_a_skip_connection_crosses_is_AIS0078()
    {
        var result = EarlyExitSplitter.Split(Analyze(skipAcrossExit2: true), BothExits);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AIS0078", error.Code);
        Assert.Contains("'stage1'", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Theory]
    [InlineData("exit,input_nodes,output_nodes\n1,['a'],['b']\n", 1, 1)]
    [InlineData("exits,input_nodes,output_nodes\n1,a,['b']\n", 2, 3)]
    [InlineData("exits,input_nodes,output_nodes\n1,['a'],[]\n", 2, 9)]
    [InlineData("exits,input_nodes,output_nodes\n1,['a']\n", 2, 1)]
    [InlineData("exits,input_nodes,output_nodes\n", 1, 1)]
    public void A_malformed_early_exits_file_is_AIS0034_at_the_line_and_column(string text, int line, int column)
    {
        var result = EarlyExitsFile.Parse(text, "early_exits.csv");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AIS0034", error.Code);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Null(result.Value);
    }

    [Fact]
    public void Quoted_lists_of_several_tensors_and_pandas_index_columns_read_as_the_studio_writes_them()
    {
        var exits = EarlyExitsFile.Parse(",exits,input_nodes,output_nodes\n0,1,\"['a', \"\"b\"\"]\",['c']\n", "e.csv").GetValueOrThrow();

        var exit = Assert.Single(exits);
        Assert.Equal(["a", "b"], exit.AttachTensors);
        Assert.Equal(["c"], exit.HeadOutputs);
    }
}

public sealed class EarlyExitSampleTests
{
    private static string SampleDirectory => Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "EarlyExit", "models");

    /// <summary>The sample's committed model is this test network (set AISPRINT_UPDATE_SNAPSHOTS=1 to rewrite it), and its exits file splits it.</summary>
    [Fact]
    public void The_sample_early_exit_model_is_the_test_network_and_its_exits_file_splits_it_into_three_verified_partitions()
    {
        var path = Path.Combine(SampleDirectory, "ee_cnn.onnx");
        var bytes = EarlyExitNetworks.TwoExits().ToByteArray();
        if (Environment.GetEnvironmentVariable("AISPRINT_UPDATE_SNAPSHOTS") == "1") File.WriteAllBytes(path, bytes);

        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.True(bytes.Length < 200_000);
        var analysis = OnnxModelAnalyzer.Analyze(path);
        var plan = EarlyExitSplitter.Split(analysis, EarlyExitsFile.Load(Path.Combine(SampleDirectory, "early_exits.csv")).GetValueOrThrow()).GetValueOrThrow();
        using var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { [EarlyExitNetworks.Input] = new(EarlyExitNetworks.Image(), [1, 3, 16, 16]) });
        Assert.Equal(3, plan.PartitionCount);
        Assert.True(verifier.VerifyEarlyExits(plan).Passed);
    }
}
