using System.Reflection;
using System.Runtime.Loader;
using AiSprint.Contract.Diagnostics;
using AiSprint.Telemetry.Profiling;

/// <summary>
/// The entry point <c>aisprint profile</c> starts the built application through (<c>DOTNET_STARTUP_HOOKS</c> naming
/// this assembly): when <see cref="WorkloadProtocol.OutputVariable"/> is set, the process runs the application's
/// workloads instead of its <c>Main</c> and exits; otherwise it returns and <c>Main</c> runs as usual. The
/// application starts with its own dependencies and runtime configuration, exactly as deployed. A class library has
/// no <c>Main</c>: it is profiled in the empty AiSprint.Profiling.Host process, and loaded from its own folder
/// (<see cref="WorkloadProtocol.LibraryVariable"/>).
/// </summary>
/// <remarks>The runtime requires this name, in the global namespace, and a static <c>Initialize</c>.</remarks>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(WorkloadProtocol.OutputVariable) is not { Length: > 0 } output) return;
        var code = 2;
        try
        {
            var name = Environment.GetEnvironmentVariable(WorkloadProtocol.AssemblyVariable);
            var application = Environment.GetEnvironmentVariable(WorkloadProtocol.LibraryVariable) is { Length: > 0 } library
                ? ProfiledLibrary.Load(library)
                : name is { Length: > 0 }
                    ? AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name))
                    : Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("no entry assembly");
            using var records = new StreamWriter(new FileStream(output, FileMode.Append, FileAccess.Write, FileShare.Read));
            code = WorkloadHost.Run(application, WorkloadRequest.FromEnvironment(Environment.GetEnvironmentVariable), records, Console.Out);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"error {RuleIds.CannotProfile}: the profiled process failed before running its workloads: {ex}");
        }
        finally
        {
            Console.Out.Flush();
            Environment.Exit(code);
        }
    }
}
