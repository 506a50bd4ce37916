namespace AiSprint.Generators.Model;

/// <summary>One <c>[DetectDrift]</c> on a component, as plain values (see ComponentModel.cs for why).</summary>
internal sealed record DriftDeclarationModel(
    string Component,
    string Metric,
    int Test,
    double PValueThreshold,
    int WindowSize,
    double DetectionIntervalSeconds,
    double CollectionPeriodSeconds,
    string? ReferenceFile);
