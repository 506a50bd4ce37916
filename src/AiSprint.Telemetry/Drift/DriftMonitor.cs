using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiSprint.Annotations;
using AiSprint.Contract;

namespace AiSprint.Telemetry.Drift;

/// <summary>
/// Runs the drift detectors of a process: keeps each declaration's windows, tests them every detection interval on
/// the options' clock, and reports a drift as metrics (<c>aisprint.drift.*</c>), an activity, a .NET event and an
/// optional webhook POST; collects the values recorded after a drift to a file; and takes a new reference after
/// re-training (<c>RefreshReference</c>, or by rewriting a declared reference file).
/// </summary>
public sealed class DriftMonitor : IDisposable
{
    private static readonly Lazy<DriftMonitor> DefaultMonitor = new(() => new DriftMonitor(DriftMonitorOptions.FromEnvironment()));

    private readonly DriftMonitorOptions _options;
    private readonly object _registrationGate = new();
    private readonly List<Registration> _registrations = [];
    private readonly ConcurrentDictionary<string, DriftDetector[]> _byMetric = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, double>> _categoryCodes = new(StringComparer.Ordinal);
    private readonly DriftNotifier? _notifier;
    private readonly Counter<long> _detections;
    private readonly object _notificationGate = new();
    private Task _notifications = Task.CompletedTask;
    private bool _disposed;

    /// <summary>Creates a monitor; <paramref name="options"/> null takes the defaults.</summary>
    public DriftMonitor(DriftMonitorOptions? options = null)
    {
        _options = options ?? new DriftMonitorOptions();
        if (_options.WebhookUri is { } webhook)
        {
            _notifier = new DriftNotifier(webhook, _options.HttpClient ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
        }

        var meter = _options.Meter ?? AiSprintInstruments.Meter;
        meter.CreateObservableGauge(TelemetryNames.DriftDetected, () => Observe(d => d.State is DriftState.Collecting or DriftState.Collected ? 1 : 0),
            description: "1 while a drift-monitored metric has drifted (until its reference is refreshed), else 0.");
        meter.CreateObservableGauge(TelemetryNames.DriftState, () => Observe(d => (int)d.State),
            description: "Drift detector state: -1 awaiting reference, 0 monitoring, 1 drifted and collecting, 2 collection over.");
        meter.CreateObservableGauge(TelemetryNames.DriftPValue, ObservePValues,
            description: "p-value of the latest drift test.");
        _detections = meter.CreateCounter<long>(TelemetryNames.DriftDetections, unit: "{drift}", description: "Drifts detected.");
    }

    /// <summary>The process's monitor: the generated registrations and <see cref="DriftMetrics"/> use it; configured from the environment (<see cref="DriftMonitorOptions.FromEnvironment"/>).</summary>
    public static DriftMonitor Default => DefaultMonitor.Value;

    /// <summary>A drift was detected.</summary>
    public event EventHandler<DriftEvent>? Drifted;

    /// <summary>A collection period ended (or was cut short by a refresh): <see cref="DriftEvent.CollectionFile"/> is complete.</summary>
    public event EventHandler<DriftEvent>? CollectionCompleted;

    /// <summary>A webhook POST failed (the drift itself is still reported everywhere else).</summary>
    public event EventHandler<Exception>? NotificationFailed;

    /// <summary>
    /// A detection interval or a collection failed (an unwritable collection directory, a test that threw), or a declared
    /// reference file could not be read at registration: the detector keeps running and the application is never
    /// interrupted. Detectors start in the assembly's module initializer, before any code can subscribe, so a new
    /// subscriber is first given every registration failure so far.
    /// </summary>
    public event EventHandler<Exception>? DetectorFailed
    {
        add
        {
            Exception[] past;
            lock (_registrationGate)
            {
                _detectorFailed += value;
                past = [.. _registrationFailures];
            }

            foreach (var failure in past)
            {
                value?.Invoke(this, failure);
            }
        }

        remove
        {
            lock (_registrationGate)
            {
                _detectorFailed -= value;
            }
        }
    }

    private EventHandler<Exception>? _detectorFailed;
    private readonly List<Exception> _registrationFailures = [];

    /// <summary>
    /// Starts a detector; its first test runs one detection interval from now. A declared reference file that is missing
    /// or holds something that is not a value does not stop the application (the generated registration runs as the
    /// assembly loads): the detector takes the first full window as its reference until the file appears or is fixed —
    /// it is watched — and the problem goes to <see cref="DetectorFailed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The declaration cannot run, or the same component already declares the metric.</exception>
    public void Register(DriftDeclaration declaration)
    {
        declaration.Validate();
        var detector = new DriftDetector(declaration, _options.DataDirectory);
        FileSystemWatcher? watcher = null;
        Exception? referenceProblem = null;
        if (declaration.ReferenceFile is { } file)
        {
            var path = ResolveReference(file);
            try
            {
                detector.Refresh(ReadReference(declaration, path), _options.TimeProvider.GetUtcNow());
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                referenceProblem = new InvalidDataException(
                    $"The drift reference file '{file}' of {declaration.Component}'s detector on '{declaration.Metric}' cannot be read ({path}): {e.Message} " +
                    "Until it can, the first full window is the reference.", e);
            }

            watcher = WatchReference(detector, path);
        }

        lock (_registrationGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_registrations.Any(r => r.Detector.Declaration.Component == declaration.Component && r.Detector.Declaration.Metric == declaration.Metric))
            {
                watcher?.Dispose();
                throw new ArgumentException($"Component '{declaration.Component}' already declares a drift detector on '{declaration.Metric}'.");
            }

            var timer = _options.TimeProvider.CreateTimer(_ => Evaluate(detector), null, declaration.DetectionInterval, declaration.DetectionInterval);
            _registrations.Add(new Registration(detector, timer, watcher));
            _byMetric.AddOrUpdate(declaration.Metric, [detector], (_, existing) => [.. existing, detector]);
            if (referenceProblem is not null)
            {
                _registrationFailures.Add(referenceProblem);
            }
        }

        if (referenceProblem is not null)
        {
            _detectorFailed?.Invoke(this, referenceProblem);
        }
    }

    /// <summary>Records a continuous value, or a category code, of <paramref name="metric"/>.</summary>
    /// <remarks>NaN is no value any test can compare and is dropped.</remarks>
    public void Record(string metric, double value)
    {
        if (!double.IsNaN(value) && _byMetric.TryGetValue(metric, out var detectors))
        {
            Add(detectors, value, null);
        }
    }

    /// <summary>Records a binary value of <paramref name="metric"/>.</summary>
    public void Record(string metric, bool value) => Record(metric, value ? 1.0 : 0.0);

    /// <summary>Records a category of <paramref name="metric"/>; categories are compared by name.</summary>
    public void Record(string metric, string category)
    {
        if (_byMetric.TryGetValue(metric, out var detectors))
        {
            Add(detectors, CategoryCode(metric, category), category);
        }
    }

    /// <summary>
    /// Replaces the reference of <paramref name="component"/>'s detector on <paramref name="metric"/> after
    /// re-training: with <paramref name="values"/>, or — when null — with the first full window recorded from now.
    /// Ends a running collection (its file is completed) and sets the state back to monitoring.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such detector.</exception>
    public void RefreshReference(string component, string metric, IEnumerable<double>? values = null)
    {
        var detector = Find(component, metric);
        Completed(detector.Refresh(values?.ToArray(), _options.TimeProvider.GetUtcNow()));
    }

    /// <summary>Replaces the reference with the values of a file (one per line, or the CSV a collection wrote).</summary>
    public void RefreshReferenceFromFile(string component, string metric, string referenceFile)
    {
        var detector = Find(component, metric);
        Completed(detector.Refresh(ReadReference(detector.Declaration, Path.GetFullPath(referenceFile)), _options.TimeProvider.GetUtcNow()));
    }

    /// <summary>The state of <paramref name="component"/>'s detector on <paramref name="metric"/>.</summary>
    public DriftState GetState(string component, string metric) => Find(component, metric).State;

    /// <summary>The latest p-value of <paramref name="component"/>'s detector on <paramref name="metric"/>; null before its first test.</summary>
    public double? GetLastPValue(string component, string metric) => Find(component, metric).LastPValue;

    /// <summary>Waits for the webhook POSTs sent so far (a host shutting down, a test).</summary>
    public Task FlushNotificationsAsync()
    {
        lock (_notificationGate)
        {
            return _notifications;
        }
    }

    /// <summary>Stops the timers and watchers and closes running collections (left as <c>.partial</c>: they are incomplete).</summary>
    public void Dispose()
    {
        lock (_registrationGate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var r in _registrations)
            {
                r.Timer.Dispose();
                r.Watcher?.Dispose();
                r.Detector.Dispose();
            }

            _registrations.Clear();
            _byMetric.Clear();
        }
    }

    private void Add(DriftDetector[] detectors, double value, string? label)
    {
        var now = _options.TimeProvider.GetUtcNow();
        foreach (var detector in detectors)
        {
            detector.Add(value, label, now);
        }
    }

    private double CategoryCode(string metric, string category)
    {
        var codes = _categoryCodes.GetOrAdd(metric, _ => new ConcurrentDictionary<string, double>(StringComparer.Ordinal));
        if (codes.TryGetValue(category, out var code))
        {
            return code;
        }

        // New categories take the next code one at a time: two threads must not give two categories one code.
        lock (codes)
        {
            return codes.GetOrAdd(category, _ => codes.Count);
        }
    }

    private void Evaluate(DriftDetector detector)
    {
        try
        {
            var previousError = detector.CollectionError;
            foreach (var e in detector.Evaluate(_options.TimeProvider.GetUtcNow()))
            {
                if (e.Kind == "drift")
                {
                    Report(e);
                }
                else
                {
                    Completed(e);
                }
            }

            if (detector.CollectionError is { } error && !ReferenceEquals(error, previousError))
            {
                _detectorFailed?.Invoke(this, error);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer callback that throws would end the process: report instead, and test again next interval.
            _detectorFailed?.Invoke(this, e);
        }
    }

    private void Report(DriftEvent e)
    {
        var tags = Tags(e.Component, e.Metric, e.Test);
        _detections.Add(1, tags);
        using (var activity = AiSprintInstruments.ActivitySource.StartActivity(TelemetryNames.DriftActivity, ActivityKind.Internal))
        {
            activity?.SetTag(TelemetryNames.ComponentTag, e.Component);
            activity?.SetTag(TelemetryNames.DriftMetricTag, e.Metric);
            activity?.SetTag(TelemetryNames.DriftTestTag, e.Test);
            activity?.SetTag("p_value", e.PValue);
            activity?.SetTag("threshold", e.PValueThreshold);
            activity?.SetTag("collection_file", e.CollectionFile);
        }

        Drifted?.Invoke(this, e);
        Notify(e);
    }

    private void Completed(DriftEvent? e)
    {
        if (e is null) return;
        CollectionCompleted?.Invoke(this, e);
        Notify(e);
    }

    private void Notify(DriftEvent e)
    {
        if (_notifier is not { } notifier) return;
        // One POST at a time, in order: a receiver must see a drift before the end of its collection.
        lock (_notificationGate)
        {
            _notifications = _notifications.ContinueWith(
                async _ =>
                {
                    if (await notifier.PostAsync(e, CancellationToken.None).ConfigureAwait(false) is { } failure)
                    {
                        NotificationFailed?.Invoke(this, failure);
                    }
                },
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private IEnumerable<Measurement<int>> Observe(Func<DriftDetector, int> value)
    {
        foreach (var d in Detectors())
        {
            yield return new Measurement<int>(value(d), Tags(d.Declaration.Component, d.Declaration.Metric, d.Declaration.TestName));
        }
    }

    private IEnumerable<Measurement<double>> ObservePValues()
    {
        foreach (var d in Detectors())
        {
            if (d.LastPValue is { } p)
            {
                yield return new Measurement<double>(p, Tags(d.Declaration.Component, d.Declaration.Metric, d.Declaration.TestName));
            }
        }
    }

    private DriftDetector[] Detectors()
    {
        lock (_registrationGate)
        {
            return _registrations.Select(r => r.Detector).ToArray();
        }
    }

    private DriftDetector Find(string component, string metric) =>
        Detectors().FirstOrDefault(d => d.Declaration.Component == component && d.Declaration.Metric == metric)
        ?? throw new KeyNotFoundException($"No drift detector for component '{component}' and metric '{metric}'.");

    // The deployment and resource tags of the process (when configured), as on component durations: the supervisor
    // tells the replicas of a component apart by them.
    private static KeyValuePair<string, object?>[] Tags(string component, string metric, string test) =>
    [
        new(TelemetryNames.DriftMetricTag, metric),
        new(TelemetryNames.DriftTestTag, test),
        .. DeploymentIdentity.Current.Append(new(TelemetryNames.ComponentTag, component)),
    ];

    private static string ResolveReference(string file)
    {
        var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
        if (!File.Exists(path) && !Path.IsPathRooted(file) && File.Exists(Path.GetFullPath(file)))
        {
            path = Path.GetFullPath(file); // run from the project directory (dotnet run)
        }

        return path;
    }

    private double[] ReadReference(DriftDeclaration declaration, string path)
    {
        if (declaration.Test != DriftTest.ChiSquared)
        {
            return ReferenceFile.ReadNumbers(path);
        }

        // Categories by name, coded as Record(metric, string) codes them; a header line is a category too, so skip
        // the one the collection files write.
        var fields = ReferenceFile.ReadFields(path);
        return fields.Where((f, i) => !(i == 0 && f.Text == "value")).Select(f => CategoryCode(declaration.Metric, f.Text)).ToArray();
    }

    private FileSystemWatcher? WatchReference(DriftDetector detector, string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (directory is null || !Directory.Exists(directory)) return null;
        var watcher = new FileSystemWatcher(directory, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        FileSystemEventHandler reload = (_, _) =>
        {
            try
            {
                Completed(detector.Refresh(ReadReference(detector.Declaration, path), _options.TimeProvider.GetUtcNow()));
            }
            catch (Exception e) when (e is IOException or FormatException or ArgumentException or UnauthorizedAccessException)
            {
                // Mid-write or malformed: the old reference stays; the next change event tries again.
            }
        };
        watcher.Changed += reload;
        watcher.Created += reload;
        watcher.Renamed += (s, e) => reload(s, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private sealed record Registration(DriftDetector Detector, ITimer Timer, FileSystemWatcher? Watcher);
}
