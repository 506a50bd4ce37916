using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiSprint.Supervision.Monitoring;

/// <summary>One labelled value of an instant vector.</summary>
internal sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>Either the samples of a query or why there are none (unreachable, timed out, refused the query).</summary>
internal sealed record QueryResult(IReadOnlyList<Sample>? Samples, string? Problem)
{
    public bool Succeeded => Samples is not null;
}

/// <summary>
/// Instant queries through Prometheus' HTTP API (<c>GET /api/v1/query</c>). Never throws for a server that is down or
/// slow: the supervisor must keep running and report "no data" instead.
/// </summary>
internal sealed class PrometheusClient(HttpClient http, Uri server, TimeSpan timeout)
{
    private readonly Uri _query = new(server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/"), "api/v1/query");

    public Uri Server => server;

    public async Task<QueryResult> QueryAsync(string promQl, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(new Uri(_query + "?query=" + Uri.EscapeDataString(promQl)), deadline.Token).ConfigureAwait(false);
            // A refused query comes back as 400/422 with a JSON body saying why: read it either way.
            var body = await response.Content.ReadFromJsonAsync(PrometheusJsonContext.Default.PrometheusResponse, deadline.Token).ConfigureAwait(false);
            if (body is null || body.Status != "success")
            {
                return new(null, $"Prometheus at {server} answered {(int)response.StatusCode}: {body?.ErrorType} {body?.Error}".TrimEnd());
            }
            if (body.Data?.ResultType != "vector")
            {
                return new(null, $"Prometheus at {server} answered a {body.Data?.ResultType} to an instant query; expected a vector");
            }
            return new([.. (body.Data.Result ?? []).Select(ToSample).OfType<Sample>()], null);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new(null, $"Prometheus at {server} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new(null, $"Prometheus at {server} is unreachable: {ex.Message}");
        }
        catch (JsonException ex)
        {
            return new(null, $"Prometheus at {server} answered something that is not its API's JSON: {ex.Message}");
        }
    }

    private static Sample? ToSample(PrometheusSeries series)
    {
        if (series.Value is not [_, var text] || text.ValueKind != JsonValueKind.String) return null;
        return new Sample(series.Metric ?? [], ParseValue(text.GetString()!));
    }

    /// <summary>Prometheus writes floats in Go's format: "NaN", "+Inf", "-Inf" or a decimal.</summary>
    internal static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
