using AiSprint.Contract.Inputs;
using AiSprint.Model.Formats.Design;

namespace AiSprint.Model.Tests.Contract;

/// <summary>The build merges demands files in the order the analyzers do, whatever order they were passed in.</summary>
public sealed class DemandsMergeTests
{
    private static DemandTable Table(string path, double ms) =>
        DemandTableCsv.Parse($"component,resource,demand_ms\na,VM1,{ms}\n", path).GetValueOrThrow();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_prediction_replaces_a_hand_written_demand_whatever_the_argument_order(bool predictionFirst)
    {
        var handWritten = ("/app/demands.csv", 500.0);
        var predicted = ("/app/obj/Debug/net10.0/aisprint/demands/a.demands.csv", 1240.0);
        var passed = predictionFirst ? new[] { predicted, handWritten } : [handWritten, predicted];
        var merged = DemandTable.Merge(DemandsMerge.Order(passed, f => f.Item1).Select(f => Table(f.Item1, f.Item2)));
        Assert.Equal(1.24, Assert.Single(merged.Entries).Demand.Value, 12);
    }

    [Fact]
    public void Hand_written_files_merge_in_ordinal_path_order_before_predictions_and_measured_demands()
    {
        string[] paths = ["/app/obj/aisprint/measured/x.demands.csv", "/app/z.demands.csv", "C:\\app\\obj\\aisprint\\demands\\x.demands.csv", "/app/demands.csv", "/app/b.demands.csv"];
        Assert.Equal(
            ["/app/b.demands.csv", "/app/demands.csv", "/app/z.demands.csv", "C:\\app\\obj\\aisprint\\demands\\x.demands.csv", "/app/obj/aisprint/measured/x.demands.csv"],
            DemandsMerge.Order(paths, p => p));
    }
}
