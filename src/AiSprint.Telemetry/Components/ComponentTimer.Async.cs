namespace AiSprint.Telemetry;

// Async wrappers: the timer stops when the callee's task completes, not when it is returned.
// A task already complete is handed back as is, so a synchronous completion builds no state machine.
public readonly partial struct ComponentTimer
{
    /// <summary>Stops the timer when <paramref name="task"/> completes.</summary>
    /// <param name="task">The callee's task.</param>
    /// <returns>A task that completes like <paramref name="task"/>, after the timer has stopped.</returns>
    public Task StopAfter(Task task)
    {
        if (task is null || task.IsCompleted)
        {
            Stop();
            return task!;
        }

        LeaveCallerContext();
        return StopAfterAsync(this, task);
    }

    /// <inheritdoc cref="StopAfter(Task)"/>
    public Task<T> StopAfter<T>(Task<T> task)
    {
        if (task is null || task.IsCompleted)
        {
            Stop();
            return task!;
        }

        LeaveCallerContext();
        return StopAfterAsync(this, task);
    }

    /// <inheritdoc cref="StopAfter(Task)"/>
    public ValueTask StopAfter(ValueTask task)
    {
        if (task.IsCompleted)
        {
            Stop();
            return task;
        }

        LeaveCallerContext();
        return StopAfterAsync(this, task);
    }

    /// <inheritdoc cref="StopAfter(Task)"/>
    public ValueTask<T> StopAfter<T>(ValueTask<T> task)
    {
        if (task.IsCompleted)
        {
            Stop();
            return task;
        }

        LeaveCallerContext();
        return StopAfterAsync(this, task);
    }

    private static async Task StopAfterAsync(ComponentTimer timer, Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        finally
        {
            timer.Stop();
        }
    }

    private static async Task<T> StopAfterAsync<T>(ComponentTimer timer, Task<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            timer.Stop();
        }
    }

    private static async ValueTask StopAfterAsync(ComponentTimer timer, ValueTask task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        finally
        {
            timer.Stop();
        }
    }

    private static async ValueTask<T> StopAfterAsync<T>(ComponentTimer timer, ValueTask<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            timer.Stop();
        }
    }
}
