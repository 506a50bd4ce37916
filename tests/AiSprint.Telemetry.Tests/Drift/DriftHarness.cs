using System.Diagnostics.Metrics;
using AiSprint.Annotations;
using AiSprint.Telemetry.Drift;
using Microsoft.Extensions.Time.Testing;

namespace AiSprint.Telemetry.Tests.Drift;

/// <summary>A monitor on a fake clock and a meter of its own, writing to a temporary directory; read back through a real MeterListener.</summary>
internal sealed class DriftHarness : IDisposable
{
    public DriftHarness(Uri? webhook = null)
    {
        Directory.CreateDirectory(DataDirectory);
        Meter = new Meter("AiSprint.Tests.Drift." + Guid.NewGuid().ToString("N"));
        Monitor = new DriftMonitor(new DriftMonitorOptions
        {
            DataDirectory = DataDirectory,
            TimeProvider = Clock,
            Meter = Meter,
            WebhookUri = webhook,
        });
        Monitor.Drifted += (_, e) => { lock (Events) Events.Add(e); };
        Monitor.CollectionCompleted += (_, e) => { lock (Events) Events.Add(e); };
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "aisprint-drift-tests", Guid.NewGuid().ToString("N"));

    public Meter Meter { get; }

    public DriftMonitor Monitor { get; }

    public List<DriftEvent> Events { get; } = [];

    public static DriftDeclaration Declare(string metric, DriftTest test, int window = 100, double threshold = 0.01, double intervalSeconds = 1, double collectionSeconds = 5, string? referenceFile = null) =>
        DriftDeclaration.FromSeconds("detector", metric, test, threshold, window, intervalSeconds, collectionSeconds, referenceFile);

    /// <summary>Records <paramref name="values"/>, then lets one detection interval pass.</summary>
    public void RecordAndTick(string metric, IEnumerable<double> values, double intervalSeconds = 1)
    {
        foreach (var v in values) Monitor.Record(metric, v);
        Clock.Advance(TimeSpan.FromSeconds(intervalSeconds));
    }

    /// <summary>The latest observation of every drift instrument of this harness's meter, keyed by instrument name and metric tag.</summary>
    public Dictionary<(string Instrument, string Metric), double> Observe()
    {
        var seen = new Dictionary<(string, string), double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == Meter) l.EnableMeasurementEvents(instrument);
        };
        void Take(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var metric = "";
            foreach (var t in tags) if (t.Key == "metric") metric = (string)t.Value!;
            var key = (instrument.Name, metric);
            seen[key] = instrument is Counter<long> ? seen.GetValueOrDefault(key) + value : value;
        }

        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Take(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Take(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Take(i, v, t));
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }

    public void Dispose()
    {
        Monitor.Dispose();
        Meter.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
