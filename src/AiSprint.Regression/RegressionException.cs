namespace AiSprint.Regression;

/// <summary>
/// A campaign or a prediction cannot proceed: bad data (a missing column, a non-positive value under log, NaN),
/// a hyper-parameter a technique does not accept, or a capability that is not implemented yet. The message
/// names the column, file or technique so the user can act on it.
/// </summary>
public class RegressionException(string message) : Exception(message)
{
    /// <summary>The configuration option the failure is about (section, option), so the campaign can point at its line.</summary>
    public (string Section, string Option)? Setting { get; init; }

    /// <summary>A dataset column that holds text where a number is needed, so the campaign can point at its first text cell.</summary>
    public string? TextColumn { get; init; }
}

/// <summary>
/// The configuration asks for something this engine does not implement yet (a technique, a tree criterion, a feature
/// selection). Raised instead of silently skipping or approximating it.
/// </summary>
internal sealed class NotImplementedCapabilityException(string capability, string detail)
    : RegressionException($"{capability} is not implemented yet in AiSprint.Regression: {detail}")
{
    public string Capability { get; } = capability;
}
