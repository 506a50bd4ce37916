using AiSprint.Analyzers.Feasibility;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>Pi has 4,096 MB, VM1 and VM3 8,192 MB, VM2 16,384 MB.</summary>
public sealed class Ais1004MemoryAboveEveryResourceTests
{
    private static string Source(string ram) => $$"""
        public static class App
        {
            [Component("big")]
            [ExecTime]
            [DeviceConstraints({{ram}}, VramMb = 999999)]
            public static void Big() { }
        }
        """;

    [Fact]
    public Task Ram_above_every_compatible_resource_is_reported_on_RamMb() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source("{|#0:RamMb = 8192.5|}"),
        [TestInputs.ResourcesFile, TestInputs.Demands("big,Pi,10", "big,VM1,10")],
        Verify.Diagnostic(AiSprintRules.MemoryAboveEveryResource).WithLocation(0)
            .WithMessage("big needs 8,192.5 MB of RAM, but its compatible resources have at most 8,192 MB (Pi 4,096 MB, VM1 8,192 MB)"));

    [Fact]
    public Task Without_demands_the_largest_candidate_resource_counts() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source("{|#0:RamMb = 16385|}"),
        [TestInputs.ResourcesFile],
        Verify.Diagnostic(AiSprintRules.MemoryAboveEveryResource).WithLocation(0)
            .WithMessage("big needs 16,385 MB of RAM, but its compatible resources have at most 16,384 MB (Pi 4,096 MB, VM1 8,192 MB, VM2 16,384 MB, VM3 8,192 MB)"));

    [Theory]
    [InlineData("RamMb = 8192")]
    [InlineData("RamMb = 0")]
    public Task Ram_that_fits_and_unset_ram_are_not_reported_and_VramMb_is_not_checked(string ram) =>
        VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(Source(ram), [TestInputs.ResourcesFile, TestInputs.Demands("big,Pi,10", "big,VM1,10")]);
}
