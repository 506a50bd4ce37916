using AiSprint.Onnx.Partitioning;

namespace AiSprint.Onnx.Verification;

/// <summary>
/// How far the partitions run in sequence are from the full model, over all outputs. Only the relative figure
/// means anything: random-weight models can have outputs around 3e-9, under any absolute tolerance.
/// </summary>
/// <param name="Plan">The plan that was run.</param>
/// <param name="MaxAbsDifference">The largest absolute difference between the partitions' and the full model's outputs.</param>
/// <param name="MaxAbsFullOutput">The largest absolute value of the full model's outputs.</param>
/// <param name="RelativeTolerance">The bound <see cref="RelativeDifference"/> is held to.</param>
public sealed record VerificationResult(PartitionPlan Plan, double MaxAbsDifference, double MaxAbsFullOutput, double RelativeTolerance)
{
    /// <summary>The max |difference| over the max |full output| (0 when both are 0, infinity when only the output is 0).</summary>
    public double RelativeDifference => MaxAbsFullOutput == 0 ? (MaxAbsDifference == 0 ? 0 : double.PositiveInfinity) : MaxAbsDifference / MaxAbsFullOutput;

    /// <summary>True when the relative difference is within the tolerance.</summary>
    public bool Passed => MaxAbsDifference <= RelativeTolerance * MaxAbsFullOutput;
}

/// <summary>An early-exit split against the full model, per model output (final and exit heads): relative max |difference|.</summary>
public sealed record EarlyExitVerification(IReadOnlyDictionary<string, double> RelativeDifferenceByOutput, double RelativeTolerance)
{
    /// <summary>True when every output's relative difference is within the tolerance.</summary>
    public bool Passed => RelativeDifferenceByOutput.Values.All(d => d <= RelativeTolerance);
}
