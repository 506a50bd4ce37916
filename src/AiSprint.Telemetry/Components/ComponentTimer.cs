using System.Diagnostics;

namespace AiSprint.Telemetry;

/// <summary>
/// Times one component call: <see cref="Start"/> before the call, <see cref="Stop"/> after it
/// (in a <c>finally</c>). A value type so that timing allocates nothing; when no listener is
/// attached to the AiSprint meter or activity source it reads no clock at all.
/// </summary>
public readonly partial struct ComponentTimer
{
    private static readonly double MillisecondsPerTick = 1000.0 / Stopwatch.Frequency;

    private readonly ComponentDescriptor? _component;
    private readonly long _startTimestamp;
    private readonly Activity? _activity;

    private ComponentTimer(ComponentDescriptor component, long startTimestamp, Activity? activity)
    {
        _component = component;
        _startTimestamp = startTimestamp;
        _activity = activity;
    }

    /// <summary>
    /// Whether anything listens to the AiSprint instruments. Async wrappers check it first and,
    /// when false, return the callee's task untouched instead of building a state machine.
    /// </summary>
    public static bool IsListening => IsMeasuring || AiSprintInstruments.ActivitySource.HasListeners();

    private static bool IsMeasuring =>
        AiSprintInstruments.Duration.Enabled
        || AiSprintInstruments.Violations.Enabled
        || AiSprintInstruments.PathDuration.Enabled;

    /// <summary>Starts timing a call of <paramref name="component"/>.</summary>
    /// <param name="component">The component being called.</param>
    /// <returns>The running timer; a no-op timer when nothing listens.</returns>
    public static ComponentTimer Start(ComponentDescriptor component)
    {
        var measure = IsMeasuring;
        if (measure && component.StartsPaths.Length != 0)
        {
            // Before the component's own activity: the start belongs on the caller's context, which outlives this call.
            PathClock.Start(component.StartsPaths);
        }

        var activity = AiSprintInstruments.ActivitySource.HasListeners()
            ? AiSprintInstruments.ActivitySource.StartActivity(component.Name, ActivityKind.Internal)
            : null;
        if (!measure && activity is null)
        {
            return default;
        }

        activity?.SetTag(AiSprintInstruments.ComponentTag, component.Name);
        return new ComponentTimer(component, measure ? Stopwatch.GetTimestamp() : 0, activity);
    }

    /// <summary>
    /// Stops the timer: records the duration, counts a local violation when the threshold is
    /// exceeded, ends the activity, and records the paths this component ends. Does nothing on a no-op timer.
    /// </summary>
    public void Stop()
    {
        if (_component is null)
        {
            return;
        }

        if (_startTimestamp != 0)
        {
            // Not Stopwatch.GetElapsedTime: its TimeSpan rounds to 100 ns, so fast components would read 0 ms.
            var elapsedMilliseconds = (Stopwatch.GetTimestamp() - _startTimestamp) * MillisecondsPerTick;
            var tags = _component.DurationTags;
            if (tags.Length == 1)
            {
                // No identity configured: the one-tag overload, measurably cheaper than a span of one.
                AiSprintInstruments.Duration.Record(elapsedMilliseconds, tags[0]);
            }
            else
            {
                AiSprintInstruments.Duration.Record(elapsedMilliseconds, tags);
            }
            if (elapsedMilliseconds > _component.ViolationAboveMilliseconds)
            {
                AiSprintInstruments.Violations.Add(1, _component.ViolationTags);
                _activity?.SetTag("aisprint.violation", true);
            }
        }

        _activity?.Dispose();
        if (_startTimestamp != 0 && _component.EndsPaths.Length != 0)
        {
            PathClock.End(_component.EndsPaths, _activity is null ? Activity.Current : _activity.Parent);
        }
    }

    /// <summary>
    /// Called when the callee returned a task still running: the wrapper goes back to its caller now,
    /// so the caller's <see cref="Activity.Current"/> must be what it was before <see cref="Start"/>,
    /// not this call's activity (which stops later, on another flow).
    /// </summary>
    private void LeaveCallerContext()
    {
        if (_activity is not null && Activity.Current == _activity)
        {
            Activity.Current = _activity.Parent;
        }
    }
}
