using AiSprint.Telemetry.Drift.Statistics;

namespace AiSprint.Telemetry.Tests.Drift.Statistics;

public class FisherExactTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    // stats.fisher_exact(table) (two-sided) -> (odds ratio, p)
    [InlineData(8, 2, 1, 5, 20.0, 0.034965034965034975)]
    [InlineData(7, 17, 15, 5, 0.13725490196078433, 0.005768386750469949)]
    [InlineData(5, 5, 5, 5, 1.0, 1.0)]
    [InlineData(3, 1, 1, 3, 9.0, 0.48571428571428565)]
    [InlineData(0, 30, 9, 21, 0.0, 0.0019356033191389092)]
    [InlineData(480, 520, 560, 440, 0.7252747252747253, 0.0004038943542394445)]
    public void Two_sided_p_values_match_scipy(long a, long b, long c, long d, double oddsRatio, double p)
    {
        var r = FisherExact.TwoByTwo(a, b, c, d);
        Assert.Equal(PValueMethod.Exact, r.Method);
        Assert.Equal(oddsRatio, r.Statistic, Tolerance);
        Assert.Equal(p, r.PValue, Tolerance);
    }

    [Fact]
    public void Windows_of_binary_values_count_ones_and_zeros()
    {
        // [[480, 520], [560, 440]] as windows: 480 ones of 1000, then 560 ones of 1000.
        var reference = Enumerable.Repeat(1.0, 480).Concat(Enumerable.Repeat(0.0, 520)).ToArray();
        var current = Enumerable.Repeat(0.0, 440).Concat(Enumerable.Repeat(1.0, 560)).ToArray();
        Assert.Equal(0.0004038943542394445, FisherExact.TwoSample(reference, current).PValue, Tolerance);
    }

    [Fact]
    public void A_window_of_one_value_only_is_no_evidence() =>
        Assert.Equal(1, FisherExact.TwoSample([1.0, 1.0, 1.0], [1.0, 1.0]).PValue);
}
