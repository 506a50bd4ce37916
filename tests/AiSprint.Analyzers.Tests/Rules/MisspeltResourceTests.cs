using AiSprint.Analyzers.Inputs;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>
/// A misspelt resource is reported in the file that is wrong, and a resources file that cannot be read turns the
/// unknown-resource check off instead of calling every demand's resource unknown (issue 13, defect 5).
/// </summary>
public sealed class MisspeltResourceTests
{
    private static readonly string TypoInResources = TestInputs.Resources.Replace("name: VM2", "name: VM_2");

    [Fact]
    public Task A_typo_in_candidate_resources_is_reported_there_with_the_name_the_demands_use() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        "public static class App { }",
        [(CandidateResourcesReader.FileName, TypoInResources), TestInputs.Demands("a,VM1,12", "a,VM2,10", "b,VM2,30", "b,VM3,40")],
        VerifyInputs.InFile(InputRules.UnknownResource, CandidateResourcesReader.FileName, 43, 15, 43, 25)
            .WithMessage("candidate_resources.yaml: resource 'VM_2' is named by no demand, while the demands name 'VM2', which this file lacks; did you mean 'VM2'?"));

    [Fact]
    public Task A_typo_in_the_demands_is_still_reported_at_the_demands_row() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        "public static class App { }",
        [TestInputs.ResourcesFile, TestInputs.Demands("a,VM1,12", "a,VM2,10", "b,VM_2,30")],
        VerifyInputs.InFile(InputRules.UnknownResource, "app.demands.csv", 5, 1, 5, 10)
            .WithMessage("app.demands.csv: resource 'VM_2' is not in candidate_resources.yaml; did you mean 'VM2'? expected one of Pi, VM1, VM2, VM3"));

    [Fact]
    public Task A_misspelt_key_in_one_resource_does_not_make_the_valid_ones_unknown() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        "public static class App { }",
        [(CandidateResourcesReader.FileName, TestInputs.Resources.Replace("      memorySize: 16384", "      memorysize: 16384")), TestInputs.Demands("a,VM1,12", "a,VM2,10", "b,VM3,30")],
        VerifyInputs.InFile(AiSprintRules.InvalidFeasibilityFile, CandidateResourcesReader.FileName, 43, 15, 43, 24)
            .WithMessage("candidate_resources.yaml: resource resource2 of cloud has no 'memorySize'"));
}
