using System.Text.Json.Serialization;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Execution;

/// <summary>
/// One decision, as written to <c>decision.json</c> in its version folder, POSTed to the webhook and recorded as an
/// event: what was found, what was decided, the cost before and after, what moved, and where it was written.
/// </summary>
public sealed record SupervisorDecision
{
    [JsonPropertyName("at")] public required DateTimeOffset At { get; init; }
    [JsonPropertyName("poll")] public required long Poll { get; init; }
    [JsonPropertyName("decision")] public required string Kind { get; init; }
    [JsonPropertyName("reasons")] public required IReadOnlyList<string> Reasons { get; init; }
    [JsonPropertyName("reasonCodes")] public required IReadOnlyList<string> ReasonCodes { get; init; }
    [JsonPropertyName("designLambda")] public required double DesignLambda { get; init; }
    [JsonPropertyName("observedLambda")] public required double ObservedLambda { get; init; }
    [JsonPropertyName("costBefore")] public required double CostBefore { get; init; }
    [JsonPropertyName("costAfter")] public double? CostAfter { get; init; }
    [JsonPropertyName("componentsMoved")] public int ComponentsMoved { get; init; }
    [JsonPropertyName("fromVersion")] public required int FromVersion { get; init; }
    [JsonPropertyName("toVersion")] public int? ToVersion { get; init; }
    [JsonPropertyName("alternative")] public string? Alternative { get; init; }
    [JsonPropertyName("changes")] public IReadOnlyList<string> Changes { get; init; } = [];
    [JsonPropertyName("plan")] public string? Explanation { get; init; }
    [JsonPropertyName("dryRun")] public bool DryRun { get; init; }
    [JsonPropertyName("written")] public string? Written { get; init; }

    [JsonIgnore] public DecisionKind DecisionKind => Enum.Parse<DecisionKind>(Kind, ignoreCase: true);

    /// <summary>The decision in words, as the console and diff.txt show it.</summary>
    public string Describe() =>
        $"{Kind} (v{FromVersion:0000}{(ToVersion is { } to ? $" -> v{to:0000}" : "")}{(DryRun ? ", dry run" : "")}): " + string.Join("; ", Reasons) +
        (Explanation is null ? "" : ". " + Explanation);
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SupervisorDecision))]
internal sealed partial class DecisionJsonContext : JsonSerializerContext;
