using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace AiSprint.Telemetry;

/// <summary>
/// Listens to <c>aisprint.early_exit.requests</c> in this process and writes what it counted as the measured
/// exit-counts file the build reads (<c>component,exit,requests</c>; put it at the project's
/// <c>early_exit_counts.csv</c> and the next build places with the measured exit probabilities). For a run under a
/// representative workload (a test, a canary); in production the same counter reaches Prometheus.
/// </summary>
public sealed class EarlyExitCountsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(string Component, int Exit), long> _counts = [];

    /// <summary>Starts counting <c>aisprint.early_exit.requests</c> measurements in this process; only those recorded after construction are counted.</summary>
    public EarlyExitCountsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AiSprintInstruments.MeterName && instrument.Name == AiSprintInstruments.EarlyExitRequestsName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? component = null;
            var exit = 0;
            foreach (var tag in tags)
            {
                if (tag.Key == AiSprintInstruments.ComponentTag) component = tag.Value as string;
                else if (tag.Key == AiSprintInstruments.ExitTag && tag.Value is int number) exit = number;
            }
            if (component is null || exit < 1) return;
            lock (_counts) _counts[(component, exit)] = _counts.GetValueOrDefault((component, exit)) + value;
        });
        _listener.Start();
    }

    /// <summary>The counts so far, by component and exit.</summary>
    public IReadOnlyDictionary<(string Component, int Exit), long> Counts
    {
        get
        {
            lock (_counts) return new Dictionary<(string, int), long>(_counts);
        }
    }

    /// <summary>The file's text: the header and one row per component and exit, in order.</summary>
    public string Format() =>
        "component,exit,requests\n" + string.Concat(Counts.OrderBy(c => c.Key.Component, StringComparer.Ordinal).ThenBy(c => c.Key.Exit)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key.Component},{c.Key.Exit},{c.Value}\n")));

    /// <summary>Writes <see cref="Format"/> to <paramref name="path"/> through a temporary file, so a reader never sees half of it.</summary>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Format(), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Stops listening; the counts taken so far can still be written.</summary>
    public void Dispose() => _listener.Dispose();
}
