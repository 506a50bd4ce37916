using AiSprint.Annotations;
using AiSprint.Telemetry.Drift;

// The deployments (original, and with classify-small) are ranked by this; their values are in the tests' Inputs/deployments_performance.yaml.
[assembly: ApplicationMetric(ApplicationMetrics.AverageAccuracy, Threshold = 0.5)]

namespace AiSprint.Supervision.App;

/// <summary>
/// Two components on one path, planned for 20 req/s. The sleeps stand for work whose time does not depend on how busy
/// the two CI cores are (the test machine is shared), so the measured times are the same whatever else runs. Each
/// component records a value its drift detector watches (short windows and a 1 s interval: the tests run for seconds);
/// classify's confidence shifts when the test says so, ingest's input size never does. classify has a degraded
/// alternative, four times faster and less accurate: the supervisor's fallback when no placement of classify keeps up.
/// Started with <c>--serve</c>, both share servers as the placement model's components do (<see cref="Work"/>).
/// </summary>
public static class RequestPipeline
{
    [Component("ingest")]
    [ExpectedThroughput(20)]
    [Successor("classify")]
    [DetectDrift("input_size", DriftTest.KolmogorovSmirnov, WindowSize = 40, DetectionIntervalSeconds = 1, CollectionPeriodSeconds = 0, PValueThreshold = 1e-4)]
    public static int Ingest(int request)
    {
        Work.Ingest();
        DriftMetrics.Record("input_size", Signals.InputSize());
        return request;
    }

    [Component("classify")]
    [ExecTime(100, TimeUnit.Milliseconds)]
    [GlobalExecTime("request-path", 200, TimeUnit.Milliseconds, "ingest")]
    [DetectDrift("confidence", DriftTest.KolmogorovSmirnov, WindowSize = 40, DetectionIntervalSeconds = 1, CollectionPeriodSeconds = 0, PValueThreshold = 1e-4)]
    public static bool Classify(int request)
    {
        Work.Classify();
        DriftMetrics.Record("confidence", Signals.Confidence());
        return request % 2 == 0;
    }

    [Alternative("classify", "classify-small")]
    public static bool ClassifySmall(int request)
    {
        Thread.Sleep(10);
        DriftMetrics.Record("confidence", Signals.Confidence());
        return request % 2 == 0;
    }

    public static bool Run(int request) => Classify(Ingest(request));
}
