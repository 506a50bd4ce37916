using System.Globalization;
using System.Net;
using AiSprint.Supervision.App;
using AiSprint.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

// Usage: AiSprint.Supervision.App <metrics port> <request port> [--serve <replicas> <ingest ms> <classify ms>]
// Serves /metrics (OpenTelemetry's Prometheus exporter) and GET /request (one run of the pipeline) on 127.0.0.1, prints
// "ready", and stops when standard input closes (never later than five minutes). GET /shift moves the distribution of
// classify's "confidence" (its [DetectDrift] detector reports the drift through aisprint.drift.detected); GET
// /slow?factor=F multiplies classify's work by F. With --serve, the components' calls share <replicas> processor-sharing
// servers with those demands (the design's) instead of sleeping 2 and 40 ms.
var metricsPort = int.Parse(args[0], CultureInfo.InvariantCulture);
var requestPort = int.Parse(args[1], CultureInfo.InvariantCulture);
if (args.Length == 6 && args[2] == "--serve")
{
    Work.ServeOn(new ProcessorSharingServers(int.Parse(args[3], CultureInfo.InvariantCulture), seed: 29),
        TimeSpan.FromMilliseconds(double.Parse(args[4], CultureInfo.InvariantCulture)), TimeSpan.FromMilliseconds(double.Parse(args[5], CultureInfo.InvariantCulture)));
}
else if (args.Length != 2)
{
    Console.Error.WriteLine("usage: AiSprint.Supervision.App <metrics port> <request port> [--serve <replicas> <ingest ms> <classify ms>]");
    return 2;
}

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
        if (context.Request.Url?.AbsolutePath == "/slow")
        {
            var factor = double.TryParse(context.Request.QueryString["factor"], NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 ? f : double.NaN;
            if (double.IsFinite(factor)) Work.SlowClassifyDown(factor);
            context.Response.StatusCode = double.IsFinite(factor) ? 200 : 400;
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
return 0;
