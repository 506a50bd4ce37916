using AiSprint.Supervision.Monitoring;
using AiSprint.Supervision.Tests.Live;

namespace AiSprint.Supervision.Tests.Monitoring;

public sealed class PrometheusClientTests
{
    [Fact]
    public async Task A_Prometheus_that_is_down_gives_a_reason_instead_of_an_exception()
    {
        using var http = new HttpClient();
        var address = new Uri($"http://127.0.0.1:{SupervisedApp.FreePort()}");
        var result = await new PrometheusClient(http, address, TimeSpan.FromSeconds(2)).QueryAsync("up", CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.StartsWith($"Prometheus at {address} is unreachable: ", result.Problem);
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1.5e-3", 0.0015)]
    public void Values_are_read_in_Gos_float_format(string text, double expected) =>
        Assert.Equal(expected, PrometheusClient.ParseValue(text));
}
