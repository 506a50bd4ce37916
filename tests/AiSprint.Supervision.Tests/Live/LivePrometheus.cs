using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AiSprint.Integration.Tests.Prometheus;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// A real Prometheus on loopback scraping the given targets every second, with optional rule files, its storage in a
/// temporary directory. It can be killed and started again on the same port and storage (the outage test).
/// </summary>
internal sealed class LivePrometheus : IDisposable
{
    private readonly string _directory;
    private readonly string _config;
    private readonly HttpClient _http;
    private Process? _process;

    private LivePrometheus(string directory, string config, int port)
    {
        _directory = directory;
        _config = config;
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
    }

    public int Port { get; }

    public Uri Address { get; }

    /// <summary>
    /// Starts a server scraping <paramref name="targetPorts"/> every second and, when given, the supervisor's own metrics
    /// on <paramref name="supervisorPort"/> every <paramref name="supervisorScrape"/> (default a second too).
    /// </summary>
    public static async Task<LivePrometheus> StartAsync(IEnumerable<int> targetPorts, IEnumerable<string>? ruleFiles = null, int? supervisorPort = null, TimeSpan? supervisorScrape = null)
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-supervise-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        var targets = string.Join(", ", targetPorts.Select(p => $"'127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}'"));
        var rules = ruleFiles is null ? "" : "rule_files:\n" + string.Concat(ruleFiles.Select(f => $"  - '{f}'\n"));
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            {rules}
            scrape_configs:
              - job_name: aisprint
                scrape_interval: 1s
                static_configs:
                  - targets: [{targets}]
            {SupervisorJob(supervisorPort, supervisorScrape)}
            """);
        var server = new LivePrometheus(directory, config, SupervisedApp.FreePort());
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static string SupervisorJob(int? port, TimeSpan? interval) => port is not { } p ? "" : $"""
          - job_name: aisprint-supervisor
            scrape_interval: {Math.Max(1, (int)(interval ?? TimeSpan.FromSeconds(1)).TotalSeconds).ToString(CultureInfo.InvariantCulture)}s
            static_configs:
              - targets: ['127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}']
        """;

    /// <summary>Starts the server (again) on the same port and storage, and waits until it is ready.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(PrometheusInstallation.Executable!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--config.file=" + _config);
        start.ArgumentList.Add("--storage.tsdb.path=" + Path.Combine(_directory, "data"));
        start.ArgumentList.Add("--web.listen-address=127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture));
        _process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited) throw new InvalidOperationException($"Prometheus exited with code {_process.ExitCode} before it was ready.");
            try
            {
                using var ready = await _http.GetAsync("-/ready");
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("Prometheus was not ready within 30 s.");
    }

    /// <summary>Kills the server (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>An instant query: Prometheus' status and the number of series in the result.</summary>
    public async Task<(string Status, int Series, string Body)> QueryAsync(string promQl)
    {
        using var response = await _http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promQl));
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        var status = json.GetProperty("status").GetString()!;
        var series = status == "success" ? json.GetProperty("data").GetProperty("result").GetArrayLength() : 0;
        return (status, series, body);
    }

    /// <summary>The value of the first series an instant query returns; NaN when it returns none.</summary>
    public async Task<double> ValueAsync(string promQl)
    {
        var (status, series, body) = await QueryAsync(promQl);
        if (status != "success" || series == 0) return double.NaN;
        var value = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("result")[0].GetProperty("value")[1].GetString()!;
        return double.Parse(value, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Kill();
        _http.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying server: the temporary directory is left for the OS to clean.
        }
    }
}
