using AiSprint.Supervision.Analysis;
using AiSprint.Supervision.Monitoring;

namespace AiSprint.Supervision.Tests.Analysis;

public sealed class AnalyserTests
{
    private static readonly Lazy<AiSprint.Supervision.Planning.PlacementInForce> Build = new(() => Fixtures.InForce());

    private static List<AiSprint.Supervision.Analysis.Analysis> Feed(params Observation[] windows)
    {
        var analyser = new Analyser(Fixtures.Options());
        return [.. windows.Select(w => analyser.Analyse(Build.Value, w))];
    }

    [Fact]
    public void A_rate_outside_the_band_counts_only_from_the_Nth_consecutive_poll()
    {
        var results = Feed(Fixtures.Window(20), Fixtures.Window(30), Fixtures.Window(31));
        Assert.False(results[0].CallsForReplan);
        Assert.False(results[1].CallsForReplan);
        var finding = Assert.Single(results[2].Held, f => f.Kind == FindingKind.ArrivalRate);
        Assert.Equal(31, finding.Observed);
        Assert.Equal(20, finding.Expected);
        Assert.StartsWith("the arrival rate is 31 req/s, 55 % above the 20 req/s the placement was planned for", finding.Text);
    }

    [Fact]
    public void A_noisy_rate_that_crosses_the_band_edge_now_and_then_never_counts()
    {
        // Band ±30 % of 20 req/s: 26 is the edge, 25.4 the release bound (hysteresis 10 % of the band). Breaches never come two in a row.
        var results = Feed([.. new double[] { 27, 25, 27, 21, 27, 25, 19, 27, 25.5, 27 }.Select(r => Fixtures.Window(r))]);
        Assert.All(results, r => Assert.False(r.CallsForReplan));
    }

    [Fact]
    public void A_window_far_above_the_plan_and_the_next_far_below_are_no_sustained_change()
    {
        var results = Feed(Fixtures.Window(31), Fixtures.Window(11), Fixtures.Window(31), Fixtures.Window(11));
        Assert.All(results, r => Assert.False(r.CallsForReplan));
    }

    [Fact]
    public void A_held_condition_stays_held_inside_the_margin_and_is_released_inside_the_release_bound()
    {
        var results = Feed(Fixtures.Window(27), Fixtures.Window(27), Fixtures.Window(25.6), Fixtures.Window(25), Fixtures.Window(27));
        Assert.Equal([false, true, true, false, false], results.Select(r => r.CallsForReplan));
    }

    [Fact]
    public void A_mean_above_the_local_constraint_counts_when_sustained_and_only_with_enough_calls()
    {
        var slow = Feed(Fixtures.Window(20, classifyMs: 120), Fixtures.Window(20, classifyMs: 130));
        Assert.Contains(slow[1].Held, f => f.Kind == FindingKind.LocalViolation && f.Subject == "classify");
        Assert.DoesNotContain(slow[1].Held, f => f.Kind == FindingKind.GlobalViolation);

        var few = Feed(Fixtures.Window(20, classifyMs: 120, calls: 3), Fixtures.Window(20, classifyMs: 130, calls: 3));
        Assert.DoesNotContain(few[1].Held, f => f.Kind == FindingKind.LocalViolation);
    }

    [Fact]
    public void A_demand_off_design_counts_but_a_sub_millisecond_difference_never_does()
    {
        // classify at 90 ms under 2 req/s (utilisation 8 %): about twice the 40 ms the design says.
        var heavy = Feed(Fixtures.Window(2, classifyMs: 90), Fixtures.Window(2, classifyMs: 90));
        var finding = Assert.Single(heavy[1].Held, f => f.Kind == FindingKind.DemandOffDesign);
        Assert.Equal("classify", finding.Subject);
        // ingest at 2.5 ms (1.75 ms once its 30 % utilisation is taken out) is 12 % off 2 ms but 0.25 ms is under the 1 ms floor.
        var light = Feed(Fixtures.Window(20, ingestMs: 2.5), Fixtures.Window(20, ingestMs: 2.5));
        Assert.DoesNotContain(light[1].Held, f => f.Kind == FindingKind.DemandOffDesign);
    }

    [Fact]
    public void A_drift_is_notified_once_when_it_starts_and_never_calls_for_a_replan()
    {
        var drift = new DriftState("classify", "confidence", Drifted: true);
        var results = Feed(Fixtures.Window(20), Fixtures.Window(20, drifts: drift), Fixtures.Window(20, drifts: drift), Fixtures.Window(20), Fixtures.Window(20, drifts: drift));
        Assert.Equal([0, 1, 0, 0, 1], results.Select(r => r.NewDrifts.Count));
        Assert.All(results, r => Assert.False(r.CallsForReplan));
        Assert.Equal("classify", results[1].NewDrifts[0].Subject);
    }
}
