using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace AiSprint.Integration.Tests;

/// <summary>Where the build put the annotated app (fixed at build time, like the other test paths).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class AppPathAttribute(string path) : Attribute
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static string Current => typeof(AppPathAttribute).Assembly.GetCustomAttribute<AppPathAttribute>()!.Path;
}

/// <summary>The annotated app in its own process, serving its metrics on a port until disposed.</summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int port)
    {
        _process = process;
        MetricsPort = port;
    }

    public int MetricsPort { get; }

    public static async Task<AppProcess> StartAsync(int frames, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppPathAttribute.Current);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(frames.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, port);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line == "ready")
                {
                    return app;
                }
            }

            throw new InvalidOperationException("The app exited before it was ready: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

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
