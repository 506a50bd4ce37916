using System.Runtime.InteropServices;

namespace AiSprint.Profiling.Components;

/// <summary>Which processors the profiled process may run on: the first k of those this process may use.</summary>
internal static class ProcessorSet
{
    /// <summary>The processors this process may run on, by index.</summary>
    public static IReadOnlyList<int> Available()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            var mask = (long)System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity;
            var indices = Enumerable.Range(0, 64).Where(i => (mask & (1L << i)) != 0).ToArray();
            if (indices.Length > 0) return indices;
        }

        return Enumerable.Range(0, Environment.ProcessorCount).ToArray();
    }

    /// <summary>A <c>taskset -c</c> list of the first <paramref name="cores"/> available processors.</summary>
    public static string TasksetList(int cores) => string.Join(',', Available().Take(cores));

    /// <summary>
    /// <c>taskset</c> when Linux has it: affinity set on a started process would reach its first thread only
    /// (Linux affinity is per thread), while taskset's is inherited by every thread the runtime starts.
    /// </summary>
    public static string? Taskset()
    {
        if (!OperatingSystem.IsLinux()) return null;
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "taskset");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    public static bool CanRestrictAfterStart => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
}
