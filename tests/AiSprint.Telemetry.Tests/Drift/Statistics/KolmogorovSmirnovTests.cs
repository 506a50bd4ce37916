using AiSprint.Telemetry.Drift.Statistics;
using static AiSprint.Telemetry.Tests.Drift.Statistics.ReferenceSamples;

namespace AiSprint.Telemetry.Tests.Drift.Statistics;

public class KolmogorovSmirnovTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Small_unequal_samples_get_the_exact_p_value()
    {
        // stats.ks_2samp(SmallX, SmallY, method='exact') -> statistic=0.8, pvalue=0.030303030303030304
        var r = KolmogorovSmirnov.TwoSample(SmallX, SmallY);
        Assert.Equal(PValueMethod.Exact, r.Method);
        Assert.Equal(0.8, r.Statistic, Tolerance);
        Assert.Equal(0.030303030303030304, r.PValue, Tolerance);
    }

    [Fact]
    public void Equal_sizes_take_the_closed_alternating_sum()
    {
        // stats.ks_2samp(sample(1,50), sample(2,50,0.3), method='exact') -> 0.38, 0.0013147736033165794
        var r = KolmogorovSmirnov.TwoSample(Sample(1, 50), Sample(2, 50, 0.3));
        Assert.Equal(PValueMethod.Exact, r.Method);
        Assert.Equal(0.38, r.Statistic, Tolerance);
        Assert.Equal(0.0013147736033165794, r.PValue, Tolerance);
    }

    [Fact]
    public void Ties_are_counted_as_scipy_counts_them()
    {
        // stats.ks_2samp(sample(3,300,decimals=1), sample(4,200,0.05,decimals=1), method='exact')
        //   -> 0.10333333333333333, 0.1469143786743388
        var r = KolmogorovSmirnov.TwoSample(Sample(3, 300, decimals: 1), Sample(4, 200, 0.05, decimals: 1));
        Assert.Equal(0.10333333333333333, r.Statistic, Tolerance);
        Assert.Equal(0.1469143786743388, r.PValue, Tolerance);
    }

    [Fact]
    public void A_shift_in_large_windows_gets_a_tiny_exact_p_value_to_full_relative_precision()
    {
        // stats.ks_2samp(sample(5,1000), sample(6,800,0.2), method='exact') -> 0.23675, 2.512696459334447e-22
        var r = KolmogorovSmirnov.TwoSample(Sample(5, 1000), Sample(6, 800, 0.2));
        Assert.Equal(PValueMethod.Exact, r.Method);
        Assert.Equal(0.23675, r.Statistic, Tolerance);
        Assert.Equal(2.512696459334447e-22, r.PValue, 2.512696459334447e-22 * 1e-9);
    }

    [Fact]
    public void Samples_of_one_distribution_get_a_large_p_value()
    {
        // stats.ks_2samp(sample(5,1000), sample(7,800), method='exact') -> 0.043, 0.37352906418576154
        var r = KolmogorovSmirnov.TwoSample(Sample(5, 1000), Sample(7, 800));
        Assert.Equal(0.043, r.Statistic, Tolerance);
        Assert.Equal(0.37352906418576154, r.PValue, Tolerance);
    }

    [Fact]
    public void Identical_samples_have_p_value_one()
    {
        var r = KolmogorovSmirnov.TwoSample(Sample(5, 30), Sample(5, 30));
        Assert.Equal(0, r.Statistic);
        Assert.Equal(1, r.PValue);
    }

    [Fact]
    public void Above_ten_thousand_values_the_p_value_is_kolmogorovs_limit()
    {
        // r = stats.ks_2samp(sample(8,12000), sample(9,11000,0.01)) -> statistic 0.021212121212121238
        //   (SciPy's own asymptotic p, kstwo.sf(d, round(en)), is 0.011266906548890666: documented difference)
        // stats.kstwobign.sf(sqrt(12000*11000/23000) * r.statistic) -> 0.011429661825720918
        var r = KolmogorovSmirnov.TwoSample(Sample(8, 12000), Sample(9, 11000, 0.01));
        Assert.Equal(PValueMethod.Asymptotic, r.Method);
        Assert.Equal(0.021212121212121238, r.Statistic, Tolerance);
        Assert.Equal(0.011429661825720918, r.PValue, Tolerance);
    }

    [Fact]
    public void The_asymptotic_p_value_can_be_asked_for_at_any_size()
    {
        // r = stats.ks_2samp(sample(5,1000), sample(6,800,0.05), method='asymp') -> statistic 0.08725000000000005
        // stats.kstwobign.sf(sqrt(1000*800/1800) * r.statistic) -> 0.002302925418448155
        var r = KolmogorovSmirnov.TwoSample(Sample(5, 1000), Sample(6, 800, 0.05), PValueMethod.Asymptotic);
        Assert.Equal(PValueMethod.Asymptotic, r.Method);
        Assert.Equal(0.08725000000000005, r.Statistic, Tolerance);
        Assert.Equal(0.002302925418448155, r.PValue, Tolerance);
    }

    [Theory]
    // stats.kstwobign.sf(z)
    [InlineData(0.3, 0.9999906941986655)]
    [InlineData(0.8, 0.5441424115741981)]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(1.36, 0.049485876755377876)]
    [InlineData(2.5, 7.453306344157342e-06)]
    public void Kolmogorovs_survival_function_matches_scipy(double z, double expected) =>
        Assert.Equal(expected, Kolmogorov.Survival(z), Tolerance);

    [Fact]
    public void An_empty_or_nan_sample_is_refused()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([double.NaN], [1.0]));
    }
}
