namespace AiSprint.Telemetry.Drift;

/// <summary>Where a detector is; the numbers are the <c>aisprint.drift.state</c> gauge's values (the Studio's 0/1/2).</summary>
public enum DriftState
{
    /// <summary>Waiting for the first full window (the reference).</summary>
    AwaitingReference = -1,

    /// <summary>Testing each interval; no drift since the reference.</summary>
    Monitoring = 0,

    /// <summary>Drifted; values are being collected to a file.</summary>
    Collecting = 1,

    /// <summary>Drifted and the collection is over: the file is ready to re-train on. Refresh the reference after re-training.</summary>
    Collected = 2,
}

/// <summary>What a detector reports when it drifts and when its collection ends.</summary>
/// <param name="Kind"><c>drift</c> or <c>collection-complete</c>.</param>
/// <param name="CollectionFile">The file values go to (complete once Kind is <c>collection-complete</c>); null when nothing is collected.</param>
public sealed record DriftEvent(
    string Kind,
    string Component,
    string Metric,
    string Test,
    double PValue,
    double PValueThreshold,
    int WindowSize,
    DateTimeOffset At,
    string? CollectionFile);
