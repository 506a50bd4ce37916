using AiSprint.Analyzers.Profiling;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0112UnknownWorkloadComponentTests
{
    private const string Template = """
        using System.Collections.Generic;

        public static class Pipeline
        {
            [Component("segmenter")]
            public static int Segment(int side) => side;

            [Workload(TARGET)]
            public static IEnumerable<WorkloadCase> Sides()
            {
                yield return WorkloadCase.Run(() => Segment(128)).With("image_side", 128);
            }
        }
        """;

    [Fact]
    public Task A_workload_for_an_unknown_component_is_reported_with_the_closest_name() => VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(
        Template.Replace("TARGET", "{|#0:\"segmentr\"|}"),
        [],
        Verify.Diagnostic(AiSprintRules.UnknownWorkloadComponent).WithLocation(0)
            .WithMessage("Workload 'Sides' is for 'segmentr', which is no component of this compilation; did you mean 'segmenter'?"));

    [Fact]
    public Task A_workload_for_a_component_of_the_compilation_is_not_reported() =>
        VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(Template.Replace("TARGET", "\"segmenter\""), []);
}
