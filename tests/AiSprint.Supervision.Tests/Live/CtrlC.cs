using System.Diagnostics;
using System.Globalization;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>Stops a supervisor process as a terminal does, and checks it stopped cleanly.</summary>
internal static class CtrlC
{
    /// <summary>SIGINT to <paramref name="process"/>; it must exit 0 within 15 s with "stopped" as its last line.</summary>
    public static async Task StopsCleanlyAsync(Process process, Task<string> errors)
    {
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])) await interrupt.WaitForExitAsync();
        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(stopped.Token);
        var rest = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.ExitCode == 0, rest + await errors);
        Assert.EndsWith("stopped", rest.TrimEnd());
    }
}
