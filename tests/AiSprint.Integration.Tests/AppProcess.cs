using System.Globalization;
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
    private readonly ReadyProcess _process;

    private AppProcess(ReadyProcess process, int port)
    {
        _process = process;
        MetricsPort = port;
    }

    public int MetricsPort { get; }

    public static async Task<AppProcess> StartAsync(int frames, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var port = FreePort();
        var process = await ReadyProcess.StartAsync(AppPathAttribute.Current,
            [port.ToString(CultureInfo.InvariantCulture), frames.ToString(CultureInfo.InvariantCulture)], environment, timeout);
        return new AppProcess(process, port);
    }

    public static int FreePort() => ReadyProcess.FreePort();

    public void Dispose() => _process.Dispose();
}
