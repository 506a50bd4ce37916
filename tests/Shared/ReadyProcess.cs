using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiSprint.Tests;

/// <summary>
/// A test's application in its own process (<c>dotnet app.dll arguments…</c>) that prints <c>ready</c> once it serves;
/// killed with its children on dispose. Its standard input stays open: the test apps stop when it closes.
/// </summary>
public sealed class ReadyProcess : IDisposable
{
    private readonly Process _process;

    private ReadyProcess(Process process) => _process = process;

    public static async Task<ReadyProcess> StartAsync(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = new ReadyProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process._process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line == "ready") return process;
            }
            throw new InvalidOperationException("The app exited before it was ready: " + await process._process.StandardError.ReadToEndAsync(CancellationToken.None));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>A loopback port free at the time of asking.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
        _process.Dispose();
    }
}
