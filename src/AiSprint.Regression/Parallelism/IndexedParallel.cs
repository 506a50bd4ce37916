using System.Runtime.ExceptionServices;

namespace AiSprint.Regression.Parallelism;

/// <summary>
/// Nested parallel loops whose outcome does not depend on the thread count: each body writes to its own index, and a
/// failure is rethrown as the exception of the lowest failing index (the one a sequential loop would have met first),
/// unwrapped, so callers catch the same exception types as before. Loops run on <see cref="TaskScheduler.Current"/>:
/// inside <see cref="Validation.ExperimentRunner"/> that is the scheduler limited to the campaign's
/// <see cref="RegressionOptions.MaxDegreeOfParallelism"/>, so nested loops never exceed it.
/// </summary>
internal static class IndexedParallel
{
    public static void For(int count, Action<int> body)
    {
        if (count <= 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        var errors = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { TaskScheduler = TaskScheduler.Current }, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception ex)
            {
                errors[i] = ex;
            }
        });
        foreach (var error in errors)
        {
            if (error is not null) ExceptionDispatchInfo.Capture(error).Throw();
        }
    }
}
