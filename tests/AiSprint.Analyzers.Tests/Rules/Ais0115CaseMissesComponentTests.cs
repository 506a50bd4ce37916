using AiSprint.Analyzers.Profiling;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0115CaseMissesComponentTests
{
    private const string Template = """
        using System.Collections.Generic;

        public static class Pipeline
        {
            [Component("segmenter")]
            public static int Segment(int side) => side;

            [Component("classifier")]
            public static int Classify(int side) => side;

            [Workload("segmenter")]
            public static IEnumerable<WorkloadCase> Sides()
            {
                yield return WorkloadCase.Run(CASE).With("image_side", 128);
            }
        }
        """;

    [Fact]
    public Task A_case_that_calls_another_component_is_reported() => VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(
        Template.Replace("CASE", "{|#0:() => Classify(128)|}"),
        [],
        Verify.Diagnostic(AiSprintRules.CaseMissesComponent).WithLocation(0)
            .WithMessage("This case of workload 'Sides' never calls 'segmenter'; the profiler measures only the component's own call, so the case must pass its inputs to it"));

    [Fact]
    public Task A_case_that_calls_its_component_among_other_calls_is_not_reported() =>
        VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(Template.Replace("CASE", "() => Segment(Classify(128))"), []);

    [Fact]
    public Task Inputs_that_do_not_match_the_components_parameters_are_a_compile_error() => VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(
        Template.Replace("CASE", "() => Segment({|#0:\"128\"|})"),
        [],
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS1503").WithLocation(0));
}
