using System.Diagnostics;
using AiSprint.Telemetry;

namespace AiSprint.Telemetry.Tests.Paths;

// Each test names its own path and components: listeners are process-wide and classes run in parallel.
public sealed class PathTimingTests
{
    [Fact]
    public void The_last_component_records_the_time_since_the_first_component_started()
    {
        var (first, last, path) = Path(thresholdMilliseconds: 60_000);
        using var recorder = new MeasurementRecorder(path.Id);
        using var request = new Activity("request").Start();

        Call(first, sleepMilliseconds: 20);
        Thread.Sleep(20);
        Call(last, sleepMilliseconds: 20);

        var (duration, tags) = Assert.Single(recorder.PathDurations);
        Assert.InRange(duration, 55.0, 10_000.0);
        Assert.Contains(tags, t => t.Key == AiSprintInstruments.PathTag && (string?)t.Value == path.Id);
        Assert.Empty(recorder.Violations);
        Assert.Null(request.GetBaggageItem(path.BaggageKey));
    }

    [Fact]
    public void A_path_slower_than_its_threshold_counts_one_global_violation()
    {
        var (first, last, path) = Path(thresholdMilliseconds: 5);
        using var recorder = new MeasurementRecorder(path.Id);
        using var request = new Activity("request").Start();

        Call(first, sleepMilliseconds: 0);
        Thread.Sleep(20);
        Call(last, sleepMilliseconds: 0);

        var violation = Assert.Single(recorder.Violations);
        Assert.Equal((1L, "global"), violation);
    }

    [Fact]
    public void A_second_run_of_the_path_starts_anew_instead_of_counting_from_the_first_run()
    {
        var (first, last, path) = Path(thresholdMilliseconds: 60_000);
        using var recorder = new MeasurementRecorder(path.Id);
        using var request = new Activity("request").Start();

        Call(first, 0);
        Thread.Sleep(60);
        Call(last, 0);
        Call(first, 0);
        Call(last, 0);

        Assert.Equal(2, recorder.PathDurations.Count);
        Assert.True(recorder.PathDurations[1].Value < 50, $"second run took {recorder.PathDurations[1].Value} ms: it kept the first run's start");
    }

    [Fact]
    public void The_last_component_called_on_its_own_records_no_path()
    {
        var (_, last, path) = Path(thresholdMilliseconds: 1);
        using var recorder = new MeasurementRecorder(path.Id);
        using var request = new Activity("request").Start();

        Call(last, sleepMilliseconds: 5);

        Assert.Empty(recorder.PathDurations);
        Assert.Empty(recorder.Violations);
    }

    [Fact]
    public void Without_an_ambient_activity_the_path_start_rides_on_a_path_activity_that_stops_with_the_path()
    {
        var (first, last, path) = Path(thresholdMilliseconds: 60_000);
        using var recorder = new MeasurementRecorder(path.Id);
        Activity.Current = null;

        Call(first, 0);
        Assert.Equal(PathClock.PathActivityName, Activity.Current?.OperationName);
        Call(last, 0);

        Assert.Single(recorder.PathDurations);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task An_async_first_component_leaves_the_path_start_on_the_callers_context()
    {
        var (first, last, path) = Path(thresholdMilliseconds: 60_000);
        using var recorder = new MeasurementRecorder(path.Id);
        using var request = new Activity("request").Start();

        await ComponentTimer.Start(first).StopAfter(Task.Delay(20));
        Call(last, 0);

        Assert.InRange(Assert.Single(recorder.PathDurations).Value, 15.0, 10_000.0);
    }

    [Fact]
    public void A_component_that_is_the_whole_path_records_its_own_duration_as_the_path()
    {
        var path = new PathDescriptor("solo-" + Guid.NewGuid().ToString("N"), 60_000);
        var only = new ComponentDescriptor("solo-c-" + Guid.NewGuid().ToString("N"), null, [path], [path]);
        using var recorder = new MeasurementRecorder(path.Id);
        using var request = new Activity("request").Start();

        Call(only, sleepMilliseconds: 15);

        Assert.InRange(Assert.Single(recorder.PathDurations).Value, 10.0, 10_000.0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_non_positive_path_threshold_is_rejected(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PathDescriptor("p", threshold));
    }

    internal static (ComponentDescriptor First, ComponentDescriptor Last, PathDescriptor Path) Path(double thresholdMilliseconds)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var path = new PathDescriptor("path-" + suffix, thresholdMilliseconds);
        return (new ComponentDescriptor("first-" + suffix, null, [path], []), new ComponentDescriptor("last-" + suffix, null, [], [path]), path);
    }

    internal static void Call(ComponentDescriptor component, int sleepMilliseconds)
    {
        var timer = ComponentTimer.Start(component);
        try
        {
            Thread.Sleep(sleepMilliseconds);
        }
        finally
        {
            timer.Stop();
        }
    }
}
