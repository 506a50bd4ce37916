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
    public void Above_ten_thousand_values_the_p_value_is_the_finite_n_distribution_at_the_effective_size()
    {
        // stats.ks_2samp(sample(8,12000), sample(9,11000,0.01)) -> 0.021212121212121238, 0.011266906548890666
        var r = KolmogorovSmirnov.TwoSample(Sample(8, 12000), Sample(9, 11000, 0.01));
        Assert.Equal(PValueMethod.Asymptotic, r.Method);
        Assert.Equal(0.021212121212121238, r.Statistic, Tolerance);
        Assert.Equal(0.011266906548890666, r.PValue, Tolerance);
    }

    [Fact]
    public void A_large_window_against_a_small_one_takes_the_asymptotic_path_at_a_small_effective_size()
    {
        // stats.ks_2samp(sample(10,20000), sample(11,60)) -> 0.07146666666666668, 0.8975690754228945 (n = round(59.8) = 60)
        var r = KolmogorovSmirnov.TwoSample(Sample(10, 20000), Sample(11, 60));
        Assert.Equal(PValueMethod.Asymptotic, r.Method);
        Assert.Equal(0.8975690754228945, r.PValue, Tolerance);
    }

    [Fact]
    public void A_shift_between_two_large_windows_gets_a_small_asymptotic_p_value()
    {
        // stats.ks_2samp(sample(12,15000), sample(13,15000,0.02)) -> 0.028000000000000025, 1.530662208343944e-05
        var r = KolmogorovSmirnov.TwoSample(Sample(12, 15000), Sample(13, 15000, 0.02));
        Assert.Equal(0.028000000000000025, r.Statistic, Tolerance);
        Assert.Equal(1.530662208343944e-05, r.PValue, Tolerance);
    }

    [Fact]
    public void The_asymptotic_p_value_can_be_asked_for_at_any_size()
    {
        // stats.ks_2samp(sample(5,1000), sample(6,800,0.05), method='asymp') -> 0.08725000000000005, 0.0021696605578071064
        var r = KolmogorovSmirnov.TwoSample(Sample(5, 1000), Sample(6, 800, 0.05), PValueMethod.Asymptotic);
        Assert.Equal(PValueMethod.Asymptotic, r.Method);
        Assert.Equal(0.08725000000000005, r.Statistic, Tolerance);
        Assert.Equal(0.0021696605578071064, r.PValue, Tolerance);
    }

    [Theory]
    // stats.kstwo.sf(x, n): every branch of SciPy's _kolmogn (Ruben-Gambino ends, Smirnov tail, Durbin matrix, Pelz-Good)
    [InlineData(10, 0.05, 1.0)]
    [InlineData(10, 0.3, 0.27053557479999946)]
    [InlineData(10, 0.6, 0.0005681672000000003)]
    [InlineData(50, 0.1, 0.6623112704658186)]
    [InlineData(50, 0.2, 0.03143877776953241)]
    [InlineData(100, 0.05, 0.9532159710635725)]
    [InlineData(139, 0.15, 0.003399906998400009)]
    [InlineData(300, 0.003, 1.0)]
    [InlineData(1000, 0.01, 0.9999496745370611)]
    [InlineData(1000, 0.03, 0.3226902143914636)]
    [InlineData(1000, 0.05, 0.013012074781090332)]
    [InlineData(5000, 0.006, 0.9933190457003288)]
    [InlineData(5000, 0.015, 0.20846142096186204)]
    [InlineData(5000, 0.03, 0.00024159234422666817)]
    [InlineData(200000, 0.002, 0.39995085369038097)]
    [InlineData(200000, 0.004, 0.003314212822560255)]
    public void The_finite_n_kolmogorov_distribution_matches_scipy(int n, double x, double expected) =>
        Assert.Equal(expected, KolmogorovFinite.Survival(n, x), Tolerance);

    [Fact]
    public void An_empty_or_nan_sample_is_refused()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([double.NaN], [1.0]));
    }
}
