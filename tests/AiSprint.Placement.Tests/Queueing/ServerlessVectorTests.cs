using System.Globalization;
using System.Text;
using AiSprint.Model.Units;
using AiSprint.Placement.Queueing;
using Xunit.Abstractions;

namespace AiSprint.Placement.Tests.Queueing;

/// <summary>
/// faas-model-vectors.csv: 1317 outputs of the real pacsltk 0.2.1 package (faas-model.md §9).
/// Every output column must match to 1e-9 relative, exact zeros exactly, NaN as NaN, and the
/// state count exactly (§7's suggested tolerance).
/// </summary>
public sealed class ServerlessVectorTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-9;
    private const string VectorFile = "faas-model-vectors.csv";

    private static readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> Vectors = new(() => FaasSpecFiles.ReadCsv(VectorFile));

    private static readonly (string Column, Func<ServerlessMetrics, double> Value)[] Outputs =
    [
        ("avg_resp_time_s", m => m.AverageResponseTime.Value),
        ("cold_start_prob", m => m.ColdStartProbability),
        ("avg_server_count", m => m.AverageServerCount),
        ("avg_server_count_total", m => m.AverageServerCountTotal),
        ("avg_running_count", m => m.AverageRunningCount),
        ("avg_running_warm_count", m => m.AverageRunningWarmCount),
        ("avg_running_cold_count", m => m.AverageRunningColdCount),
        ("avg_idle_count", m => m.AverageIdleCount),
        ("avg_utilization", m => m.AverageUtilization),
        ("rejection_prob", m => m.RejectionProbability),
        ("rejection_rate_per_s", m => m.RejectionRatePerSecond),
    ];

    [Fact]
    public void The_vector_file_holds_all_1317_rows_of_the_four_sets()
    {
        var counts = Vectors.Value.GroupBy(r => r["set"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1317, Vectors.Value.Count);
        Assert.Equal(801, counts["space4ai_component_rate"]);
        Assert.Equal(100, counts["grid"]);
        Assert.Equal(400, counts["space4ai_partition_rate"]);
        Assert.Equal(16, counts["edge"]);
    }

    [Theory]
    [InlineData("space4ai_component_rate")]
    [InlineData("space4ai_partition_rate")]
    [InlineData("grid")]
    [InlineData("edge")]
    public void Every_vector_of_the_set_matches_the_package_to_1e_9_relative(string set)
    {
        var rows = Vectors.Value.Where(r => r["set"] == set).ToList();
        Assert.NotEmpty(rows);
        var failures = new StringBuilder();
        var worst = Outputs.ToDictionary(o => o.Column, _ => 0.0);
        foreach (var row in rows)
        {
            var inputs = string.Create(
                CultureInfo.InvariantCulture,
                $"λ={row["arrival_rate"]}, w={row["warm_s"]}, c={row["cold_s"]}, I={row["idle_before_kill_s"]}");
            var metrics = ServerlessPerformanceModel.Solve(
                new RequestsPerSecond(row.Number("arrival_rate")),
                new Seconds(row.Number("warm_s")),
                new Seconds(row.Number("cold_s")),
                new Seconds(row.Number("idle_before_kill_s")));

            int expectedStates = int.Parse(row["n_states"], CultureInfo.InvariantCulture);
            if (metrics.StateCount != expectedStates)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{set} ({inputs}): n_states expected {expectedStates}, got {metrics.StateCount}");
            }
            foreach (var (column, value) in Outputs)
            {
                double expected = row.Number(column);
                double actual = value(metrics);
                double error = FaasSpecFiles.RelativeError(expected, actual);
                worst[column] = Math.Max(worst[column], error);
                if (!(error <= Tolerance))
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{set} ({inputs}): {column} expected {expected:R}, got {actual:R} (relative error {error:E2})");
                }
            }
        }
        foreach (var (column, error) in worst)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set}: largest relative error on {column} = {error:E2}"));
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }
}
