using System.Net;
using System.Text.Json;
using AiSprint.Supervision.Execution;
using AiSprint.Supervision.Tests.Live;

namespace AiSprint.Supervision.Tests.Execution;

public sealed class DecisionWebhookTests
{
    private static SupervisorDecision Decision() => new()
    {
        At = DateTimeOffset.UnixEpoch,
        Poll = 7,
        Kind = "replan",
        Reasons = ["the arrival rate is 60 req/s"],
        ReasonCodes = ["arrival_rate"],
        DesignLambda = 20,
        ObservedLambda = 60,
        CostBefore = 2,
        CostAfter = 6,
        FromVersion = 1,
        ToVersion = 2,
    };

    [Fact]
    public async Task A_decision_is_posted_as_JSON_to_a_listener_on_loopback()
    {
        var port = SupervisedApp.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var (method, type) = (context.Request.HttpMethod, context.Request.ContentType);
            context.Response.StatusCode = 204;
            context.Response.Close();
            return (method, type, body);
        });
        using var http = new HttpClient();

        var problem = await new DecisionWebhook(http, new Uri($"http://127.0.0.1:{port}/hook/"), TimeSpan.FromSeconds(5)).PostAsync(Decision(), CancellationToken.None);

        Assert.Null(problem);
        var (method, type, body) = await received;
        Assert.Equal("POST", method);
        Assert.StartsWith("application/json", type);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("replan", json.GetProperty("decision").GetString());
        Assert.Equal(60, json.GetProperty("observedLambda").GetDouble());
        Assert.Equal(6, json.GetProperty("costAfter").GetDouble());
        Assert.Equal("arrival_rate", json.GetProperty("reasonCodes")[0].GetString());
    }

    [Fact]
    public async Task A_webhook_that_is_down_is_reported_not_thrown()
    {
        using var http = new HttpClient();
        var problem = await new DecisionWebhook(http, new Uri($"http://127.0.0.1:{SupervisedApp.FreePort()}/"), TimeSpan.FromSeconds(5)).PostAsync(Decision(), CancellationToken.None);
        Assert.StartsWith("the webhook http://127.0.0.1:", problem);
        Assert.Contains("is unreachable", problem);
    }
}
