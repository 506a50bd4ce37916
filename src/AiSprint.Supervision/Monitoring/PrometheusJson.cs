using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiSprint.Supervision.Monitoring;

/// <summary>The envelope of Prometheus' HTTP API (<c>/api/v1/query</c>): status, data or error.</summary>
internal sealed record PrometheusResponse(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("data")] PrometheusData? Data,
    [property: JsonPropertyName("errorType")] string? ErrorType,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>An instant query's result; only <c>vector</c> results are asked for.</summary>
internal sealed record PrometheusData(
    [property: JsonPropertyName("resultType")] string? ResultType,
    [property: JsonPropertyName("result")] List<PrometheusSeries>? Result);

/// <summary>One series: its labels and <c>[unix time, "value"]</c> (the value is a string: NaN and ±Inf are legal).</summary>
internal sealed record PrometheusSeries(
    [property: JsonPropertyName("metric")] Dictionary<string, string>? Metric,
    [property: JsonPropertyName("value")] JsonElement[]? Value);

[JsonSerializable(typeof(PrometheusResponse))]
internal sealed partial class PrometheusJsonContext : JsonSerializerContext;
