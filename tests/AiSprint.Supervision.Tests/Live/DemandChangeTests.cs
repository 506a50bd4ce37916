using System.Globalization;
using AiSprint.Integration.Tests.Prometheus;
using AiSprint.Supervision.Execution;
using AiSprint.Supervision.Planning;
using Xunit.Abstractions;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// A demand change alone, live: the app's components share the servers their design placed them on as the placement
/// model's do (one VMSmall, processor sharing, ingest 4 ms and classify 6 ms a call), under a steady Poisson load at the
/// planned rate; then classify needs 2.5 times as much work per call while the arrival rate stays. The supervisor must
/// re-plan for the demand, and only for it, with the demand it measured in the new version's design.
/// </summary>
/// <remarks>
/// Why the demand is the only reason that fires: the design (Inputs/demands_queued.csv) has ingest at 4 ms and classify at
/// 6 ms on one VMSmall, utilisation 0.2 at 20 req/s. At 15 ms the utilisation is 0.38 and classify answers in 15 / 0.62 =
/// 24 ms on average, far under its 100 ms [ExecTime] (and the path under its 200 ms), while its measured demand is 2.5
/// times the design's, far beyond the ±50 % tolerance. The margin is for the loaded machine: with classify at 10 → 25 ms
/// (utilisation 0.54, 54 ms) a stall's burst once lifted classify to 172 ms in two windows in a row at load 13, and the
/// constraint fired with the demand. On the build's own design (40 ms on two VMSmall, utilisation 0.42) no slowdown can
/// make the demand fire first: any demand above 1.5 × 40 ms puts classify above 100 ms too, and a slowdown of 1.23
/// already breaks the constraint.
/// </remarks>
[Collection(LiveSettings.Alone)]
public sealed class DemandChangeTests(ITestOutputHelper output)
{
    private const double SlowDown = 2.5;

    [PrometheusFact]
    public async Task A_component_that_slows_down_at_the_same_arrival_rate_is_replanned_for_its_demand_alone_with_the_measured_demand_in_the_new_design()
    {
        var build = DeployedBuild.Copy(demands: DeployedBuild.QueuedDemands);
        var design = BuildFolder.Load(build).Value!;
        var (resource, demand, replicas) = SingleNode(design, "classify");
        Assert.Equal(("VMSmall", 0.006, 1), (resource, demand, replicas));
        var ingest = SingleNode(design, "ingest");
        Assert.Equal(("VMSmall", 0.004, 1), ingest);

        // The app serves the components as the design says: that many servers, those demands.
        using var app = await SupervisedApp.StartAsync(TimeSpan.FromSeconds(30), (replicas, TimeSpan.FromSeconds(ingest.Demand), TimeSpan.FromSeconds(demand)));
        // Arrivals missed while the test process stalls are dropped, not sent in a burst: a burst queues on the server
        // as no Poisson stream does, and reads as two to three times the demand for a window or two.
        await using var load = new LoadGenerator(app.RequestUri, LiveSettings.PlannedRate, seed: 37, catchUp: false);
        // Prometheus starts once the app is warm (the first windows read two to three times the demand while the app and
        // the test process warmed up): a call counted before the first scrape is in no window.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var prometheus = await LivePrometheus.StartAsync([app.MetricsPort]);
        var options = LiveSettings.Options(build, prometheus.Address);
        using var supervisor = Supervisor.Open(options).Value!;

        // Steady at the planned rate and demand until three polls in a row had data: nothing is decided, and the servers
        // the model describes estimate to the design (classify's 40 ms sleep reads 28 ms on the build's own design). The
        // least of the windows' estimates: the loaded machine now and then makes the app's calls wait for a core, which
        // only ever adds time (one window read 18.6 ms for 10 ms at load 4.5), and two in a row are needed to decide.
        // The first polls come two windows after Prometheus started: the test process is busy starting it and the
        // supervisor, and the arrivals it drops meanwhile read as a window of 13 req/s.
        await Task.Delay(2 * options.Window);
        var steady = 0;
        var before = await LiveSettings.PollUntilAsync(supervisor, r => (steady = r.Observation is null ? 0 : steady + 1) >= 3, limit: 12);
        Log("before", before);
        Assert.True(steady >= 3, "no data before the slowdown: " + string.Join(" | ", before.Select(r => r.Summary)));
        Assert.All(before, r => Assert.Null(r.Decision));
        Assert.InRange(Least(before.TakeLast(3), "classify"), 0.8 * demand, 1.2 * demand);
        Assert.InRange(Least(before.TakeLast(3), "ingest"), 0.8 * ingest.Demand, 1.2 * ingest.Demand);

        await app.SlowDownAsync(SlowDown);
        await Task.Delay(LiveSettings.Poll);
        // The first window after the slowdown is half old, half new and breaches already; the second decides (five polls allowed).
        var after = await LiveSettings.PollUntilAsync(supervisor, r => r.Decision is not null, limit: 5);
        Log("after", after);
        var decision = Assert.Single(after, r => r.Decision is not null).Decision!;

        Assert.Equal("replan", decision.Kind);
        Assert.Equal(["demand_off_design"], decision.ReasonCodes);
        var reason = Assert.Single(decision.Reasons);
        Assert.StartsWith("component classify needs ", reason);
        Assert.Contains(" ms of VMSmall per call (estimated at ", reason);
        Assert.Contains("the design says 6 ms (tolerance ±50 %), for 2 consecutive polls", reason);
        // The load did not move: the arrival rate stayed inside its band, and the plan is made at the rate observed.
        Assert.InRange(decision.ObservedLambda, LiveSettings.PlannedRate * (1 - options.LambdaBand), LiveSettings.PlannedRate * (1 + options.LambdaBand));
        Assert.Equal(2, decision.ToVersion);

        // The new version's design carries the demand measured in the deciding window, read back from the file: classify's
        // on VMSmall (and, scaled alike, on VMLarge); ingest's is the design's. That window is the second after the
        // slowdown and still holds a second or two of the old demand (rate() over 4 s, a scrape a second, a poll every 2 s
        // after the change), and a burst of late requests lifts a window's calls (24.1 ms read once): asserted between the
        // breach bound and twice the true demand. The estimator's accuracy is asserted on the windows after it.
        var measured = Assert.Single(after.Single(r => r.Decision is not null).Analysis!.Demands, d => d.Component == "classify").MeasuredSeconds;
        var version = Path.Combine(options.OutputDirectory, "v0002");
        var written = BuildFolder.Load(Path.Combine(version, BuildFolder.SystemFile), Path.Combine(version, BuildFolder.SolutionFile), null, 2, []).Value!;
        Assert.True(written.Evaluation.IsFeasible);
        var newDemand = DemandOn(written, "classify", "VMSmall");
        Assert.Equal(measured, newDemand, 9);
        Assert.InRange(newDemand, (1 + options.DemandTolerance) * demand, 2 * SlowDown * demand);
        Assert.Equal(newDemand / 2, DemandOn(written, "classify", "VMLarge"), 9);
        Assert.Equal(ingest.Demand, DemandOn(written, "ingest", "VMSmall"), 9);
        Assert.Equal(newDemand, DemandOn(supervisor.InForce, "classify", "VMSmall"), 9);

        // During the cool-down, from a window after the decision's on: the least of four windows' estimates (a wait for a
        // core only ever adds time) near the true demand, and ingest's near its unchanged design.
        await Task.Delay(options.Window);
        var cooling = await LiveSettings.PollUntilAsync(supervisor, _ => false, limit: 4);
        Log("cooling down", cooling);
        var settled = cooling.Where(r => r.Analysis is not null).Select(r => Assert.Single(r.Analysis!.Demands, d => d.Component == "classify").MeasuredSeconds).ToList();
        output.WriteLine($"classify's demand: design {Ms(demand)} ms, true after the slowdown {Ms(demand * SlowDown)} ms, written {Ms(newDemand)} ms, " +
            $"estimated after {string.Join(", ", settled.Select(Ms))} ms");
        Assert.All(cooling, r => Assert.Null(r.Decision));
        Assert.InRange(Least(cooling, "classify"), 0.8 * SlowDown * demand, 1.2 * SlowDown * demand);
        Assert.InRange(Least(cooling, "ingest"), 0.7 * ingest.Demand, 1.3 * ingest.Demand);
    }

    private static double Least(IEnumerable<PollReport> reports, string component)
    {
        var estimates = reports.Where(r => r.Analysis is not null).Select(r => Assert.Single(r.Analysis!.Demands, d => d.Component == component).MeasuredSeconds).ToList();
        Assert.NotEmpty(estimates);
        return estimates.Min();
    }

    private static (string Resource, double Demand, int Replicas) SingleNode(PlacementInForce placement, string component) =>
        placement.SingleNodeDemand(placement.Problem.Components.ToList().FindIndex(c => c.Name == component))!.Value;

    private static double DemandOn(PlacementInForce placement, string component, string resource)
    {
        var c = placement.Problem.Components.ToList().FindIndex(x => x.Name == component);
        var r = placement.Problem.Resources.ToList().FindIndex(x => x.Name == resource);
        return placement.Problem.Components[c].Deployments.Single().Partitions.Single().CandidateOn(r)!.Value.Demand.Value;
    }

    private void Log(string phase, IEnumerable<PollReport> reports)
    {
        foreach (var report in reports)
        {
            var demands = report.Analysis?.Demands.Select(d => $"{d.Component} {Ms(d.MeasuredSeconds)} ms (U {d.Utilisation:0.00})") ?? [];
            output.WriteLine($"{phase} poll {report.Poll}: {report.Summary}; measured {string.Join(", ", demands)}");
        }
    }

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.##", CultureInfo.InvariantCulture);
}
