using AiSprint.Analyzers.Feasibility;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais1001LocalThresholdBelowDemandTests
{
    [Fact]
    public Task Threshold_below_the_fastest_demand_is_reported_on_the_threshold_with_the_numbers() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("mask-detector")]
            [ExecTime({|#0:1|}, TimeUnit.Seconds)]
            public static void Detect() { }
        }
        """,
        [TestInputs.ResourcesFile, TestInputs.Demands("mask-detector,VM1,1500", "mask-detector,VM2,1240", "mask-detector,VM3,1240.5")],
        Verify.Diagnostic(AiSprintRules.LocalThresholdBelowDemand).WithLocation(0)
            .WithMessage("mask-detector needs at least 1,240 ms on its fastest compatible resource (VM2); the threshold is 1,000 ms"));

    [Fact]
    public Task A_predicted_demand_replaces_a_hand_written_one_as_in_the_build_not_the_smaller_value() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("mask-detector")]
            [ExecTime({|#0:1|}, TimeUnit.Seconds)]
            public static void Detect() { }
        }
        """,
        [
            TestInputs.ResourcesFile,
            ("obj/aisprint/demands/mask-detector.demands.csv", "component,resource,demand_ms\nmask-detector,VM2,1240\n"),
            ("demands.csv", "component,resource,demand_ms\nmask-detector,VM2,500\n"),
        ],
        Verify.Diagnostic(AiSprintRules.LocalThresholdBelowDemand).WithLocation(0)
            .WithMessage("mask-detector needs at least 1,240 ms on its fastest compatible resource (VM2); the threshold is 1,000 ms"));

    [Fact]
    public Task Demands_alone_suffice_without_candidate_resources() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [ExecTime({|#0:20|}, TimeUnit.Milliseconds)]
            public static void Blur() { }
        }
        """,
        [TestInputs.Demands("Blur,Pi,20.25")],
        Verify.Diagnostic(AiSprintRules.LocalThresholdBelowDemand).WithLocation(0)
            .WithMessage("Blur needs at least 20.25 ms on its fastest compatible resource (Pi); the threshold is 20 ms"));

    [Fact]
    public Task Threshold_equal_to_the_demand_an_unlisted_component_and_a_path_member_without_threshold_are_not_reported() =>
        VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
            """
            public static class App
            {
                [Component("a")]
                [ExecTime(1240, TimeUnit.Milliseconds)]
                public static void A() { }

                [Component("unlisted")]
                [ExecTime(1, TimeUnit.Milliseconds)]
                public static void B() { }

                [Component("no-threshold")]
                [ExecTime]
                public static void C() { }
            }
            """,
            [TestInputs.ResourcesFile, TestInputs.Demands("a,VM2,1240", "a,VM1,5000", "no-threshold,VM1,99999")]);

    [Fact]
    public Task Several_rows_for_one_resource_count_with_the_smallest() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("a")]
            [ExecTime(100, TimeUnit.Milliseconds)]
            public static void A() { }
        }
        """,
        [("demands.csv", "component,resource,demand_ms,partition\na,VM1,150,1\na,VM1,90,2\n")]);

    [Theory]
    [InlineData("mask-detector,VM1,fast")]
    [InlineData("mask-detector,VM7,10")]
    public Task A_demands_file_with_a_bad_row_or_an_unknown_resource_turns_the_rule_off(string bad) => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("mask-detector")]
            [ExecTime(1, TimeUnit.Seconds)]
            public static void Detect() { }
        }
        """,
        [TestInputs.ResourcesFile, TestInputs.Demands("mask-detector,VM2,1240", bad)]);
}
