using System.Diagnostics;
using System.Globalization;
using AiSprint.Model.Diagnostics;
using AiSprint.Telemetry.Profiling;

namespace AiSprint.Profiling.Components;

/// <summary>
/// One run of the built application as a profiling process restricted to k cores: started through the
/// AiSprint.Telemetry startup hook (so <c>Main</c> does not run), it appends its records to a file that is
/// read back line by line; what it completed before a failure or a cancellation is kept. A class library, which
/// has no <c>Main</c>, runs in the empty profiling host instead, loaded from its own folder by the same hook.
/// </summary>
internal static class ProfiledProcess
{
    /// <summary>The progress of one workload in one process.</summary>
    public sealed record Step(int Cores, string Component, int Done, int Total);

    public static IReadOnlyList<WorkloadRecord> Run(ProfileRequest request, int cores, string recordsPath, IProgress<Step>? progress, CancellationToken cancellationToken)
    {
        var application = Path.GetFullPath(request.ApplicationPath);
        var directory = Path.GetDirectoryName(application)!;
        var hook = Path.Combine(directory, "AiSprint.Telemetry.dll");
        if (!File.Exists(application))
        {
            throw new ProfilingException($"{application}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: the application is not built; expected its main assembly (build it first)");
        }

        var executable = ProfiledAssembly.IsExecutable(application);
        if (executable && (!File.Exists(hook) || !File.Exists(Path.ChangeExtension(application, ".runtimeconfig.json"))))
        {
            throw new ProfilingException($"{application}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: not an executable AiSprint application; expected AiSprint.Telemetry.dll and a .runtimeconfig.json beside it (OutputType Exe, referencing the AiSprint SDK)");
        }

        if (!File.Exists(hook))
        {
            throw new ProfilingException($"{application}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: a class library without AiSprint.Telemetry.dll beside it; expected a library that references the AiSprint SDK, built with its dependencies in its folder (aisprint profile PROJECT builds it so; or build it with -p:CopyLocalLockFileAssemblies=true)");
        }

        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var taskset = ProcessorSet.Taskset();
        if (taskset is not null)
        {
            start.FileName = taskset;
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(ProcessorSet.TasksetList(cores));
            start.ArgumentList.Add(dotnet);
        }
        else
        {
            start.FileName = dotnet;
        }

        if (executable)
        {
            start.ArgumentList.Add(application);
            start.Environment[WorkloadProtocol.AssemblyVariable] = Path.GetFileNameWithoutExtension(application);
            // Inherited from a caller that is itself being profiled, it would make the hook load that library instead.
            start.Environment.Remove(WorkloadProtocol.LibraryVariable);
        }
        else
        {
            // A library has no Main to start: the empty host is started instead, and the hook loads the library from its
            // folder. A runtimeconfig the library was built with (GenerateRuntimeConfigurationFiles) names the frameworks
            // and runtime settings it needs; without one the host's (Microsoft.NETCore.App) is used.
            var libraryConfiguration = Path.ChangeExtension(application, ".runtimeconfig.json");
            if (File.Exists(libraryConfiguration))
            {
                start.ArgumentList.Add("exec");
                start.ArgumentList.Add("--runtimeconfig");
                start.ArgumentList.Add(libraryConfiguration);
            }

            start.ArgumentList.Add(ProfileHost());
            start.Environment[WorkloadProtocol.LibraryVariable] = application;
        }

        var count = cores.ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_STARTUP_HOOKS"] = hook;
        start.Environment[WorkloadProtocol.OutputVariable] = recordsPath;
        start.Environment[WorkloadProtocol.ComponentsVariable] = string.Join(',', request.Components);
        start.Environment[WorkloadProtocol.RepetitionsVariable] = request.Repetitions.ToString(CultureInfo.InvariantCulture);
        start.Environment[WorkloadProtocol.WarmupVariable] = request.Warmup.ToString(CultureInfo.InvariantCulture);
        start.Environment[WorkloadProtocol.CoresVariable] = count;
        // The runtime sizes its thread pool and GC heaps from this; workloads size ONNX Runtime's intra-op pool from Environment.ProcessorCount.
        start.Environment["DOTNET_PROCESSOR_COUNT"] = count;
        start.Environment["OMP_NUM_THREADS"] = count;
        // Profiles measure the code as deployed: no debugger-friendly tiering surprises from the caller's environment.
        start.Environment.Remove("DOTNET_TieredCompilation");

        using var process = new Process { StartInfo = start };
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (errors) errors.AppendLine(e.Data);
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Split('\t') is [WorkloadProtocol.ProgressPrefix, var component, var done, var total]
                && int.TryParse(done, CultureInfo.InvariantCulture, out var d) && int.TryParse(total, CultureInfo.InvariantCulture, out var t))
            {
                progress?.Report(new Step(cores, component, d, t));
            }
        };
        if (!process.Start()) throw new ProfilingException($"{application}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: cannot start {start.FileName}");
        if (taskset is null && ProcessorSet.CanRestrictAfterStart && OperatingSystem.IsWindows())
        {
            process.ProcessorAffinity = (nint)ProcessorSet.Available().Take(cores).Aggregate(0L, (mask, i) => mask | (1L << i));
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }))
        {
            process.WaitForExit();
        }

        var records = Read(recordsPath);
        if (!cancellationToken.IsCancellationRequested && process.ExitCode is not (0 or 1))
        {
            string text;
            lock (errors) text = errors.ToString().Trim();
            throw new ProfilingException($"{application}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: the profiling process on {cores} core(s) exited with code {process.ExitCode}; expected it to run the workloads. {text}");
        }

        return records;
    }

    /// <summary>The empty process a class library is profiled in (src/AiSprint.Profiling.Host), shipped in profile-host/ beside this assembly.</summary>
    private static string ProfileHost()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "profile-host", "AiSprint.Profiling.Host.dll");
        return File.Exists(host) ? host
            : throw new ProfilingException($"{host}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: the profiling host of class libraries is missing from this installation of aisprint; expected it beside the tool (reinstall the AiSprint SDK)");
    }

    private static List<WorkloadRecord> Read(string path)
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var records = new List<WorkloadRecord>();
        while (reader.ReadLine() is { } line)
        {
            // A torn last line (the process was killed mid-write) parses as nothing and is dropped.
            if (WorkloadProtocol.Parse(line) is { } record) records.Add(record);
        }

        return records;
    }
}
