using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiSprint.Telemetry;

namespace AiSprint.Telemetry.Tests.Components;

// Listeners are process-wide and xunit runs classes in parallel: every test uses its own
// component name and keeps only the measurements tagged with it.
public sealed class ComponentTimerTests
{
    [Fact]
    public void Stop_records_the_duration_in_milliseconds_tagged_with_the_component()
    {
        var component = new ComponentDescriptor("timer-records-" + Guid.NewGuid().ToString("N"), null);
        using var recorder = new MeasurementRecorder(component.Name);

        var timer = ComponentTimer.Start(component);
        Thread.Sleep(30);
        timer.Stop();

        var duration = Assert.Single(recorder.Durations);
        Assert.InRange(duration, 25.0, 5_000.0);
        Assert.Empty(recorder.Violations);
    }

    [Fact]
    public void A_call_slower_than_the_local_threshold_counts_one_local_violation()
    {
        var component = new ComponentDescriptor("timer-violates-" + Guid.NewGuid().ToString("N"), 1.0);
        using var recorder = new MeasurementRecorder(component.Name);

        var timer = ComponentTimer.Start(component);
        Thread.Sleep(20);
        timer.Stop();

        var violation = Assert.Single(recorder.Violations);
        Assert.Equal(1, violation.Value);
        Assert.Equal("local", violation.Scope);
    }

    [Fact]
    public void A_call_within_the_threshold_counts_no_violation()
    {
        var component = new ComponentDescriptor("timer-within-" + Guid.NewGuid().ToString("N"), 60_000.0);
        using var recorder = new MeasurementRecorder(component.Name);

        ComponentTimer.Start(component).Stop();

        Assert.Single(recorder.Durations);
        Assert.Empty(recorder.Violations);
    }

    [Fact]
    public void An_activity_listener_sees_one_activity_named_after_the_component()
    {
        var component = new ComponentDescriptor("timer-activity-" + Guid.NewGuid().ToString("N"), null);
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AiSprintInstruments.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == component.Name)
                {
                    lock (stopped)
                    {
                        stopped.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        ComponentTimer.Start(component).Stop();

        var activity = Assert.Single(stopped);
        Assert.Equal(component.Name, activity.GetTagItem(AiSprintInstruments.ComponentTag));
    }

    [Fact]
    public void A_default_timer_stops_without_effect()
    {
        var component = new ComponentDescriptor("timer-default-" + Guid.NewGuid().ToString("N"), 1.0);
        using var recorder = new MeasurementRecorder(component.Name);

        default(ComponentTimer).Stop();

        Assert.Empty(recorder.Durations);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    public void A_non_positive_threshold_is_rejected(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComponentDescriptor("c", threshold));
    }
}

public sealed class ComponentTimerAsyncTests
{
    [Fact]
    public async Task StopAfter_records_when_the_task_completes_not_when_it_is_returned()
    {
        var component = new ComponentDescriptor("timer-async-" + Guid.NewGuid().ToString("N"), null);
        using var recorder = new MeasurementRecorder(component.Name);
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var wrapped = ComponentTimer.Start(component).StopAfter(gate.Task);
        Assert.Empty(recorder.Durations);
        gate.SetResult(42);

        Assert.Equal(42, await wrapped);
        Assert.Single(recorder.Durations);
    }

    [Fact]
    public async Task StopAfter_records_a_faulted_task_and_keeps_its_exception()
    {
        var component = new ComponentDescriptor("timer-fault-" + Guid.NewGuid().ToString("N"), null);
        using var recorder = new MeasurementRecorder(component.Name);

        var wrapped = ComponentTimer.Start(component).StopAfter(FailLaterAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await wrapped);
        Assert.Single(recorder.Durations);
    }

    [Fact]
    public async Task StopAfter_hands_back_an_already_completed_value_task_and_records_it()
    {
        var component = new ComponentDescriptor("timer-sync-vt-" + Guid.NewGuid().ToString("N"), null);
        using var recorder = new MeasurementRecorder(component.Name);

        var wrapped = ComponentTimer.Start(component).StopAfter(new ValueTask<int>(7));

        Assert.True(wrapped.IsCompletedSuccessfully);
        Assert.Equal(7, await wrapped);
        Assert.Single(recorder.Durations);
    }

    private static async Task FailLaterAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("callee failed");
    }
}
