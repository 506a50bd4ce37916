using AiSprint.Profiling.Components;
using AiSprint.Telemetry.Profiling;

namespace AiSprint.Profiling.Tests.Components;

public sealed class ProfileDatasetTests
{
    private static ProfileResult Result(params (int Cores, double Side, double Milliseconds)[] runs) => new(
        runs.Select((r, i) => (r.Cores, new WorkloadMeasurement("seg", "W.M", (int)r.Side, i, r.Milliseconds, [new("image_side", r.Side)]))).ToArray(),
        [],
        false);

    [Fact]
    public void A_profile_on_another_resource_merges_into_the_existing_dataset()
    {
        var laptop = ProfileDataset.From(Result((1, 128, 4), (2, 128, 2)), new ResourceDescriptor("Laptop", 512, "Core i7", 8)).Single();
        var drone = ProfileDataset.From(Result((1, 128, 40)), new ResourceDescriptor("DroneBasic", 128, "Cortex-A53", 4)).Single();

        var merged = drone.ToCsv(laptop.ToCsv()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            ["image_side,cores,memory_mb,resource,processor,time_ms", "128,1,512,Laptop,Core i7,4", "128,2,512,Laptop,Core i7,2", "128,1,128,DroneBasic,Cortex-A53,40"],
            merged);
    }

    [Fact]
    public void Profiling_the_same_resource_and_core_count_again_replaces_its_rows()
    {
        var first = ProfileDataset.From(Result((1, 128, 4), (2, 128, 2)), new ResourceDescriptor("Laptop", 512, "Core i7", 8)).Single();
        var again = ProfileDataset.From(Result((2, 128, 3)), new ResourceDescriptor("Laptop", 512, "Core i7", 8)).Single();

        var merged = again.ToCsv(first.ToCsv()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["image_side,cores,memory_mb,resource,processor,time_ms", "128,1,512,Laptop,Core i7,4", "128,2,512,Laptop,Core i7,3"], merged);
    }

    [Fact]
    public void A_dataset_with_other_columns_is_not_merged_into()
    {
        var dataset = ProfileDataset.From(Result((1, 128, 4)), new ResourceDescriptor("Laptop", 512, "Core i7", 8)).Single();

        var error = Assert.Throws<ProfilingException>(() => dataset.ToCsv("batch,cores,memory_mb,resource,processor,time_ms\n1,1,512,Laptop,x,3\n"));

        Assert.Contains("AIS0067", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_named_like_a_column_the_profiler_writes_is_refused()
    {
        var result = new ProfileResult([(1, new WorkloadMeasurement("seg", "W.M", 0, 0, 3, [new("cores", 4)]))], [], false);

        var error = Assert.Throws<ProfilingException>(() => ProfileDataset.From(result, new ResourceDescriptor("Laptop", 512, "Core i7", 8)));

        Assert.Contains("AIS0063", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cores'", error.Message, StringComparison.Ordinal);
    }
}
