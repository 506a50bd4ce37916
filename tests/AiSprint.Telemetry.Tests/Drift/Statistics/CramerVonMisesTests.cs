using AiSprint.Telemetry.Drift.Statistics;
using static AiSprint.Telemetry.Tests.Drift.Statistics.ReferenceSamples;

namespace AiSprint.Telemetry.Tests.Drift.Statistics;

public class CramerVonMisesTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Small_samples_get_the_exact_p_value()
    {
        // stats.cramervonmises_2samp(SmallX, SmallY, method='exact') -> 0.5337301587301588, 0.03535353535353535
        var r = CramerVonMises.TwoSample(SmallX, SmallY);
        Assert.Equal(PValueMethod.Exact, r.Method);
        Assert.Equal(0.5337301587301588, r.Statistic, Tolerance);
        Assert.Equal(0.03535353535353535, r.PValue, Tolerance);
    }

    [Fact]
    public void Ties_take_mid_ranks_in_the_exact_p_value()
    {
        // stats.cramervonmises_2samp(sample(10,20,decimals=1), sample(11,15,0.1,decimals=1), method='exact')
        //   -> 0.14547619047619076, 0.422248579005305
        var r = CramerVonMises.TwoSample(Sample(10, 20, decimals: 1), Sample(11, 15, 0.1, decimals: 1));
        Assert.Equal(PValueMethod.Exact, r.Method);
        Assert.Equal(0.14547619047619076, r.Statistic, Tolerance);
        Assert.Equal(0.422248579005305, r.PValue, Tolerance);
    }

    [Fact]
    public void A_shift_gets_a_small_exact_p_value()
    {
        // stats.cramervonmises_2samp(sample(10,20), sample(11,15,0.5), method='exact') -> 1.4719047619047618, 0.00010175424375345288
        var r = CramerVonMises.TwoSample(Sample(10, 20), Sample(11, 15, 0.5));
        Assert.Equal(1.4719047619047618, r.Statistic, Tolerance);
        Assert.Equal(0.00010175424375345288, r.PValue, Tolerance);
    }

    [Fact]
    public void Above_twenty_values_the_p_value_is_asymptotic()
    {
        // stats.cramervonmises_2samp(sample(12,100), sample(13,80,0.1)) -> 0.44778240740740927, 0.05423336167708581
        var r = CramerVonMises.TwoSample(Sample(12, 100), Sample(13, 80, 0.1));
        Assert.Equal(PValueMethod.Asymptotic, r.Method);
        Assert.Equal(0.44778240740740927, r.Statistic, Tolerance);
        Assert.Equal(0.05423336167708581, r.PValue, Tolerance);
    }

    [Fact]
    public void Large_windows_with_a_shift_get_a_tiny_p_value()
    {
        // stats.cramervonmises_2samp(sample(14,2000), sample(15,1500,0.08)) -> 5.520174761904855, 3.31932481500985e-10
        var r = CramerVonMises.TwoSample(Sample(14, 2000), Sample(15, 1500, 0.08));
        Assert.Equal(5.520174761904855, r.Statistic, 1e-8);
        Assert.Equal(3.31932481500985e-10, r.PValue, Tolerance);
    }

    [Fact]
    public void Large_windows_of_one_distribution_get_a_large_p_value()
    {
        // stats.cramervonmises_2samp(sample(14,2000), sample(16,1500)) -> 0.21488657142856482, 0.24046541683325873
        var r = CramerVonMises.TwoSample(Sample(14, 2000), Sample(16, 1500));
        Assert.Equal(0.21488657142856482, r.Statistic, 1e-8);
        Assert.Equal(0.24046541683325873, r.PValue, Tolerance);
    }

    [Theory]
    // scipy.stats._hypotests._cdf_cvm_inf(t)
    [InlineData(0.05, 0.12371906895864912)]
    [InlineData(0.2, 0.7325295694592229)]
    [InlineData(0.461, 0.9498928727982415)]
    [InlineData(1.0, 0.9975395478198642)]
    [InlineData(2.0, 0.9999872192637342)]
    public void The_limiting_cdf_matches_scipy(double t, double expected) =>
        Assert.Equal(expected, CramerVonMises.LimitingCdf(t), Tolerance);

    [Theory]
    // scipy.special.kve(0.25, q)
    [InlineData(0.02, 5.058437167432884)]
    [InlineData(0.5, 1.5832939515157707)]
    [InlineData(3.0, 0.7041397945021687)]
    [InlineData(40.0, 0.19770810462750407)]
    public void The_scaled_bessel_function_of_order_one_quarter_matches_scipy(double q, double expected) =>
        Assert.Equal(expected, CramerVonMises.ScaledBesselKQuarter(q), expected * 1e-12);
}
