using AiSprint.Annotations;
using AiSprint.Contract;

namespace AiSprint.Model.Tests.Contract;

/// <summary>[DetectDrift] and DriftTest as the contract names them (the generator and analyzers read them by these names and numbers).</summary>
public sealed class DriftContractTests
{
    [Fact]
    public void Drift_test_values_are_the_enums_values()
    {
        Assert.Equal(
            [AnnotationContract.KolmogorovSmirnov, AnnotationContract.CramerVonMises, AnnotationContract.ChiSquared, AnnotationContract.FisherExact],
            Enum.GetValues<DriftTest>().Select(t => (int)t));
        Assert.All(Enum.GetValues<DriftTest>(), t => Assert.True(AnnotationContract.IsDefinedDriftTest((int)t)));
        Assert.False(AnnotationContract.IsDefinedDriftTest(0));
    }

    [Fact]
    public void Named_arguments_and_defaults_are_the_attributes()
    {
        var properties = typeof(DetectDriftAttribute).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                AnnotationContract.DriftCollectionPeriodSeconds, AnnotationContract.DriftDetectionIntervalSeconds, AnnotationContract.DriftPValueThreshold,
                AnnotationContract.DriftReferenceFile, AnnotationContract.DriftWindowSize,
            }.Order(StringComparer.Ordinal),
            properties);
        var defaults = new DetectDriftAttribute("m", DriftTest.KolmogorovSmirnov);
        Assert.Equal(AnnotationContract.DefaultDriftPValueThreshold, defaults.PValueThreshold);
        Assert.Equal(AnnotationContract.DefaultDriftWindowSize, defaults.WindowSize);
        Assert.Equal(AnnotationContract.DefaultDriftDetectionIntervalSeconds, defaults.DetectionIntervalSeconds);
        Assert.Equal(AnnotationContract.DefaultDriftCollectionPeriodSeconds, defaults.CollectionPeriodSeconds);
        Assert.Null(defaults.ReferenceFile);
    }

    [Fact]
    public void The_drift_series_have_the_prometheus_names_the_supervisor_queries()
    {
        Assert.Equal("aisprint_drift_detected", TelemetryNames.PrometheusDriftDetected);
        Assert.Equal("aisprint_drift_state", TelemetryNames.PrometheusDriftState);
        Assert.Equal("aisprint_drift_p_value", TelemetryNames.PrometheusDriftPValue);
        Assert.Equal("aisprint_drift_detections_total", TelemetryNames.PrometheusDriftDetections);
    }
}
