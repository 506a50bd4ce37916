using Spectre.Console;

namespace AiSprint.Cli.Commands;

/// <summary>
/// A progress bar on the terminal for long runs (Spectre.Console); nothing when the error stream
/// is redirected (CI logs, tests), so output stays plain and deterministic.
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(TextWriter error, string what, Func<IProgress<double>?, T> work)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(what, maxValue: 1.0);
                return work(new Progress<double>(fraction => task.Value = Math.Max(task.Value, fraction)));
            });
    }

    /// <summary>The deploy pipeline's stages, each drawn as <see cref="Run{T}"/> draws one.</summary>
    public sealed class Stages(TextWriter error) : AiSprint.Deploy.IStageProgress
    {
        public T Run<T>(string stage, Func<IProgress<double>?, T> work) => ProgressDisplay.Run(error, stage, work);
    }
}
