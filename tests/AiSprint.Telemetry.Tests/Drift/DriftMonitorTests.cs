using AiSprint.Annotations;
using AiSprint.Contract;
using AiSprint.Telemetry.Drift;
using static AiSprint.Telemetry.Tests.Drift.Statistics.ReferenceSamples;

namespace AiSprint.Telemetry.Tests.Drift;

public class DriftMonitorTests
{
    [Fact]
    public void The_first_full_window_becomes_the_reference_and_nothing_is_tested_before()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov));

        h.RecordAndTick("confidence", Sample(1, 60));
        Assert.Equal(DriftState.AwaitingReference, h.Monitor.GetState("detector", "confidence"));
        h.RecordAndTick("confidence", Sample(2, 40));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
        Assert.Null(h.Monitor.GetLastPValue("detector", "confidence"));
    }

    [Fact]
    public void A_metric_whose_distribution_shifts_is_flagged_and_an_unshifted_one_is_not()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("steady", DriftTest.KolmogorovSmirnov));
        h.Monitor.Register(DriftHarness.Declare("shifting", DriftTest.KolmogorovSmirnov));

        // Reference, then ten windows: "steady" keeps its distribution; "shifting" moves by 0.3 from the sixth.
        for (ulong w = 0; w <= 10; w++)
        {
            foreach (var v in Sample(100 + w, 100)) h.Monitor.Record("steady", v);
            foreach (var v in Sample(200 + w, 100, shift: w >= 6 ? 0.3 : 0)) h.Monitor.Record("shifting", v);
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            if (w is > 0 and < 6)
            {
                Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "shifting"));
            }
        }

        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "steady"));
        Assert.True(h.Monitor.GetLastPValue("detector", "steady") >= 0.01);
        Assert.Equal(DriftState.Collecting, h.Monitor.GetState("detector", "shifting"));
        var drift = Assert.Single(h.Events);
        Assert.Equal(("drift", "shifting", "kolmogorov-smirnov"), (drift.Kind, drift.Metric, drift.Test));
        Assert.True(drift.PValue < 0.01);
        Assert.Equal(h.Clock.Start.AddSeconds(7), drift.At); // the sixth shifted window is tested at the seventh tick
    }

    [Theory]
    [InlineData(DriftTest.CramerVonMises)]
    [InlineData(DriftTest.KolmogorovSmirnov)]
    public void Continuous_tests_flag_a_change_of_spread(DriftTest test)
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("score", test, window: 200));
        h.RecordAndTick("score", Sample(7, 200));
        h.RecordAndTick("score", Sample(8, 200, shift: 0.25, scale: 0.5));
        Assert.Equal(DriftState.Collecting, h.Monitor.GetState("detector", "score"));
    }

    [Fact]
    public void A_categorical_metric_is_flagged_when_its_categories_change_share()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("label", DriftTest.ChiSquared));
        string Label(double u, double maskShare) => u < maskShare ? "mask" : u < 0.9 ? "no-mask" : "unknown";
        foreach (var u in Sample(3, 100)) h.Monitor.Record("label", Label(u, 0.5));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var u in Sample(4, 100)) h.Monitor.Record("label", Label(u, 0.5));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "label"));
        foreach (var u in Sample(5, 100)) h.Monitor.Record("label", Label(u, 0.2));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DriftState.Collecting, h.Monitor.GetState("detector", "label"));
    }

    [Fact]
    public void A_binary_metric_is_flagged_when_its_share_of_true_changes()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("hit", DriftTest.FisherExact));
        foreach (var u in Sample(3, 100)) h.Monitor.Record("hit", u < 0.7);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var u in Sample(4, 100)) h.Monitor.Record("hit", u < 0.7);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "hit"));
        foreach (var u in Sample(5, 100)) h.Monitor.Record("hit", u < 0.4);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DriftState.Collecting, h.Monitor.GetState("detector", "hit"));
    }

    [Fact]
    public void Values_after_a_drift_are_collected_to_a_file_that_appears_complete_when_the_period_ends()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov, collectionSeconds: 3));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));
        var drift = Assert.Single(h.Events);
        var file = drift.CollectionFile!;
        Assert.StartsWith(Path.Combine(h.DataDirectory, "detector", "confidence"), file);

        h.RecordAndTick("confidence", Sample(3, 30, shift: 0.5));
        Assert.False(File.Exists(file)); // still being written, as .partial
        Assert.True(File.Exists(file + ".partial"));
        h.RecordAndTick("confidence", Sample(4, 30, shift: 0.5));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(DriftState.Collected, h.Monitor.GetState("detector", "confidence"));
        Assert.Equal("collection-complete", h.Events[^1].Kind);
        var lines = File.ReadAllLines(file);
        Assert.Equal("timestamp,value", lines[0]);
        Assert.Equal(61, lines.Length);
        Assert.False(File.Exists(file + ".partial"));
        var collected = Sample(3, 30, shift: 0.5).Concat(Sample(4, 30, shift: 0.5)).ToArray();
        Assert.Equal(collected[0], double.Parse(lines[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_refresh_after_retraining_takes_the_collected_file_as_reference_and_monitors_again()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov, collectionSeconds: 1));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));
        h.RecordAndTick("confidence", Sample(3, 100, shift: 0.5));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var file = h.Events[^1].CollectionFile!;
        Assert.Equal(DriftState.Collected, h.Monitor.GetState("detector", "confidence"));

        h.Monitor.RefreshReferenceFromFile("detector", "confidence", file);
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
        // The shifted distribution is the new normal: no drift against it.
        h.RecordAndTick("confidence", Sample(4, 100, shift: 0.5));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
        Assert.True(h.Monitor.GetLastPValue("detector", "confidence") >= 0.01);
    }

    [Fact]
    public void A_refresh_without_values_takes_the_next_full_window()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));
        Assert.Equal(DriftState.Collecting, h.Monitor.GetState("detector", "confidence"));

        h.Monitor.RefreshReference("detector", "confidence");
        Assert.Equal(DriftState.AwaitingReference, h.Monitor.GetState("detector", "confidence"));
        Assert.Equal("collection-complete", h.Events[^1].Kind); // cut short, the file is complete
        Assert.True(File.Exists(h.Events[^1].CollectionFile));
        h.RecordAndTick("confidence", Sample(3, 100, shift: 0.5));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
    }

    [Fact]
    public void A_declared_reference_file_is_the_reference_from_the_start_and_a_rewrite_refreshes_it()
    {
        using var h = new DriftHarness();
        var reference = Path.Combine(h.DataDirectory, "reference.txt");
        File.WriteAllLines(reference, ["# confidence of the training set", .. Sample(1, 100).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))]);
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov, collectionSeconds: 0, referenceFile: reference));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));

        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));
        Assert.Equal(DriftState.Collected, h.Monitor.GetState("detector", "confidence")); // no collection declared

        File.WriteAllLines(reference, Sample(3, 100, shift: 0.5).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (h.Monitor.GetState("detector", "confidence") != DriftState.Monitoring && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
    }

    [Fact]
    public void A_malformed_reference_file_is_reported_with_its_line_and_the_first_window_serves_until_it_is_fixed()
    {
        using var h = new DriftHarness();
        var reference = Path.Combine(h.DataDirectory, "bad.txt");
        File.WriteAllLines(reference, ["0.5", "0.7", "high"]);
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov, referenceFile: reference));

        // Subscribed after the registration, as an application's code is after the module initializer: still told.
        var failures = new List<Exception>();
        h.Monitor.DetectorFailed += (_, e) => failures.Add(e);
        var failure = Assert.Single(failures);
        Assert.Contains("bad.txt:3:1", failure.Message);
        Assert.IsType<FormatException>(failure.InnerException);
        Assert.Equal(DriftState.AwaitingReference, h.Monitor.GetState("detector", "confidence"));
        h.RecordAndTick("confidence", Sample(1, 100));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
    }

    [Fact]
    public void A_missing_reference_file_does_not_stop_the_application_and_is_loaded_when_it_appears()
    {
        using var h = new DriftHarness();
        var reference = Path.Combine(h.DataDirectory, "later.txt");
        var failures = new List<Exception>();
        h.Monitor.DetectorFailed += (_, e) => failures.Add(e);
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov, collectionSeconds: 0, referenceFile: reference));

        Assert.IsAssignableFrom<IOException>(Assert.Single(failures).InnerException);
        Assert.Contains("later.txt", failures[0].Message);
        Assert.Equal(DriftState.AwaitingReference, h.Monitor.GetState("detector", "confidence"));

        // The file the training run writes afterwards becomes the reference: a window like it is no drift.
        File.WriteAllLines(reference, Sample(1, 100).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (h.Monitor.GetState("detector", "confidence") != DriftState.Monitoring && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
        h.RecordAndTick("confidence", Sample(2, 100));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
    }

    [Theory]
    [InlineData(0.0, 100, 1.0)]
    [InlineData(1.0, 100, 1.0)]
    [InlineData(0.05, 5, 1.0)]
    [InlineData(0.05, 100, 0.0)]
    public void A_declaration_that_cannot_run_is_refused(double threshold, int window, double interval)
    {
        using var h = new DriftHarness();
        Assert.Throws<ArgumentException>(() => h.Monitor.Register(DriftHarness.Declare("m", DriftTest.KolmogorovSmirnov, window, threshold, interval)));
    }

    [Fact]
    public void The_drift_state_is_exported_as_gauges_and_a_counter_tagged_by_component_and_metric()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov));
        h.Monitor.Register(DriftHarness.Declare("latency", DriftTest.KolmogorovSmirnov));
        h.RecordAndTick("confidence", Sample(1, 100));
        foreach (var v in Sample(1, 100)) h.Monitor.Record("latency", v);
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));
        foreach (var v in Sample(9, 100)) h.Monitor.Record("latency", v);
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        var seen = h.Observe();
        Assert.Equal(1, seen[(TelemetryNames.DriftDetected, "confidence")]);
        Assert.Equal(0, seen[(TelemetryNames.DriftDetected, "latency")]);
        Assert.Equal((int)DriftState.Collecting, seen[(TelemetryNames.DriftState, "confidence")]);
        Assert.True(seen[(TelemetryNames.DriftPValue, "confidence")] < 0.01);
        Assert.Equal(h.Monitor.GetLastPValue("detector", "latency"), seen[(TelemetryNames.DriftPValue, "latency")]);
    }

    [Fact]
    public void Values_of_a_metric_nobody_declared_are_dropped()
    {
        using var h = new DriftHarness();
        h.Monitor.Record("nobody", 1.0);
        h.Monitor.Record("nobody", "x");
        Assert.Throws<KeyNotFoundException>(() => h.Monitor.GetState("detector", "nobody"));
    }
}

public class DriftMonitorFailureTests
{
    [Fact]
    public void An_unwritable_collection_directory_still_reports_the_drift_and_never_reaches_the_recording_component()
    {
        using var h = new DriftHarness();
        var failures = new List<Exception>();
        h.Monitor.DetectorFailed += (_, e) => failures.Add(e);
        // A file where the collection's folder should go: creating the folder fails.
        File.WriteAllText(Path.Combine(h.DataDirectory, "detector"), "not a folder");
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Sample(2, 100, shift: 0.5));

        var drift = Assert.Single(h.Events);
        Assert.Null(drift.CollectionFile);
        Assert.IsAssignableFrom<IOException>(Assert.Single(failures));
        Assert.Equal(DriftState.Collected, h.Monitor.GetState("detector", "confidence"));
        h.Monitor.Record("confidence", 0.5); // no collection to write to, nothing thrown
    }

    [Fact]
    public void Nan_values_are_dropped()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("confidence", DriftTest.KolmogorovSmirnov));
        h.RecordAndTick("confidence", Sample(1, 100));
        h.RecordAndTick("confidence", Enumerable.Repeat(double.NaN, 100));
        Assert.Equal(DriftState.Monitoring, h.Monitor.GetState("detector", "confidence"));
        Assert.Null(h.Monitor.GetLastPValue("detector", "confidence"));
    }

    [Fact]
    public void Categories_recorded_from_many_threads_get_distinct_codes()
    {
        using var h = new DriftHarness();
        h.Monitor.Register(DriftHarness.Declare("label", DriftTest.ChiSquared, window: 1000));
        Parallel.For(0, 1000, i => h.Monitor.Record("label", "c" + (i % 50)));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        h.Monitor.RefreshReference("detector", "label", Enumerable.Range(0, 1000).Select(i => (double)(i % 50)));
        Parallel.For(0, 1000, i => h.Monitor.Record("label", "c" + (i % 50)));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        // Fifty names, fifty codes 0..49 in some order: the same counts per code as the reference.
        Assert.Equal(1, h.Monitor.GetLastPValue("detector", "label")!.Value, 9);
    }
}
