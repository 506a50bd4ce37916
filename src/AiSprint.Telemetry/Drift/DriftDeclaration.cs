using AiSprint.Annotations;
using AiSprint.Contract;

namespace AiSprint.Telemetry.Drift;

/// <summary>One drift detector: what <c>[DetectDrift]</c> declares on a component (the generator registers these).</summary>
/// <param name="Component">The component recording the metric.</param>
/// <param name="Metric">The name values are recorded under.</param>
/// <param name="Test">The statistical test.</param>
/// <param name="PValueThreshold">A p-value below this is a drift; in (0, 1).</param>
/// <param name="WindowSize">Samples in the reference and in each tested window.</param>
/// <param name="DetectionInterval">Time between two tests.</param>
/// <param name="CollectionPeriod">Time values are collected to a file after a drift; zero collects nothing.</param>
/// <param name="ReferenceFile">Reference values instead of the first window; relative to the application's base directory.</param>
public sealed record DriftDeclaration(
    string Component,
    string Metric,
    DriftTest Test,
    double PValueThreshold,
    int WindowSize,
    TimeSpan DetectionInterval,
    TimeSpan CollectionPeriod,
    string? ReferenceFile = null)
{
    /// <summary>The declaration as <c>[DetectDrift]</c> states it, in seconds.</summary>
    public static DriftDeclaration FromSeconds(
        string component, string metric, DriftTest test, double pValueThreshold, int windowSize,
        double detectionIntervalSeconds, double collectionPeriodSeconds, string? referenceFile = null) =>
        new(component, metric, test, pValueThreshold, windowSize,
            TimeSpan.FromSeconds(detectionIntervalSeconds), TimeSpan.FromSeconds(collectionPeriodSeconds), referenceFile);

    /// <summary>The test's name as the Studio writes it (<c>kolmogorov-smirnov</c>, …).</summary>
    public string TestName => AnnotationContract.DriftTestName((int)Test);

    /// <summary>Throws when the declaration cannot run (the analyzers report the same cases at compile time, AIS0130–AIS0133).</summary>
    internal void Validate()
    {
        if (!AnnotationContract.IsDefinedDriftTest((int)Test))
            throw new ArgumentException($"Drift detector {Component}/{Metric}: test {(int)Test} is no DriftTest member.");
        if (!(PValueThreshold > 0 && PValueThreshold < 1))
            throw new ArgumentException($"Drift detector {Component}/{Metric}: p-value threshold {PValueThreshold} is outside (0, 1).");
        if (WindowSize < AnnotationContract.MinimumDriftWindowSize)
            throw new ArgumentException($"Drift detector {Component}/{Metric}: window of {WindowSize} samples; at least {AnnotationContract.MinimumDriftWindowSize} expected.");
        if (DetectionInterval <= TimeSpan.Zero)
            throw new ArgumentException($"Drift detector {Component}/{Metric}: detection interval {DetectionInterval} must be positive.");
        if (CollectionPeriod < TimeSpan.Zero)
            throw new ArgumentException($"Drift detector {Component}/{Metric}: collection period {CollectionPeriod} must not be negative.");
    }
}
