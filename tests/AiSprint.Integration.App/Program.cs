using System.Globalization;
using AiSprint.Integration.App;
using AiSprint.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

// Usage: AiSprint.Integration.App <metrics port> <frames>
// Runs the pipeline <frames> times, prints "ready", then serves /metrics until standard input closes.
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var frames = int.Parse(args[1], CultureInfo.InvariantCulture);

using var metrics = Sdk.CreateMeterProviderBuilder()
    .AddMeter(AiSprintInstruments.MeterName)
    .AddPrometheusHttpListener(options =>
    {
        options.Host = "127.0.0.1";
        options.Port = port;
    })
    .Build();

for (var frame = 0; frame < frames; frame++)
{
    Console.WriteLine(FramePipeline.Run(frame));
}

Console.WriteLine("ready");
// Served until the test closes our standard input (or kills us); never longer than two minutes.
await Task.WhenAny(Task.Run(() => Console.In.ReadToEnd()), Task.Delay(TimeSpan.FromMinutes(2)));
