using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiSprint.Telemetry;

namespace AiSprint.Telemetry.Tests.Components;

/// <summary>Alone in the run: a listener attached by a parallel test would allocate on this thread and blur the count.</summary>
[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

[Collection(nameof(AllocationCollection))]
public sealed class ComponentTimerAllocationTests
{
    private static readonly ComponentDescriptor Component = new("allocation-probe", 0.000001);
    private static readonly PathDescriptor ProbePath = new("allocation-path", 0.000001);
    private static readonly ComponentDescriptor PathFirst = new("allocation-first", null, [ProbePath], []);
    private static readonly ComponentDescriptor PathLast = new("allocation-last", null, [], [ProbePath]);

    [Fact]
    public void A_timed_call_allocates_nothing_when_nothing_listens()
    {
        TimeCalls(10); // JIT and static initialisation first

        var before = GC.GetAllocatedBytesForCurrentThread();
        TimeCalls(1_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Components_starting_and_ending_a_path_allocate_nothing_when_nothing_listens()
    {
        using var request = new Activity("request").Start();
        TimePath(10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        TimePath(1_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Null(request.GetBaggageItem(ProbePath.BaggageKey));
    }

    [Fact]
    public void A_path_end_with_no_start_in_context_allocates_nothing_while_listened_to()
    {
        var recorded = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AiSprintInstruments.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref recorded));
        listener.Start();
        using var request = new Activity("request").Start();
        for (var i = 0; i < 10; i++)
        {
            ComponentTimer.Start(PathLast).Stop();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            ComponentTimer.Start(PathLast).Stop();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_010, Interlocked.Read(ref recorded));
    }

    [Fact]
    public void A_timed_call_that_records_and_counts_a_violation_allocates_nothing()
    {
        var recorded = 0L;
        var violations = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AiSprintInstruments.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref recorded));
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref violations));
        listener.Start();
        TimeCalls(10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        TimeCalls(1_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        // Every call records a duration and (threshold 1 ns) counts a violation.
        Assert.Equal(1_010, Interlocked.Read(ref recorded));
        Assert.Equal(1_010, Interlocked.Read(ref violations));
    }

    private static void TimePath(int count)
    {
        for (var i = 0; i < count; i++)
        {
            ComponentTimer.Start(PathFirst).Stop();
            ComponentTimer.Start(PathLast).Stop();
        }
    }

    private static void TimeCalls(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var timer = ComponentTimer.Start(Component);
            WaitForClockTick();
            timer.Stop();
        }
    }

    // Two back-to-back timestamps can be equal; one tick inside the timed region makes the
    // elapsed time positive, so the 1 ns threshold is exceeded on every call.
    private static void WaitForClockTick()
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() == start)
        {
        }
    }
}
