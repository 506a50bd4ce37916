namespace AiSprint.Placement.Evaluation;

/// <summary>Why a placement is infeasible, in the check order of placement-model.md §5.5.</summary>
public enum ViolationKind
{
    /// <summary>A partition on a resource it is not compatible with, or a bad deployment index.</summary>
    Assignment,
    /// <summary>A replica count outside [1, number of nodes].</summary>
    Replicas,
    /// <summary>Two resources of one edge or VM layer in use (one per layer, §2).</summary>
    Layer,
    /// <summary>A request would go back from the cloud to the edge (§5.4).</summary>
    MoveBackward,
    /// <summary>A trusted-execution partition on a resource without SGX or secure and measured boot.</summary>
    Security,
    /// <summary>An edge device or VM at utilisation ≥ 1: its queue grows without bound.</summary>
    Utilisation,
    /// <summary>More memory than the resource has.</summary>
    Memory,
    /// <summary>Two consecutive resources share no network domain.</summary>
    Network,
    /// <summary>A component's response time above its local threshold.</summary>
    Local,
    /// <summary>A path's response time above its global threshold.</summary>
    Global,
}

/// <summary>One reason a placement is infeasible. <see cref="Excess"/> is how far over the limit (s, MB, utilisation), when it is a number.</summary>
/// <param name="Kind">Which check failed.</param>
/// <param name="Subject">The component, partition, resource or path concerned.</param>
/// <param name="Message">The violation in words, for reports.</param>
/// <param name="Excess">How far over the limit, in the limit's unit (s, MB, utilisation); NaN when the check has no amount (a wrong layer, a move back to the edge).</param>
public sealed record Violation(ViolationKind Kind, string Subject, string Message, double Excess = double.NaN);
