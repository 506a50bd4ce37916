using AiSprint.Supervision.Analysis;

namespace AiSprint.Supervision.Tests.Analysis;

public sealed class DemandEstimatorTests
{
    [Fact]
    public void Inverting_the_models_own_response_times_gives_back_the_design_demands()
    {
        var inForce = Fixtures.InForce();
        var evaluation = inForce.Evaluation;
        var ingest = inForce.Problem.ComponentIndex("ingest");
        var classify = inForce.Problem.ComponentIndex("classify");
        // What the model predicts at 20 req/s on VMSmall ×2 (utilisation 0.42), measured as if exactly.
        var window = Fixtures.Window(20, ingestMs: evaluation.PartitionTimes[ingest][0].Value * 1000, classifyMs: evaluation.PartitionTimes[classify][0].Value * 1000);

        var estimates = DemandEstimator.Estimate(inForce, window, minimumCalls: 5);

        Assert.Equal(0.002, Assert.Single(estimates, e => e.Component == "ingest").MeasuredSeconds, 12);
        var heavy = Assert.Single(estimates, e => e.Component == "classify");
        Assert.Equal(0.040, heavy.MeasuredSeconds, 12);
        Assert.Equal("VMSmall", heavy.Resource);
        Assert.Equal(evaluation.Utilisation[inForce.Problem.ResourceIndex("VMSmall")], heavy.Utilisation, 12);
    }

    [Fact]
    public void At_low_load_the_estimate_is_the_mean_duration()
    {
        var estimates = DemandEstimator.Estimate(Fixtures.InForce(), Fixtures.Window(0.01, classifyMs: 40), minimumCalls: 1);
        Assert.Equal(0.040, Assert.Single(estimates, e => e.Component == "classify").MeasuredSeconds, 4);
    }
}
