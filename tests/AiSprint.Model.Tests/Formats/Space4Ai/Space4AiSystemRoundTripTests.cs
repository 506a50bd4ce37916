using AiSprint.Model.Formats.Space4Ai;

namespace AiSprint.Model.Tests.Formats.Space4Ai;

public class Space4AiSystemRoundTripTests
{
    public static TheoryData<string> SystemFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedData.Files("space4ai", "*.json").Where(f => !Path.GetFileName(f).StartsWith("best_sol", StringComparison.Ordinal) && Path.GetFileName(f) != "methods.json"))
        {
            data.Add(Path.GetRelativePath(SharedData.Root, file));
        }
        data.Add(Path.Combine("aisprint", "d21-appendix-c", "space4aid_input.json"));
        return data;
    }

    [Theory]
    [MemberData(nameof(SystemFiles))]
    public void Every_real_system_description_loads_without_errors(string relativePath)
    {
        var result = Space4AiSystemReader.Load(Path.Combine(SharedData.Root, relativePath));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Value!.Value.Components);
    }

    [Theory]
    [MemberData(nameof(SystemFiles))]
    public void Read_write_read_gives_an_equal_model(string relativePath)
    {
        var first = Space4AiSystemReader.Load(Path.Combine(SharedData.Root, relativePath)).GetValueOrThrow().Value;
        var written = Space4AiSystemWriter.Write(first);
        var second = Space4AiSystemReader.Parse(written, "rewritten.json").GetValueOrThrow().Value;
        Assert.Equal(first, second);
        // A second write is byte-identical: the writer is deterministic.
        Assert.Equal(written, Space4AiSystemWriter.Write(second));
    }
}
