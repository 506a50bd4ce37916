using AiSprint.Analyzers.Profiling;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0116MalformedWorkloadTests
{
    [Theory]
    [InlineData("public IEnumerable<WorkloadCase> {|#0:Sides|}() => [];", "is an instance method")]
    [InlineData("public static IEnumerable<WorkloadCase> {|#0:Sides|}(int side) => [];", "has parameters")]
    [InlineData("public static List<int> {|#0:Sides|}() => [];", "returns System.Collections.Generic.List<int>")]
    public Task A_workload_the_profiler_cannot_call_is_reported(string declaration, string problem) => VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(
        $$"""
        using System.Collections.Generic;

        public class Pipeline
        {
            [Component("segmenter")]
            public static int Segment(int side) => side;

            [Workload("segmenter")]
            {{declaration}}
        }
        """,
        [],
        Verify.Diagnostic(AiSprintRules.MalformedWorkload).WithLocation(0).WithArguments("Sides", problem));

    [Fact]
    public Task A_static_parameterless_method_returning_a_list_of_cases_is_not_reported() => VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(
        """
        using System.Collections.Generic;

        public static class Pipeline
        {
            [Component("segmenter")]
            public static int Segment(int side) => side;

            [Workload("segmenter")]
            public static List<WorkloadCase> Sides() => [WorkloadCase.Run(() => Segment(1)).With("side", 1)];
        }
        """,
        []);
}
