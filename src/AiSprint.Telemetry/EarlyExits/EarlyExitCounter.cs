namespace AiSprint.Telemetry;

/// <summary>
/// What a generated early-exit runner records: one count per request at the exit it stopped at. From the counts
/// s_1 … s_{N+1} the measured probability of not exiting at exit i is Σ_{j&gt;i} s_j / Σ_{j≥i} s_j, the quantity
/// <c>[EarlyExits]</c> declares.
/// </summary>
public static class EarlyExitCounter
{
    private static readonly object?[] ExitNumbers = Enumerable.Range(0, 17).Select(i => (object?)i).ToArray();

    /// <summary>Counts one request of <paramref name="component"/> that stopped at <paramref name="exit"/> (1-based; exits + 1 = ran to the end).</summary>
    public static void Record(string component, int exit)
    {
        if (!AiSprintInstruments.EarlyExitRequests.Enabled) return;
        var number = exit >= 0 && exit < ExitNumbers.Length ? ExitNumbers[exit] : exit;
        AiSprintInstruments.EarlyExitRequests.Add(1, [.. DeploymentIdentity.Current.Append(new(AiSprintInstruments.ComponentTag, component)),
            new KeyValuePair<string, object?>(AiSprintInstruments.ExitTag, number)]);
    }
}

/// <summary>
/// Where an early-exit runner stopped and what it returned there: <see cref="Exit"/> is the 1-based exit whose
/// condition held, or <see cref="ExitCount"/> + 1 when the request ran every partition; <see cref="Output"/> is that
/// exit head's output, or the final output.
/// </summary>
public sealed record EarlyExitResult(int Exit, int ExitCount, float[] Output)
{
    /// <summary>True when the request stopped at one of the exits, false when it ran every partition to the final output.</summary>
    public bool ExitedEarly => Exit <= ExitCount;
}
