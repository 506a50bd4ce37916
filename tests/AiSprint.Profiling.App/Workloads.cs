using AiSprint.Annotations;

namespace AiSprint.Profiling.App;

/// <summary>Good workloads, and one of each way a workload can go wrong (the tests select them by component).</summary>
public static class Workloads
{
    [Workload("sleeper")]
    public static IEnumerable<WorkloadCase> Sleeps()
    {
        foreach (var milliseconds in new[] { 5, 15, 30 })
        {
            // The input is made here, outside the timed call: only Wait itself is measured.
            var argument = milliseconds;
            yield return WorkloadCase.Run(() => Components.Wait(argument)).With("sleep_ms", milliseconds).With("batch", 1);
        }
    }

    [Workload("per-core")]
    public static IEnumerable<WorkloadCase> PerCore()
    {
        yield return WorkloadCase.Run(() => Components.SleepPerCore(0)).With("size", 1);
    }

    [Workload("divided-work")]
    public static IEnumerable<WorkloadCase> DividedWork()
    {
        foreach (var work in new[] { 40, 80, 120 })
        {
            yield return WorkloadCase.Run(() => Components.DividedWork(work)).With("work", work);
        }
    }

    [Workload("async-sleeper")]
    public static IEnumerable<WorkloadCase> AsyncSleeps()
    {
        yield return WorkloadCase.Run(() => Components.WaitAsync(20)).With("sleep_ms", 20);
    }

    [Workload("unreached")]
    public static IEnumerable<WorkloadCase> CallsSomethingElse()
    {
        yield return WorkloadCase.Run(() => Console.Out.Flush()).With("size", 1);
    }
}

/// <summary>Workloads that fail, on components of their own so the good ones stay measurable.</summary>
public static class BrokenWorkloads
{
    [Component("thrower")]
    public static int Thrower(int value) => value;

    [Component("empty")]
    public static int Empty(int value) => value;

    [Component("inconsistent")]
    public static int Inconsistent(int value) => value;

    [Workload("thrower")]
    public static IEnumerable<WorkloadCase> Throws()
    {
        yield return WorkloadCase.Run(() => Thrower(1)).With("size", 1);
        throw new InvalidOperationException("no more inputs on this test rig");
    }

    [Workload("empty")]
    public static IEnumerable<WorkloadCase> ReturnsNothing() => [];

    [Workload("inconsistent")]
    public static IEnumerable<WorkloadCase> MissesAFeature()
    {
        yield return WorkloadCase.Run(() => Inconsistent(1)).With("size", 1).With("batch", 2);
        yield return WorkloadCase.Run(() => Inconsistent(2)).With("size", 2);
    }
}
