using AiSprint.Analyzers.Feasibility;
using AiSprint.Analyzers.Inputs;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>
/// The feasibility rules on the real candidate_resources.yaml files of the AI-SPRINT examples: no resource there has
/// SGX or secure + measured boot, so trusted execution is infeasible on all of them; memory is bounded by the largest.
/// </summary>
public sealed class RealResourcesFeasibilityTests
{
    public static TheoryData<string, string, string> Examples => new()
    {
        { "mask_detection_1_partitionable_local_constraints", "VM1, VM2", "16,384" },
        { "mask_detection_2_partitionable_global_constraint", "VM1, VM2", "16,384" },
        { "mask_detection_3_components_4CL", "VM1, VM2, VM3, AWS-FaaS1, AWS-FaaS2, AWS-FaaS3", "16,384" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public Task Trusted_execution_and_a_too_large_memory_are_reported_on_the_real_resources(string example, string resources, string largest)
    {
        var yaml = File.ReadAllText(SharedData.PathOf("aisprint", example, "common_config", CandidateResourcesReader.FileName));
        return VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
            """
            public static class App
            {
                [Component("mask-detector-onnx")]
                [ExecTime]
                [Security({|#0:SecurityRequirements.TrustedExecution|})]
                [DeviceConstraints({|#1:RamMb = 16385|})]
                public static void Detect() { }

                [Component("blurry-faces-onnx")]
                [ExecTime]
                [DeviceConstraints(RamMb = 16384)]
                public static void Blur() { }
            }
            """,
            [(CandidateResourcesReader.FileName, yaml)],
            Verify.Diagnostic(AiSprintRules.NoTrustedResource).WithLocation(0)
                .WithMessage($"mask-detector-onnx needs trusted execution, but none of its compatible resources ({resources}) has an SGX processor or both secure and measured boot"),
            Verify.Diagnostic(AiSprintRules.MemoryAboveEveryResource).WithLocation(1)
                .WithArguments("mask-detector-onnx", "16,385", largest, string.Join(", ", resources.Split(", ").Select(r => r + " " + Memory(example, r) + " MB"))));
    }

    private static string Memory(string example, string resource) => (example, resource) switch
    {
        (_, "VM2" or "AWS-FaaS3") => "16,384",
        (_, "AWS-FaaS1") => "4,096",
        _ => "8,192",
    };
}
