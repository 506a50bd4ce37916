using System.Diagnostics.Metrics;
using AiSprint.Telemetry;

namespace AiSprint.Telemetry.Tests;

/// <summary>
/// Collects the AiSprint measurements of one component or one global path (by its name) through a real
/// <see cref="MeterListener"/>: its durations, its path durations and the violations of its constraint.
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _component;
    private readonly List<double> _durations = [];
    private readonly List<(double Value, KeyValuePair<string, object?>[] Tags)> _pathDurations = [];
    private readonly List<(long Value, string? Scope)> _violations = [];
    private readonly Dictionary<int, long> _exitCounts = [];

    public MeasurementRecorder(string component)
    {
        _component = component;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AiSprintInstruments.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == AiSprintInstruments.DurationName && HasTag(tags, AiSprintInstruments.ComponentTag, _component))
            {
                lock (_durations)
                {
                    _durations.Add(value);
                }
            }
            else if (instrument.Name == AiSprintInstruments.PathDurationName && HasTag(tags, AiSprintInstruments.PathTag, _component))
            {
                lock (_pathDurations)
                {
                    _pathDurations.Add((value, tags.ToArray()));
                }
            }
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == AiSprintInstruments.ViolationsName && HasTag(tags, AiSprintInstruments.ConstraintTag, _component))
            {
                lock (_violations)
                {
                    _violations.Add((value, TagValue(tags, AiSprintInstruments.ScopeTag)));
                }
            }
            else if (instrument.Name == AiSprintInstruments.EarlyExitRequestsName && HasTag(tags, AiSprintInstruments.ComponentTag, _component))
            {
                var exit = -1;
                foreach (var tag in tags) if (tag.Key == AiSprintInstruments.ExitTag && tag.Value is int number) exit = number;
                lock (_exitCounts)
                {
                    _exitCounts[exit] = _exitCounts.GetValueOrDefault(exit) + value;
                }
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<double> Durations
    {
        get
        {
            lock (_durations)
            {
                return [.. _durations];
            }
        }
    }

    /// <summary>Durations of the global path named like this recorder, with all their tags.</summary>
    public IReadOnlyList<(double Value, KeyValuePair<string, object?>[] Tags)> PathDurations
    {
        get
        {
            lock (_pathDurations)
            {
                return [.. _pathDurations];
            }
        }
    }

    public IReadOnlyList<(long Value, string? Scope)> Violations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Early-exit requests of the component, by the exit they stopped at.</summary>
    public IReadOnlyDictionary<int, long> ExitCounts
    {
        get
        {
            lock (_exitCounts)
            {
                return new Dictionary<int, long>(_exitCounts);
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value) =>
        TagValue(tags, key) == value;

    private static string? TagValue(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
