using AiSprint.Generators.Tests.Harness;

namespace AiSprint.Generators.Tests;

public sealed class SnapshotTests
{
    [Theory]
    [InlineData("SyncCalls")]
    [InlineData("AsyncCalls")]
    [InlineData("DesignDocument")]
    [InlineData("GlobalPaths")]
    [InlineData("Drift")]
    [InlineData("Alternatives")]
    [InlineData("EarlyExits")]
    public void Generated_sources_match_the_snapshot(string caseName)
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.Compile(Snapshot.Inputs(caseName)));

        Snapshot.Verify(caseName, result);
    }

    [Fact]
    public void A_compilation_without_components_gets_no_generated_source()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.Compile(
            [("/src/Plain.cs", "namespace Plain; public static class Calculator { public static int Add(int a, int b) => a + b; public static int Use() => Add(1, 2); }")]));

        Assert.Empty(result.GeneratedSources);
    }
}
