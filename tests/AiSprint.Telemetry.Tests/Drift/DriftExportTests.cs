using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AiSprint.Annotations;
using AiSprint.Contract;
using AiSprint.Telemetry.Drift;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using static AiSprint.Telemetry.Tests.Drift.Statistics.ReferenceSamples;

namespace AiSprint.Telemetry.Tests.Drift;

/// <summary>What leaves the process: the webhook POST (to a real loopback listener) and the series a real Prometheus exporter serves.</summary>
public class DriftExportTests
{
    [Fact]
    public async Task A_drift_and_the_end_of_its_collection_are_posted_to_the_webhook_as_json()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hooks/drift/");
        listener.Start();
        var bodies = new List<JsonElement>();
        var received = Task.Run(async () =>
        {
            for (int i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                Assert.Equal("POST", context.Request.HttpMethod);
                Assert.StartsWith("application/json", context.Request.ContentType);
                using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                bodies.Add(body.RootElement.Clone());
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });

        using var h = new DriftHarness(new Uri($"http://127.0.0.1:{port}/hooks/drift/"));
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov, collectionSeconds: 1));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));
        h.RecordAndTick("confidence", Sample(3, 10, shift: 0.5));
        await h.Monitor.FlushNotificationsAsync();
        await received.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("drift", bodies[0].GetProperty("kind").GetString());
        Assert.Equal("detector", bodies[0].GetProperty("component").GetString());
        Assert.Equal("confidence", bodies[0].GetProperty("metric").GetString());
        Assert.Equal("kolmogorov-smirnov", bodies[0].GetProperty("test").GetString());
        Assert.True(bodies[0].GetProperty("pValue").GetDouble() < 0.01);
        Assert.Equal(0.01, bodies[0].GetProperty("pValueThreshold").GetDouble());
        Assert.Equal(100, bodies[0].GetProperty("windowSize").GetInt32());
        Assert.Equal("collection-complete", bodies[1].GetProperty("kind").GetString());
        Assert.True(File.Exists(bodies[1].GetProperty("collectionFile").GetString()));
    }

    [Fact]
    public async Task A_webhook_that_refuses_is_reported_and_the_detector_carries_on()
    {
        var port = FreePort(); // nobody listens
        using var h = new DriftHarness(new Uri($"http://127.0.0.1:{port}/"));
        var failures = 0;
        h.Monitor.NotificationFailed += (_, _) => Interlocked.Increment(ref failures);
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));
        await h.Monitor.FlushNotificationsAsync();
        Assert.Equal(1, failures);
        Assert.Equal(DriftState.Collecting, h.Monitor.GetState("detector", "confidence"));
    }

    [Fact]
    public async Task The_prometheus_exporter_serves_the_drift_series_under_the_names_the_supervisor_queries()
    {
        var port = FreePort();
        using var h = new DriftHarness();
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(h.Meter.Name)
            .AddPrometheusHttpListener(o => { o.Host = "127.0.0.1"; o.Port = port; })
            .Build();
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));

        using var client = new HttpClient();
        var text = await client.GetStringAsync($"http://127.0.0.1:{port}/metrics");
        // The exporter puts otel_scope_name first; the supervisor selects by the three tags.
        const string Labels = "\\{otel_scope_name=\"[^\"]*\",component=\"detector\",metric=\"confidence\",test=\"kolmogorov-smirnov\"\\} ";
        Assert.Matches("(?m)^" + TelemetryNames.PrometheusDriftDetected + Labels + "1$", text);
        Assert.Matches("(?m)^" + TelemetryNames.PrometheusDriftState + Labels + "1$", text);
        Assert.Matches("(?m)^" + TelemetryNames.PrometheusDriftPValue + Labels + "[0-9.E+-]+$", text);
        Assert.Matches("(?m)^" + TelemetryNames.PrometheusDriftDetections + Labels + "1$", text);
        Assert.Equal(
            ["aisprint_drift_detected", "aisprint_drift_state", "aisprint_drift_p_value", "aisprint_drift_detections_total"],
            [TelemetryNames.PrometheusDriftDetected, TelemetryNames.PrometheusDriftState, TelemetryNames.PrometheusDriftPValue, TelemetryNames.PrometheusDriftDetections]);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
