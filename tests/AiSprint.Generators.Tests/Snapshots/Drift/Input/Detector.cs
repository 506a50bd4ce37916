using AiSprint.Annotations;
using AiSprint.Telemetry.Drift;

namespace Masks;

public static class Detector
{
    // Two detectors on one component, defaults on the second; a reference file on the first.
    [Component("mask-detector")]
    [DetectDrift("confidence", DriftTest.KolmogorovSmirnov, PValueThreshold = 0.01, WindowSize = 200, DetectionIntervalSeconds = 60, CollectionPeriodSeconds = 600, ReferenceFile = "drift/confidence.csv")]
    [DetectDrift("label", DriftTest.ChiSquared)]
    public static string Detect(double[] frame)
    {
        DriftMetrics.Record("confidence", frame[0]);
        DriftMetrics.Record("label", frame[0] > 0.5 ? "mask" : "no-mask");
        return "mask";
    }

    // Not a [Component]: the method name is the component name, as for [ExecTime]-only components.
    [DetectDrift("hit", DriftTest.FisherExact, WindowSize = 50)]
    public static bool Hit(double score)
    {
        DriftMetrics.Record("hit", score > 0.9);
        return score > 0.9;
    }

    // Invalid (AIS0131): not registered, the analyzers report it.
    [DetectDrift("broken", DriftTest.CramerVonMises, PValueThreshold = 1.5)]
    public static void Broken()
    {
    }
}
