using System.Globalization;
using System.Net;
using AiSprint.Supervision.App;
using AiSprint.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

// Usage: AiSprint.Supervision.App <metrics port> <request port>
// Serves /metrics (OpenTelemetry's Prometheus exporter) and GET /request (one run of the pipeline) on 127.0.0.1, prints
// "ready", and stops when standard input closes (never later than five minutes). GET /shift moves the distribution of
// classify's "confidence" (its [DetectDrift] detector reports the drift through aisprint.drift.detected).
var metricsPort = int.Parse(args[0], CultureInfo.InvariantCulture);
var requestPort = int.Parse(args[1], CultureInfo.InvariantCulture);

using var metrics = Sdk.CreateMeterProviderBuilder()
    .AddMeter(AiSprintInstruments.MeterName)
    .AddPrometheusHttpListener(options =>
    {
        options.Host = "127.0.0.1";
        options.Port = metricsPort;
    })
    .Build();

// Sleeping requests hold their threads: start with enough that a burst never waits for the pool to grow.
ThreadPool.SetMinThreads(64, 64);
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{requestPort.ToString(CultureInfo.InvariantCulture)}/");
listener.Start();
using var stop = new CancellationTokenSource();
var counter = 0;
var serving = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        HttpListenerContext context;
        try
        {
            context = await listener.GetContextAsync();
        }
        catch (HttpListenerException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        // Each request on its own work item: requests overlap as they would on a server.
        if (context.Request.Url?.AbsolutePath == "/shift")
        {
            Signals.ShiftConfidence();
            context.Response.Close();
            continue;
        }

        _ = Task.Run(() =>
        {
            var answer = RequestPipeline.Run(Interlocked.Increment(ref counter));
            var body = System.Text.Encoding.UTF8.GetBytes(answer ? "even" : "odd");
            context.Response.ContentLength64 = body.Length;
            context.Response.OutputStream.Write(body);
            context.Response.Close();
        });
    }
});

Console.WriteLine("ready");
await Task.WhenAny(Task.Run(() => Console.In.ReadToEnd()), Task.Delay(TimeSpan.FromMinutes(5)));
stop.Cancel();
listener.Stop();
