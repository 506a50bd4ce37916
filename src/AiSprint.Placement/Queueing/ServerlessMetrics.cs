using AiSprint.Model.Units;

namespace AiSprint.Placement.Queueing;

/// <summary>
/// The outputs of the serverless warm/cold model (faas-model.md §2, pacsltk's first dictionary).
/// SPACE4AI-D uses only <see cref="AverageResponseTime"/>.
/// </summary>
internal sealed record ServerlessMetrics(
    Seconds AverageResponseTime,
    double ColdStartProbability,
    double AverageServerCount,
    double AverageServerCountTotal,
    double AverageRunningCount,
    double AverageRunningWarmCount,
    double AverageRunningColdCount,
    double AverageIdleCount,
    double AverageUtilization,
    double RejectionProbability,
    double RejectionRatePerSecond,
    int StateCount);
