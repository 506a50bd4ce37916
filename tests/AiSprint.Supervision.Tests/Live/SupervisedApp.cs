using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>Where the build put the supervised app (fixed at build time).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SupervisedAppPathAttribute(string path) : Attribute
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static string Current => typeof(SupervisedAppPathAttribute).Assembly.GetCustomAttribute<SupervisedAppPathAttribute>()!.Path;
}

/// <summary>The annotated app in its own process: metrics on one loopback port, requests on another. Killed on dispose.</summary>
internal sealed class SupervisedApp : IDisposable
{
    private readonly Process _process;

    private SupervisedApp(Process process, int metricsPort, int requestPort)
    {
        _process = process;
        MetricsPort = metricsPort;
        RequestUri = new Uri($"http://127.0.0.1:{requestPort.ToString(CultureInfo.InvariantCulture)}/request");
    }

    public int MetricsPort { get; }

    public Uri RequestUri { get; }

    /// <summary>Raises the app's drift gauge (classify, confidence) to 1.</summary>
    public async Task ReportDriftAsync()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(RequestUri, "/drift"));
        response.EnsureSuccessStatusCode();
    }

    public static async Task<SupervisedApp> StartAsync(TimeSpan timeout)
    {
        var (metrics, requests) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SupervisedAppPathAttribute.Current);
        start.ArgumentList.Add(metrics.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(requests.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new SupervisedApp(process, metrics, requests);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line == "ready") return app;
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
