using AiSprint.Analyzers.Feasibility;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>
/// a runs only on Pi (edge layer), b only on VM1 (cloud layer): 10 MB between them cross ND1 at 80 Mbps with 2 ms
/// access delay, 0.002 s + 8 × 10 / 80 s = 1,002 ms.
/// </summary>
public sealed class Ais1002GlobalPathInfeasibleTests
{
    private static string Source(string threshold) => $$"""
        public static class App
        {
            [Component("a")]
            [ExecTime]
            [Successor("b", DataSizeMb = 10)]
            public static void A() { }

            [Component("b")]
            [ExecTime]
            [GlobalExecTime("path1", {{threshold}}, TimeUnit.Milliseconds, "a")]
            public static void B() { }
        }
        """;

    [Fact]
    public Task Demands_plus_the_transfer_above_the_threshold_are_reported_with_each_term() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source("{|#0:1801|}"),
        [TestInputs.ResourcesFile, TestInputs.Demands("a,Pi,500", "b,VM1,300")],
        Verify.Diagnostic(AiSprintRules.GlobalPathInfeasible).WithLocation(0)
            .WithMessage("Global path 'path1' needs at least 1,802 ms (a 500 ms on Pi + a -> b 1,002 ms + b 300 ms on VM1); its threshold is 1,801 ms"));

    [Fact]
    public Task A_threshold_equal_to_the_bound_is_not_reported() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source("1802"),
        [TestInputs.ResourcesFile, TestInputs.Demands("a,Pi,500", "b,VM1,300")]);

    [Fact]
    public Task Components_that_can_share_a_resource_pay_no_transfer() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source("1000"),
        [TestInputs.ResourcesFile, TestInputs.Demands("a,Pi,500", "b,VM1,300", "b,Pi,450")]);

    [Fact]
    public Task Without_candidate_resources_the_transfer_counts_zero() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source("{|#0:799|}"),
        [TestInputs.Demands("a,Pi,500", "b,VM1,300")],
        Verify.Diagnostic(AiSprintRules.GlobalPathInfeasible).WithLocation(0)
            .WithMessage("Global path 'path1' needs at least 800 ms (a 500 ms on Pi + b 300 ms on VM1); its threshold is 799 ms"));

    [Fact]
    public Task Path_with_a_component_unknown_to_the_demands_counts_it_as_zero() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("a")]
            [ExecTime]
            public static void A() { }

            [Component("b")]
            [ExecTime]
            [GlobalExecTime("path1", {|#0:0.4|}, TimeUnit.Seconds, "a")]
            public static void B() { }
        }
        """,
        [TestInputs.Demands("b,VM1,450")],
        Verify.Diagnostic(AiSprintRules.GlobalPathInfeasible).WithLocation(0)
            .WithMessage("Global path 'path1' needs at least 450 ms (b 450 ms on VM1); its threshold is 400 ms"));

    [Fact]
    public Task Path_with_an_unknown_component_is_left_to_AIS0101() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("b")]
            [ExecTime]
            [GlobalExecTime("path1", 1, TimeUnit.Milliseconds, "nowhere")]
            public static void B() { }
        }
        """,
        [TestInputs.Demands("b,VM1,450")]);

    [Fact]
    public Task Without_DataSizeMb_the_size_comes_from_components_data_size() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        """
        public static class App
        {
            [Component("a")]
            [ExecTime]
            public static void A() { }

            [Component("b")]
            [ExecTime]
            [GlobalExecTime("path1", {|#0:1801|}, TimeUnit.Milliseconds, "a")]
            public static void B() { }
        }
        """,
        [TestInputs.ResourcesFile, TestInputs.Demands("a,Pi,500", "b,VM1,300"), ("components_data_size.yaml", "a: 10\n")],
        Verify.Diagnostic(AiSprintRules.GlobalPathInfeasible).WithLocation(0)
            .WithMessage("Global path 'path1' needs at least 1,802 ms (a 500 ms on Pi + a -> b 1,002 ms + b 300 ms on VM1); its threshold is 1,801 ms"));

    [Fact]
    public Task Demands_of_several_files_are_merged() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(
        Source("{|#0:799|}"),
        [("a.demands.csv", "component,resource,demand_ms\na,Pi,500\n"), ("b.demands.csv", "resource,demand_ms,component\nVM1,300,b\n")],
        Verify.Diagnostic(AiSprintRules.GlobalPathInfeasible).WithLocation(0)
            .WithMessage("Global path 'path1' needs at least 800 ms (a 500 ms on Pi + b 300 ms on VM1); its threshold is 799 ms"));
}
