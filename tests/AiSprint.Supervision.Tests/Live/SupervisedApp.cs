using System.Globalization;
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
    private readonly ReadyProcess _process;

    private SupervisedApp(ReadyProcess process, int metricsPort, int requestPort)
    {
        _process = process;
        MetricsPort = metricsPort;
        RequestUri = new Uri($"http://127.0.0.1:{requestPort.ToString(CultureInfo.InvariantCulture)}/request");
    }

    public int MetricsPort { get; }

    public Uri RequestUri { get; }

    /// <summary>Moves the distribution of classify's confidence (its drift detector then reports a drift).</summary>
    public async Task ShiftConfidenceAsync()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(RequestUri, "/shift"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Multiplies classify's time by <paramref name="factor"/> from now on (its demand moves off the design).</summary>
    public async Task SlowDownAsync(double factor)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(RequestUri, "/slow?factor=" + factor.ToString(CultureInfo.InvariantCulture)));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Starts the app; with <paramref name="serve"/>, the components' calls share that many processor-sharing servers with those demands.</summary>
    public static async Task<SupervisedApp> StartAsync(TimeSpan timeout, (int Replicas, TimeSpan Ingest, TimeSpan Classify)? serve = null)
    {
        var (metrics, requests) = (FreePort(), FreePort());
        List<string> arguments = [metrics.ToString(CultureInfo.InvariantCulture), requests.ToString(CultureInfo.InvariantCulture)];
        if (serve is var (replicas, ingest, classify))
        {
            arguments.AddRange(["--serve", replicas.ToString(CultureInfo.InvariantCulture),
                ingest.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture), classify.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture)]);
        }
        var process = await ReadyProcess.StartAsync(SupervisedAppPathAttribute.Current, arguments, null, timeout);
        return new SupervisedApp(process, metrics, requests);
    }

    public static int FreePort() => ReadyProcess.FreePort();

    public void Dispose() => _process.Dispose();
}
