using AiSprint.Telemetry.Drift.Statistics;

namespace AiSprint.Telemetry.Tests.Drift.Statistics;

public class ChiSquaredTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Three_categories_have_two_degrees_of_freedom()
    {
        // stats.chi2_contingency([[30,50,20],[45,35,20]]) -> 5.647058823529411, p=0.05939593960520477, dof=2
        var r = ChiSquared.Contingency(new long[,] { { 30, 50, 20 }, { 45, 35, 20 } });
        Assert.Equal(5.647058823529411, r.Statistic, Tolerance);
        Assert.Equal(0.05939593960520477, r.PValue, Tolerance);
    }

    [Fact]
    public void Two_categories_take_yates_correction()
    {
        // stats.chi2_contingency([[12,38],[25,25]]) -> 6.177606177606178, p=0.012937719697648769, dof=1
        var r = ChiSquared.Contingency(new long[,] { { 12, 38 }, { 25, 25 } });
        Assert.Equal(6.177606177606178, r.Statistic, Tolerance);
        Assert.Equal(0.012937719697648769, r.PValue, Tolerance);
    }

    [Fact]
    public void Windows_of_category_values_are_counted_into_the_table()
    {
        // The table [[400,300,200,100],[350,330,210,110]] as windows of category codes 0..3.
        // stats.chi2_contingency(...) -> 5.481997677119629, p=0.13971932925868183, dof=3
        var reference = Repeat((0, 400), (1, 300), (2, 200), (3, 100));
        var current = Repeat((3, 110), (2, 210), (1, 330), (0, 350));
        var r = ChiSquared.TwoSample(reference, current);
        Assert.Equal(5.481997677119629, r.Statistic, Tolerance);
        Assert.Equal(0.13971932925868183, r.PValue, Tolerance);
    }

    [Fact]
    public void A_strong_change_keeps_its_tiny_p_value()
    {
        // stats.chi2_contingency([[500,300,200],[300,300,400]]) -> 116.66666666666669, p=4.6361259109930135e-26
        var r = ChiSquared.Contingency(new long[,] { { 500, 300, 200 }, { 300, 300, 400 } });
        Assert.Equal(116.66666666666669, r.Statistic, Tolerance);
        Assert.Equal(4.6361259109930135e-26, r.PValue, 4.6361259109930135e-26 * 1e-9);
    }

    [Fact]
    public void A_category_new_in_the_current_window_is_a_column_of_its_own()
    {
        var r = ChiSquared.TwoSample(Repeat((0, 50), (1, 50)), Repeat((0, 30), (1, 30), (2, 40)));
        Assert.True(r.PValue < 1e-10);
    }

    [Fact]
    public void One_category_in_both_windows_is_no_evidence()
    {
        Assert.Equal(1, ChiSquared.TwoSample(Repeat((4, 10)), Repeat((4, 7))).PValue);
    }

    private static double[] Repeat(params (double Value, int Count)[] runs) =>
        runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count)).ToArray();
}
