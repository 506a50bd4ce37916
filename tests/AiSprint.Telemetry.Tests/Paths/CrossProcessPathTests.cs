using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AiSprint.Telemetry;

namespace AiSprint.Telemetry.Tests.Paths;

/// <summary>
/// The path's start crosses a real HTTP hop: HttpClient propagates the caller's W3C trace context and
/// baggage; the server side extracts them with <see cref="DistributedContextPropagator.Current"/>, as
/// a host without ASP.NET Core (an HttpListener, a FaaS handler) would, and runs the last component there.
/// </summary>
public sealed class CrossProcessPathTests
{
    [Fact]
    public async Task A_path_started_before_an_http_call_is_ended_and_measured_on_the_server()
    {
        var (first, last, path) = PathTimingTests.Path(thresholdMilliseconds: 10);
        using var recorder = new MeasurementRecorder(path.Id);
        var port = FreePort();
        using var server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        string? baggageHeader = null;
        string? serverTraceId = null;

        // The server loop must not inherit the client's context: it sees only what the headers carry.
        Task serving;
        using (ExecutionContext.SuppressFlow())
        {
            serving = Task.Run(async () =>
            {
                var context = await server.GetContextAsync();
                baggageHeader = context.Request.Headers["baggage"];
                using var handler = StartFromHeaders(context.Request.Headers);
                serverTraceId = handler.TraceId.ToString();
                PathTimingTests.Call(last, sleepMilliseconds: 10);
                context.Response.StatusCode = 204;
                context.Response.Close();
            });
        }

        using var request = new Activity("client-request").Start();
        PathTimingTests.Call(first, sleepMilliseconds: 10);
        using (var client = new HttpClient())
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/detect"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await serving;

        Assert.Contains(path.BaggageKey, baggageHeader ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(request.TraceId.ToString(), serverTraceId);
        Assert.InRange(Assert.Single(recorder.PathDurations).Value, 15.0, 10_000.0);
        Assert.Equal((1L, "global"), Assert.Single(recorder.Violations));
    }

    [Fact]
    public void Injected_headers_carry_the_path_start_to_an_extracting_side()
    {
        var (first, last, path) = PathTimingTests.Path(thresholdMilliseconds: 60_000);
        using var recorder = new MeasurementRecorder(path.Id);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        using (var request = new Activity("producer").Start())
        {
            PathTimingTests.Call(first, 0);
            DistributedContextPropagator.Current.Inject(request, headers, static (carrier, key, value) => ((Dictionary<string, string>)carrier!)[key] = value);
        }

        Activity.Current = null;
        Thread.Sleep(20);
        using (var consumer = StartFromHeaders(headers))
        {
            PathTimingTests.Call(last, 0);
        }

        Assert.InRange(Assert.Single(recorder.PathDurations).Value, 15.0, 10_000.0);
    }

    /// <summary>What a host does with incoming headers: an activity parented to the remote trace, carrying its baggage.</summary>
    private static Activity StartFromHeaders(object headers)
    {
        DistributedContextPropagator.PropagatorGetterCallback getter = static (carrier, name, out value, out values) =>
        {
            values = null;
            value = carrier switch
            {
                System.Collections.Specialized.NameValueCollection collection => collection[name],
                IDictionary<string, string> dictionary => dictionary.TryGetValue(name, out var v) ? v : null,
                _ => null,
            };
        };
        var propagator = DistributedContextPropagator.Current;
        propagator.ExtractTraceIdAndState(headers, getter, out var traceParent, out var traceState);
        var activity = new Activity("handler");
        if (traceParent is not null)
        {
            activity.SetParentId(traceParent);
            activity.TraceStateString = traceState;
        }

        foreach (var (key, value) in propagator.ExtractBaggage(headers, getter) ?? [])
        {
            activity.AddBaggage(key, value);
        }

        return activity.Start();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
