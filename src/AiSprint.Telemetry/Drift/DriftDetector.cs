using AiSprint.Annotations;
using AiSprint.Telemetry.Drift.Statistics;

namespace AiSprint.Telemetry.Drift;

/// <summary>
/// One declaration's state: a ring of the latest <see cref="DriftDeclaration.WindowSize"/> values, the reference
/// window, and the Studio's state machine (monitoring → drifted and collecting → collected), plus what the Studio
/// lacks: a reference that can be replaced after re-training.
/// </summary>
internal sealed class DriftDetector
{
    private readonly object _gate = new();
    private readonly double[] _ring;
    private readonly string _dataDirectory;
    private int _next;
    private long _count;
    private long _sinceReference;
    private double[]? _reference;
    private DriftCollection? _collection;
    private int _evaluating;

    public DriftDetector(DriftDeclaration declaration, string dataDirectory)
    {
        Declaration = declaration;
        _dataDirectory = dataDirectory;
        _ring = new double[declaration.WindowSize];
    }

    public DriftDeclaration Declaration { get; }

    public DriftState State { get; private set; } = DriftState.AwaitingReference;

    /// <summary>The latest test's p-value; null before the first test.</summary>
    public double? LastPValue { get; private set; }

    public long Detections { get; private set; }

    /// <summary>Why the latest collection could not be written, if it could not.</summary>
    public Exception? CollectionError { get; private set; }

    public void Add(double value, string? label, DateTimeOffset at)
    {
        lock (_gate)
        {
            _ring[_next] = value;
            _next = (_next + 1) % _ring.Length;
            _count++;
            _sinceReference++;
            if (_collection is { } collection)
            {
                try
                {
                    collection.Write(at, value, label);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A full or vanished disk must not fail the component that records: the collection stops here,
                    // and its .partial file stays incomplete.
                    collection.Dispose();
                    _collection = null;
                    CollectionError = e;
                }
            }
        }
    }

    /// <summary>Replaces the reference (after re-training): values given, or the next full window when null.</summary>
    public DriftEvent? Refresh(IReadOnlyList<double>? values, DateTimeOffset now)
    {
        if (values is not null && values.Count < 2)
        {
            throw new ArgumentException($"Drift detector {Declaration.Component}/{Declaration.Metric}: a reference needs at least 2 values, got {values.Count}.");
        }

        lock (_gate)
        {
            var completed = CompleteCollection(now);
            _reference = values?.ToArray();
            State = _reference is null ? DriftState.AwaitingReference : DriftState.Monitoring;
            // The ring may still hold values from before re-training: the next test waits for a window recorded since.
            _sinceReference = 0;
            LastPValue = null;
            return completed;
        }
    }

    /// <summary>One detection interval: take the reference, or test the latest window; end a collection whose period is over.</summary>
    public IReadOnlyList<DriftEvent> Evaluate(DateTimeOffset now)
    {
        // A slow test (large exact windows) must not be overlapped by the next tick.
        if (Interlocked.Exchange(ref _evaluating, 1) == 1)
        {
            return [];
        }

        try
        {
            var events = new List<DriftEvent>(2);
            double[] reference, current;
            lock (_gate)
            {
                if (_collection is { } running && now >= running.End && CompleteCollection(now) is { } done)
                {
                    events.Add(done);
                }

                if (_reference is null)
                {
                    if (_sinceReference >= _ring.Length)
                    {
                        _reference = LatestWindow();
                        _sinceReference = 0;
                        State = DriftState.Monitoring;
                    }

                    return events;
                }

                if (_sinceReference < _ring.Length)
                {
                    return events; // the latest window would still overlap the reference
                }

                reference = _reference;
                current = LatestWindow();
            }

            var outcome = Run(Declaration.Test, reference, current);
            lock (_gate)
            {
                if (!ReferenceEquals(reference, _reference))
                {
                    return events; // refreshed while testing: this result is about the old reference
                }

                LastPValue = outcome.PValue;
                if (State == DriftState.Monitoring && outcome.PValue < Declaration.PValueThreshold)
                {
                    Detections++;
                    string? file = null;
                    State = DriftState.Collected;
                    if (Declaration.CollectionPeriod > TimeSpan.Zero)
                    {
                        try
                        {
                            _collection = new DriftCollection(_dataDirectory, Declaration, now, now + Declaration.CollectionPeriod);
                            file = _collection.FinalPath;
                            State = DriftState.Collecting;
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            CollectionError = e; // the drift is still reported; there is just no file
                        }
                    }

                    events.Add(Event("drift", outcome.PValue, now, file));
                }
            }

            return events;
        }
        finally
        {
            Volatile.Write(ref _evaluating, 0);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _collection?.Dispose();
            _collection = null;
        }
    }

    private DriftEvent? CompleteCollection(DateTimeOffset now)
    {
        if (_collection is not { } collection)
        {
            return null;
        }

        collection.Complete();
        _collection = null;
        State = DriftState.Collected;
        return Event("collection-complete", LastPValue ?? double.NaN, now, collection.FinalPath);
    }

    private DriftEvent Event(string kind, double pValue, DateTimeOffset at, string? file) =>
        new(kind, Declaration.Component, Declaration.Metric, Declaration.TestName, pValue, Declaration.PValueThreshold, Declaration.WindowSize, at, file);

    private double[] LatestWindow()
    {
        var window = new double[_ring.Length];
        // Oldest first: _next is the oldest slot once the ring is full.
        Array.Copy(_ring, _next, window, 0, _ring.Length - _next);
        Array.Copy(_ring, 0, window, _ring.Length - _next, _next);
        return window;
    }

    internal static TestOutcome Run(DriftTest test, double[] reference, double[] current) => test switch
    {
        DriftTest.KolmogorovSmirnov => KolmogorovSmirnov.TwoSample(reference, current),
        DriftTest.CramerVonMises => CramerVonMises.TwoSample(reference, current),
        DriftTest.ChiSquared => ChiSquared.TwoSample(reference, current),
        DriftTest.FisherExact => FisherExact.TwoSample(reference, current),
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "No such drift test."),
    };
}
