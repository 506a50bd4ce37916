using AiSprint.Analyzers.Feasibility;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>Pi has secure boot only, VM1 nothing, VM2 an SGX processor, VM3 secure and measured boot.</summary>
public sealed class Ais1003NoTrustedResourceTests
{
    private const string Source = """
        public static class App
        {
            [Component("secret")]
            [ExecTime]
            [Security({|#0:SecurityRequirements.TrustedExecution | SecurityRequirements.NetworkShield|})]
            public static void Secret() { }
        }
        """;

    [Fact]
    public Task Compatible_resources_without_SGX_or_both_boots_are_reported() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source,
        [TestInputs.ResourcesFile, TestInputs.Demands("secret,Pi,10", "secret,VM1,10")],
        Verify.Diagnostic(AiSprintRules.NoTrustedResource).WithLocation(0)
            .WithMessage("secret needs trusted execution, but none of its compatible resources (Pi, VM1) has an SGX processor or both secure and measured boot"));

    [Theory]
    [InlineData("secret,VM2,10")]
    [InlineData("secret,VM3,10")]
    public Task An_SGX_or_secure_and_measured_boot_resource_among_the_compatible_ones_is_enough(string row) =>
        VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(Source, [TestInputs.ResourcesFile, TestInputs.Demands("secret,Pi,10", row)]);

    [Fact]
    public Task Without_demands_every_candidate_resource_counts() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source, [TestInputs.ResourcesFile]);

    [Fact]
    public Task A_component_the_demands_do_not_list_may_run_on_every_candidate_resource() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source, [TestInputs.ResourcesFile, TestInputs.Demands("other,VM1,10")]);

    [Fact]
    public Task Security_without_trusted_execution_is_not_checked() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("shielded")]
            [ExecTime]
            [Security(SecurityRequirements.FilesystemShield)]
            public static void Shielded() { }
        }
        """,
        [TestInputs.ResourcesFile, TestInputs.Demands("shielded,VM1,10")]);
}
