using System.Globalization;

namespace AiSprint.Telemetry.Profiling;

/// <summary>What a profiling run asks of the process: which components, how many warm-up and measured runs per case.</summary>
/// <param name="Components">The components to profile; empty for every component with a workload.</param>
/// <param name="Repetitions">Measured runs per case.</param>
/// <param name="Warmup">Discarded runs per case before the measured ones.</param>
public sealed record WorkloadRequest(IReadOnlyList<string> Components, int Repetitions, int Warmup)
{
    /// <summary>Reads the request from the variables of <see cref="WorkloadProtocol"/>.</summary>
    public static WorkloadRequest FromEnvironment(Func<string, string?> variable)
    {
        var components = (variable(WorkloadProtocol.ComponentsVariable) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new WorkloadRequest(components, Count(variable, WorkloadProtocol.RepetitionsVariable, 10, 1), Count(variable, WorkloadProtocol.WarmupVariable, 2, 0));
    }

    private static int Count(Func<string, string?> variable, string name, int fallback, int minimum) =>
        int.TryParse(variable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : fallback;
}
