using AiSprint.Analyzers.Profiling;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0113FeatureNamedTwiceTests
{
    private const string Template = """
        using System.Collections.Generic;

        public static class Pipeline
        {
            [Component("segmenter")]
            public static int Segment(int side) => side;

            [Workload("segmenter")]
            public static IEnumerable<WorkloadCase> Sides()
            {
                yield return WorkloadCase.Run(() => Segment(128)).With("image_side", 128).With(SECOND, 1);
            }
        }
        """;

    [Fact]
    public Task A_feature_given_twice_to_one_case_is_reported_at_the_second() => VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(
        Template.Replace("SECOND", "{|#0:\"image_side\"|}"),
        [],
        Verify.Diagnostic(AiSprintRules.FeatureNamedTwice).WithLocation(0)
            .WithMessage("The feature 'image_side' is already given to this case; a dataset has one column per feature"));

    [Fact]
    public Task Distinct_features_are_not_reported() =>
        VerifyInputs.AnalyzerAsync<WorkloadAnalyzer>(Template.Replace("SECOND", "\"batch\""), []);
}
