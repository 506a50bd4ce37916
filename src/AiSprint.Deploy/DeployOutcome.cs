using AiSprint.Model.Diagnostics;

namespace AiSprint.Deploy;

/// <summary>How a deploy ended.</summary>
public enum DeployStatus
{
    /// <summary>A feasible placement was found and every output written.</summary>
    Placed,

    /// <summary>The inputs are valid but no placement meets every constraint; report.txt and the warnings say why, and no descriptor is left.</summary>
    Infeasible,

    /// <summary>An input has errors; nothing this deploy would have written is left in the folder.</summary>
    InvalidInput,
}

/// <summary>
/// The result of <see cref="DeployPipeline.Run"/>: the status, every diagnostic (errors, and the located warnings that
/// explain an infeasible design), and the lines a front end shows on its standard output (the cost and placement in
/// two lines, then where the outputs are).
/// </summary>
public sealed record DeployOutcome(DeployStatus Status, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Messages)
{
    /// <summary>The process exit code of this outcome (<see cref="AiSprint.Contract.ExitCodes"/>), as the MSBuild task reads it.</summary>
    public int ExitCode => Status switch
    {
        DeployStatus.Placed => Contract.ExitCodes.Success,
        DeployStatus.Infeasible => Contract.ExitCodes.Infeasible,
        _ => Contract.ExitCodes.InvalidInput,
    };
}
