using AiSprint.Annotations;

namespace AiSprint.Profiling.App;

/// <summary>
/// Components whose time the tests can predict on a loaded machine: sleeps are never shorter than asked, so a
/// measured time is at least the sleep, and a component that sleeps per core it was told about tells the
/// tests how many cores the profiled process saw.
/// </summary>
public static class Components
{
    public const int MillisecondsPerCore = 40;

    [Component("sleeper")]
    public static int Wait(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return milliseconds;
    }

    [Component("per-core")]
    public static int SleepPerCore(int unused)
    {
        Thread.Sleep(MillisecondsPerCore * Environment.ProcessorCount);
        return unused;
    }

    /// <summary>Work that parallelises perfectly: its time is the work divided by the cores the process was told about.</summary>
    [Component("divided-work")]
    public static int DividedWork(int work)
    {
        Thread.Sleep(work / Environment.ProcessorCount);
        return work;
    }

    [Component("async-sleeper")]
    public static async Task<int> WaitAsync(int milliseconds)
    {
        await Task.Delay(milliseconds);
        return milliseconds;
    }

    [Component("unreached")]
    public static int Unreached(int value) => value;
}
