using AiSprint.Contract.Diagnostics;

namespace AiSprint.Profiling.Host;

/// <summary>
/// Runs only when no profiling startup hook took the process over: under <c>aisprint profile</c> the hook runs the
/// library's workloads and exits before <c>Main</c>, so reaching it means the host was started by hand or the hook
/// did not load.
/// </summary>
internal static class Program
{
    private static int Main()
    {
        Console.Error.WriteLine($"error {RuleIds.CannotProfile}: the profiling host runs a class library's workloads only when aisprint profile starts it (DOTNET_STARTUP_HOOKS naming the library's AiSprint.Telemetry.dll); expected aisprint profile LIBRARY.dll");
        return 2;
    }
}
