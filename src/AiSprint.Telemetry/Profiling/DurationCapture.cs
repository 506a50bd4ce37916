using System.Diagnostics.Metrics;

namespace AiSprint.Telemetry.Profiling;

/// <summary>
/// Reads the component durations the generated wrappers record, in the process being profiled: the profiler
/// measures the code the deployed application runs with the wrappers' own instrument, not with a clock of its own.
/// </summary>
internal sealed class DurationCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private string? _component;
    private double _milliseconds;
    private int _calls;

    public DurationCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AiSprintInstruments.MeterName && instrument.Name == AiSprintInstruments.DurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.Start();
    }

    /// <summary>Starts collecting the calls of <paramref name="component"/>, forgetting earlier ones.</summary>
    public void Begin(string component)
    {
        lock (_gate)
        {
            _component = component;
            _milliseconds = 0;
            _calls = 0;
        }
    }

    /// <summary>The total time of the calls since <see cref="Begin"/> and how many there were.</summary>
    public (double Milliseconds, int Calls) End()
    {
        lock (_gate)
        {
            _component = null;
            return (_milliseconds, _calls);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnDuration(Instrument instrument, double milliseconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key != AiSprintInstruments.ComponentTag) continue;
            lock (_gate)
            {
                if (_component is not null && Equals(tag.Value, _component))
                {
                    _milliseconds += milliseconds;
                    _calls++;
                }
            }

            return;
        }
    }
}
