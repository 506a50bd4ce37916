using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace AiSprint.Telemetry.Drift;

/// <summary>POSTs <see cref="DriftEvent"/>s to a webhook as JSON. A failed POST is reported, never thrown into the application.</summary>
internal sealed class DriftNotifier(Uri endpoint, HttpClient client)
{
    public async Task<Exception?> PostAsync(DriftEvent driftEvent, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(endpoint, driftEvent, DriftJsonContext.Default.DriftEvent, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return e;
        }
    }
}

/// <summary>Trim- and AOT-safe serialisation of the webhook body, camelCase as JSON webhooks expect.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DriftEvent))]
internal sealed partial class DriftJsonContext : JsonSerializerContext;
