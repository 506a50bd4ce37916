using AiSprint.Profiling.Components;

namespace AiSprint.Profiling.Tests.Components;

public sealed class OutlierFilterTests
{
    [Fact]
    public void A_time_far_from_a_tight_cluster_is_dropped()
    {
        double[] times = [10.0, 10.2, 9.9, 10.1, 10.05, 9.95, 48.0, 10.15];

        var kept = OutlierFilter.Keep(times);

        Assert.DoesNotContain(6, kept);
        Assert.Equal(7, kept.Count);
    }

    [Fact]
    public void Evenly_spread_times_are_all_kept()
    {
        double[] times = [10, 11, 12, 13, 14, 15];

        Assert.Equal(6, OutlierFilter.Keep(times).Count);
    }

    [Fact]
    public void Identical_times_and_tiny_samples_are_kept_whole()
    {
        Assert.Equal(5, OutlierFilter.Keep([3, 3, 3, 3, 3]).Count);
        Assert.Equal(3, OutlierFilter.Keep([1, 1, 100]).Count);
    }
}
