using AiSprint.Annotations;

namespace AiSprint.Profiling.Library;

/// <summary>The library's workloads: found by the startup hook in the library, not in the host it runs in.</summary>
public static class LibraryWorkloads
{
    [Workload("library-sleeper")]
    public static IEnumerable<WorkloadCase> Sleeps()
    {
        foreach (var milliseconds in new[] { 10, 20 })
        {
            var argument = milliseconds;
            yield return WorkloadCase.Run(() => LibraryComponents.SleepPerCore(argument)).With("sleep_ms", milliseconds);
        }
    }

    [Workload("library-yaml")]
    public static IEnumerable<WorkloadCase> Documents()
    {
        foreach (var keys in new[] { 10, 100 })
        {
            var yaml = string.Join('\n', Enumerable.Range(0, keys).Select(i => $"key{i}: {i}"));
            yield return WorkloadCase.Run(() => LibraryComponents.CountNodes(yaml)).With("keys", keys);
        }
    }
}
