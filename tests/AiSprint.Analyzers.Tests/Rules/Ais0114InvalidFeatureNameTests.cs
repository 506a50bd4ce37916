using AiSprint.Analyzers.Profiling;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0114InvalidFeatureNameTests
{
    [Theory]
    [InlineData("image side")]
    [InlineData("2x")]
    [InlineData("a,b")]
    public Task A_feature_name_that_is_no_column_name_is_reported(string name) => VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(
        $$"""
        using System.Collections.Generic;

        public static class Pipeline
        {
            [Component("segmenter")]
            public static int Segment(int side) => side;

            [Workload("segmenter")]
            public static IEnumerable<WorkloadCase> Sides()
            {
                yield return WorkloadCase.Run(() => Segment(128)).With({|#0:"{{name}}"|}, 128);
            }
        }
        """,
        [],
        Verify.Diagnostic(AiSprintRules.InvalidFeatureName).WithLocation(0).WithArguments(name));
}
