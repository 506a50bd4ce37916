using System.Net.Http.Json;

namespace AiSprint.Supervision.Execution;

/// <summary>POSTs each decision as JSON (decision.json's content). A failed POST is reported, never fatal.</summary>
internal sealed class DecisionWebhook(HttpClient http, Uri target, TimeSpan timeout)
{
    /// <summary>Null when delivered; otherwise why not.</summary>
    public async Task<string?> PostAsync(SupervisorDecision decision, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.PostAsJsonAsync(target, decision, DecisionJsonContext.Default.SupervisorDecision, deadline.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"the webhook {target} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"the webhook {target} did not answer within {timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException ex)
        {
            return $"the webhook {target} is unreachable: {ex.Message}";
        }
    }
}
