using AiSprint.Model.Units;
using AiSprint.Placement.Queueing;

namespace AiSprint.Placement.Tests.Queueing;

/// <summary>The limits, edge cases (faas-model.md §6) and generalisation (§8) of the serverless model.</summary>
public sealed class ServerlessPerformanceModelTests
{
    private static ServerlessMetrics Solve(double arrivalRate, double warm, double cold, double idle, int maximumConcurrency = 1000) =>
        ServerlessPerformanceModel.Solve(new RequestsPerSecond(arrivalRate), new Seconds(warm), new Seconds(cold), new Seconds(idle), maximumConcurrency);

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void The_space4ai_d_smoke_test_gives_the_specified_values()
    {
        var metrics = Solve(1.8, 2.6171449136207237, 3.9437898153928197, 600);
        Assert.Equal(44, metrics.StateCount);
        AssertRelative(2.6182064970422774, metrics.AverageResponseTime.Value, 1e-12);
        AssertRelative(0.00080020163657643095, metrics.ColdStartProbability, 1e-9);
        AssertRelative(13.269445351341345, metrics.AverageServerCount, 1e-12);
    }

    [Theory]
    [InlineData(0.001, 0.01, 0.1, 60)]
    [InlineData(0.05, 2, 3, 600)]
    [InlineData(1.8, 2.6, 3.9, 600)]
    [InlineData(50, 0.5, 5, 1200)]
    [InlineData(2.5, 2, 1, 600)] // cold < warm is accepted (§6)
    [InlineData(7, 3, 0.2, 30)]
    [InlineData(180, 5, 10, 600)]
    public void The_response_time_lies_between_the_warm_and_the_cold_service_times(double rate, double warm, double cold, double idle)
    {
        double response = Solve(rate, warm, cold, idle).AverageResponseTime.Value;
        Assert.InRange(response, Math.Min(warm, cold), Math.Max(warm, cold));
    }

    [Fact]
    public void The_response_time_falls_towards_the_warm_time_as_the_rate_grows()
    {
        double[] rates = [0.001, 0.01, 0.1, 1, 10, 100];
        var responses = rates.Select(r => Solve(r, 1, 2, 600).AverageResponseTime.Value).ToArray();
        for (int i = 1; i < responses.Length; i++)
        {
            Assert.True(responses[i] < responses[i - 1], $"λ={rates[i]}: {responses[i]} is not below {responses[i - 1]}");
        }
        // At 100 req/s almost no request is cold: within 1e-4 of the cold−warm gap of w.
        Assert.InRange(responses[^1] - 1, 0, 1e-4);
    }

    [Fact]
    public void The_response_time_tends_to_the_cold_time_and_the_pool_empties_at_very_low_rates()
    {
        // §6: λ=1e-7, w=0.01, c=0.1, I=60 gives 0.09999946, 0.9999940 and 6.0e-6.
        var metrics = Solve(1e-7, 0.01, 0.1, 60);
        AssertRelative(0.09999946, metrics.AverageResponseTime.Value, 1e-7);
        AssertRelative(0.9999940, metrics.ColdStartProbability, 1e-7);
        AssertRelative(6.0e-6, metrics.AverageServerCount, 1e-2);
        Assert.True(metrics.AverageResponseTime.Value < 0.1);
    }

    [Theory]
    [InlineData(1e-11, 1)]   // ρ below ≈2.74e-10: Erlang-B underflows to 0 twice in a row
    [InlineData(2e-10, 1)]
    [InlineData(1e16, 1)]    // ρ above ≈4.5e15: consecutive Erlang-B values round to the same double
    public void An_offered_load_outside_the_numerical_domain_is_rejected_instead_of_substituting_the_limit(double rate, double warm)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Solve(rate, warm, 2 * warm, 600));
        Assert.Equal("arrivalRate", error.ParamName);
        Assert.Contains("Expected an offered load", error.Message);
    }

    [Fact]
    public void Equal_warm_and_cold_times_give_the_warm_time_to_rounding_but_still_a_nontrivial_pool()
    {
        // §6: r_j = w to within an ulp in every state, so the mean is w to about 1e-16 (the package's
        // LU happens to give exactly 1 for (1, 1, 1, 600)); cold_prob 0.000906 and 5.97 instances.
        var metrics = Solve(1, 1, 1, 600);
        Assert.InRange(metrics.AverageResponseTime.Value, 1 - 1e-15, 1 + 1e-15);
        AssertRelative(0.000906, metrics.ColdStartProbability, 1e-3);
        AssertRelative(5.97, metrics.AverageServerCount, 1e-3);
    }

    [Fact]
    public void A_zero_idle_time_makes_every_request_cold_and_the_utilisation_undefined()
    {
        var metrics = Solve(1, 1, 2, 0);
        Assert.Equal(31, metrics.StateCount); // D = +∞ from state 1: the window never extends
        Assert.Equal(2.0, metrics.AverageResponseTime.Value);
        Assert.Equal(1.0, metrics.ColdStartProbability);
        Assert.Equal(0.0, metrics.AverageServerCount);
        Assert.Equal(0.0, metrics.AverageRunningWarmCount);
        Assert.Equal(0.0, metrics.AverageIdleCount);
        Assert.Equal(2.0, metrics.AverageRunningCount);
        Assert.Equal(2.0, metrics.AverageRunningColdCount);
        Assert.Equal(2.0, metrics.AverageServerCountTotal);
        Assert.True(double.IsNaN(metrics.AverageUtilization));
        Assert.Equal(0.0, metrics.RejectionProbability);
    }

    [Fact]
    public void A_tiny_idle_time_is_continuous_with_zero_idle_time()
    {
        AssertRelative(1.99982, Solve(1, 1, 2, 1e-3).AverageResponseTime.Value, 1e-5);
    }

    [Fact]
    public void A_chain_pinned_at_maximum_concurrency_has_no_cold_start_and_rejects_the_blocked_requests()
    {
        // §6: every kill rate below M is exactly 0, so π = e_M exactly.
        var metrics = Solve(200, 5, 10, 600);
        Assert.Equal(1001, metrics.StateCount);
        Assert.Equal(5.0, metrics.AverageResponseTime.Value);
        Assert.Equal(0.0, metrics.ColdStartProbability);
        Assert.Equal(1000.0, metrics.AverageServerCount);
        AssertRelative(0.0248, metrics.RejectionProbability, 1e-2);
        AssertRelative(0.9, Solve(1e4, 1, 2, 600).RejectionProbability, 1e-3);
    }

    [Fact]
    public void A_maximum_concurrency_above_the_chain_leaves_the_result_bit_identical()
    {
        // §8: M enters only through the cap min(m + W, M); a 44-state chain never meets 100 or int.MaxValue.
        var reference = Solve(1.8, 2.6171449136207237, 3.9437898153928197, 600);
        Assert.Equal(reference, Solve(1.8, 2.6171449136207237, 3.9437898153928197, 600, 100));
        Assert.Equal(reference, Solve(1.8, 2.6171449136207237, 3.9437898153928197, 600, int.MaxValue));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    public void A_small_maximum_concurrency_caps_the_chain_and_turns_blocked_requests_into_rejections(int maximumConcurrency)
    {
        // §8: the window starts at min(30, M); ρ = 200 overflows any of these caps.
        var metrics = Solve(100, 2, 25, 600, maximumConcurrency);
        Assert.Equal(maximumConcurrency + 1, metrics.StateCount);
        Assert.True(metrics.RejectionProbability > 0);
        AssertRelative(metrics.RejectionProbability * 100, metrics.RejectionRatePerSecond, 1e-15);
        Assert.InRange(metrics.AverageServerCount, 0, maximumConcurrency);
    }

    public static TheoryData<double, double, double, double, string> InvalidInputs() => new()
    {
        { 0, 1, 2, 600, "arrivalRate" },
        { -1, 1, 2, 600, "arrivalRate" },
        { double.NaN, 1, 2, 600, "arrivalRate" },
        { double.PositiveInfinity, 1, 2, 600, "arrivalRate" },
        { 1, 0, 2, 600, "warm" },
        { 1, -1, 2, 600, "warm" },
        { 1, double.NaN, 2, 600, "warm" },
        { 1, 1, 0, 600, "cold" },
        { 1, 1, -2, 600, "cold" },
        { 1, 1, double.NaN, 600, "cold" },
        { 1, 1, 2, -1, "idleBeforeKill" },
        { 1, 1, 2, double.NaN, "idleBeforeKill" },
        { 1, 1, 2, double.PositiveInfinity, "idleBeforeKill" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void An_input_outside_the_model_domain_is_rejected_with_what_was_expected(double rate, double warm, double cold, double idle, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Solve(rate, warm, cold, idle));
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("Expected", error.Message);
    }

    [Fact]
    public void A_maximum_concurrency_below_one_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Solve(1, 1, 2, 600, 0));
        Assert.Equal("maximumConcurrency", error.ParamName);
    }

    [Fact]
    public void A_call_allocates_only_its_result_once_the_buffer_pool_is_warm()
    {
        for (int i = 0; i < 100; i++)
        {
            Solve(1.8, 2.6, 3.9, 600);
            Solve(150, 5, 10, 600);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        const int calls = 1000;
        for (int i = 0; i < calls; i++)
        {
            Solve(1.8, 2.6, 3.9, 600);
            Solve(150, 5, 10, 600); // 870 states
        }
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (2 * calls);
        // The ServerlessMetrics record and the small chain object; no per-state arrays.
        Assert.True(perCall <= 256, $"{perCall} bytes allocated per call");
    }
}
