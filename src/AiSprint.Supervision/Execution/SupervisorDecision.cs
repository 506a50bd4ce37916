using System.Text.Json.Serialization;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Execution;

/// <summary>
/// One decision, as written to <c>decision.json</c> in its version folder, POSTed to the webhook and recorded as an
/// event: what was found, what was decided, the cost before and after, what moved, and where it was written.
/// </summary>
public sealed record SupervisorDecision
{
    /// <summary>When the decision was taken (<c>at</c>).</summary>
    [JsonPropertyName("at")] public required DateTimeOffset At { get; init; }
    /// <summary>The number of the poll that took it, from 1 (<c>poll</c>).</summary>
    [JsonPropertyName("poll")] public required long Poll { get; init; }
    /// <summary>The <see cref="DecisionKind"/> in lower case (<c>decision</c>: <c>replan</c>, <c>fallback</c>, <c>infeasible</c>, <c>notify</c>).</summary>
    [JsonPropertyName("decision")] public required string Kind { get; init; }
    /// <summary>The sustained findings that called for it, in words (<c>reasons</c>).</summary>
    [JsonPropertyName("reasons")] public required IReadOnlyList<string> Reasons { get; init; }
    /// <summary>The same findings as stable codes (<c>reasonCodes</c>: <c>lambda_off_design</c>, <c>local_violation</c>, …), one per reason.</summary>
    [JsonPropertyName("reasonCodes")] public required IReadOnlyList<string> ReasonCodes { get; init; }
    /// <summary>The arrival rate the placement in force was planned for, req/s (<c>designLambda</c>).</summary>
    [JsonPropertyName("designLambda")] public required double DesignLambda { get; init; }
    /// <summary>The arrival rate measured over the window, req/s (<c>observedLambda</c>).</summary>
    [JsonPropertyName("observedLambda")] public required double ObservedLambda { get; init; }
    /// <summary>The cost of the placement in force over the design's horizon (<c>costBefore</c>).</summary>
    [JsonPropertyName("costBefore")] public required double CostBefore { get; init; }
    /// <summary>The cost of the new placement; null when none was chosen (<c>costAfter</c>).</summary>
    [JsonPropertyName("costAfter")] public double? CostAfter { get; init; }
    /// <summary>How many components the new placement moves to another resource (<c>componentsMoved</c>).</summary>
    [JsonPropertyName("componentsMoved")] public int ComponentsMoved { get; init; }
    /// <summary>The version number of the placement in force (<c>fromVersion</c>; 1 = the build's).</summary>
    [JsonPropertyName("fromVersion")] public required int FromVersion { get; init; }
    /// <summary>The version the new placement is written as; null when nothing is written (<c>toVersion</c>).</summary>
    [JsonPropertyName("toVersion")] public int? ToVersion { get; init; }
    /// <summary>The alternative deployment fallen back to; null for any other decision (<c>alternative</c>).</summary>
    [JsonPropertyName("alternative")] public string? Alternative { get; init; }
    /// <summary>What moved, one line per component (<c>changes</c>).</summary>
    [JsonPropertyName("changes")] public IReadOnlyList<string> Changes { get; init; } = [];
    /// <summary>Why the planner chose this placement, in words; null when it did not plan (<c>plan</c>).</summary>
    [JsonPropertyName("plan")] public string? Explanation { get; init; }
    /// <summary>True when the supervisor runs with <c>--dry-run</c> and wrote nothing (<c>dryRun</c>).</summary>
    [JsonPropertyName("dryRun")] public bool DryRun { get; init; }
    /// <summary>The version folder the decision was written to; null in a dry run or when nothing was written (<c>written</c>).</summary>
    [JsonPropertyName("written")] public string? Written { get; init; }

    /// <summary><see cref="Kind"/> parsed.</summary>
    [JsonIgnore] public DecisionKind DecisionKind => Enum.Parse<DecisionKind>(Kind, ignoreCase: true);

    /// <summary>The decision in words, as the console and diff.txt show it.</summary>
    public string Describe() =>
        $"{Kind} (v{FromVersion:0000}{(ToVersion is { } to ? $" -> v{to:0000}" : "")}{(DryRun ? ", dry run" : "")}): " + string.Join("; ", Reasons) +
        (Explanation is null ? "" : ". " + Explanation);
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SupervisorDecision))]
internal sealed partial class DecisionJsonContext : JsonSerializerContext;
