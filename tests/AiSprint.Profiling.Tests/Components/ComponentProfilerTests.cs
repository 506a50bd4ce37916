using AiSprint.Model.Formats.Aml;
using AiSprint.Profiling.Components;
using AiSprint.Regression;
using AiSprint.Regression.Configuration;

namespace AiSprint.Profiling.Tests.Components;

/// <summary>Profiles the real test application (tests/AiSprint.Profiling.App) in real processes.</summary>
public sealed class ComponentProfilerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-profile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ProfileResult Profile(int[] cores, int repetitions, int warmup, params string[] components) =>
        ComponentProfiler.Run(new ProfileRequest(ProfiledAppAttribute.Current, cores, repetitions, warmup, components), _directory);

    [Fact]
    public void Every_repetition_of_every_case_is_measured_by_the_components_wrapper_and_warm_up_runs_are_discarded()
    {
        var result = Profile([1], repetitions: 4, warmup: 2, "sleeper");

        Assert.Empty(result.Errors);
        Assert.False(result.Interrupted);
        var measurements = result.Measurements.Select(m => m.Measurement).ToArray();
        Assert.Equal(3 * 4, measurements.Length);
        Assert.Equal([0, 1, 2, 3], measurements.Where(m => m.Case == 0).Select(m => m.Repetition).Order());
        foreach (var m in measurements)
        {
            Assert.Equal("sleeper", m.Component);
            Assert.Equal(["sleep_ms", "batch"], m.Features.Select(f => f.Key));
            // A sleep is never shorter than asked: the time is the component's own call, as the wrapper saw it.
            Assert.True(m.Milliseconds >= m.Features[0].Value, $"{m.Milliseconds} ms for a {m.Features[0].Value} ms sleep");
        }

        Assert.Empty(Directory.EnumerateFiles(_directory, "*.records", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_process_restricted_to_k_cores_is_told_it_has_k()
    {
        var result = Profile([1, 2], repetitions: 3, warmup: 1, "per-core");

        Assert.Empty(result.Errors);
        var byCores = result.Measurements.GroupBy(m => m.Cores).ToDictionary(g => g.Key, g => g.Min(m => m.Measurement.Milliseconds));
        // The component sleeps 40 ms per core Environment.ProcessorCount reports; a sleep only ever overshoots.
        Assert.True(byCores[1] >= 40 && byCores[1] < 80, $"1 core: {byCores[1]} ms");
        Assert.True(byCores[2] >= 80, $"2 cores: {byCores[2]} ms");
    }

    [Fact]
    public void An_asynchronous_component_is_measured_until_its_task_completes()
    {
        var result = Profile([1], repetitions: 2, warmup: 0, "async-sleeper");

        Assert.Empty(result.Errors);
        // The component awaits Task.Delay(20): measured to its task's end that is about 20 ms, against well under 1 ms for
        // the synchronous part alone. The delay's timer ticks in whole milliseconds, so it may end a fraction of a
        // millisecond before 20 ms by the profiler's Stopwatch (19.78 ms was seen): the bound leaves that margin.
        Assert.All(result.Measurements, m => Assert.True(m.Measurement.Milliseconds >= 18, $"{m.Measurement.Milliseconds} ms"));
    }

    [Theory]
    [InlineData("thrower", "AIS0061", "InvalidOperationException: no more inputs on this test rig")]
    [InlineData("empty", "AIS0062", "returned no case")]
    [InlineData("inconsistent", "AIS0063", "case 1 misses the feature 'batch'")]
    [InlineData("unreached", "AIS0064", "did not call the component")]
    [InlineData("no-such-component", "AIS0065", "no [Workload(\"no-such-component\")]")]
    public void A_workload_that_fails_gets_an_error_naming_the_component_and_the_method(string component, string code, string message)
    {
        var result = Profile([1], repetitions: 1, warmup: 0, component, "sleeper");

        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(component, error.Component);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        if (code != "AIS0065") Assert.StartsWith("AiSprint.Profiling.App.", error.Workload, StringComparison.Ordinal);
        // The other workload still ran, and nothing of the failed one is measured.
        Assert.All(result.Measurements, m => Assert.Equal("sleeper", m.Measurement.Component));
        Assert.Equal(3, result.Measurements.Count);
    }

    [Fact]
    public void Cancelling_keeps_every_completed_measurement_and_stops_the_process()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(3, cancel);

        var result = ComponentProfiler.Run(new ProfileRequest(ProfiledAppAttribute.Current, [1, 2], 200, 0, ["sleeper"]), _directory, progress, cancel.Token);

        Assert.True(result.Interrupted);
        // Killed well before the 3 cases x 200 repetitions of the first core count; progress reaches us late on a loaded machine.
        Assert.InRange(result.Measurements.Count, 3, 3 * 200 - 1);
        Assert.All(result.Measurements, m => Assert.Equal(1, m.Cores));
    }

    [Fact]
    public void More_cores_than_the_machine_has_are_refused_before_anything_runs()
    {
        var error = Assert.Throws<ProfilingException>(() => Profile([Environment.ProcessorCount + 1], 1, 0));

        Assert.Contains("AIS0066", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dataset_and_campaign_train_unchanged_and_predict_the_sleep()
    {
        var result = Profile([1, 2], repetitions: 5, warmup: 1, "sleeper");
        var dataset = Assert.Single(ProfileDataset.From(result, new ResourceDescriptor("Laptop", 512, "Core i7", 8)));
        var folder = Path.Combine(_directory, "profiles");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "sleeper.csv"), dataset.ToCsv());
        File.WriteAllText(Path.Combine(folder, "sleeper.ini"), CampaignConfigurationWriter.Write("profiles", "sleeper.csv", dataset.Rows.Count));

        Assert.Equal("sleep_ms,batch,cores,memory_mb,resource,processor,time_ms", dataset.Header);
        Assert.Equal(3 * 2 * 5, dataset.Rows.Count + dataset.DroppedOutliers);
        var loaded = CampaignConfiguration.Load(Path.Combine(folder, "sleeper.ini"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var campaign = RegressionCampaign.Run(loaded.Value!, new RegressionOptions(1, null));
        // The model must learn the cases apart: per case, its mean prediction is near the mean measured time
        // (a shared machine overshoots sleeps, so the measured mean, not the sleep, is the reference).
        var rows = AmlDatasetReader.Load(Path.Combine(folder, "sleeper.csv")).GetValueOrThrow();
        var predictions = campaign.Best.Model.Predict(rows);
        var sleeps = ((NumericColumn)rows["sleep_ms"]!).Values;
        var times = ((NumericColumn)rows["time_ms"]!).Values;
        var byCase = Enumerable.Range(0, predictions.Length).GroupBy(i => sleeps[i]).OrderBy(g => g.Key)
            .Select(g => (Predicted: g.Average(i => predictions[i]), Measured: g.Average(i => times[i]))).ToArray();
        Assert.All(byCase, c => Assert.InRange(c.Predicted, c.Measured * 0.7, c.Measured * 1.3));
        Assert.True(byCase[0].Predicted < byCase[1].Predicted && byCase[1].Predicted < byCase[2].Predicted);
    }

    private sealed class CancelAfter(int measurements, CancellationTokenSource cancel) : IProgress<ComponentProfiler.Progress>
    {
        public void Report(ComponentProfiler.Progress value)
        {
            if (value.Done >= measurements) cancel.Cancel();
        }
    }
}
