using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision.Tests.Planning;

public sealed class ReplannerTests
{
    private static readonly Dictionary<string, double> Unchanged = [];

    // VMLarge at 2.5 instead of 3: at 30 req/s one VMLarge (2.5) is cheaper than the three VMSmall (3) the build's place needs.
    private static PlacementInForce CheaperLarge() => Fixtures.InForce(json => json.Replace("\"cost\": 3,", "\"cost\": 2.5,", StringComparison.Ordinal));

    [Fact]
    public void Without_a_migration_penalty_the_cheapest_placement_wins_even_if_it_moves_everything()
    {
        var inForce = CheaperLarge();
        var plan = new Replanner(Fixtures.Options() with { MigrationPenalty = 0 }, NoAlternatives.Instance).Plan(inForce, 30, Unchanged, CancellationToken.None);
        Assert.Equal(DecisionKind.Replan, plan.Kind);
        Assert.Equal(2.5, plan.Chosen!.TotalCost.Value, 9);
        Assert.Equal(2, plan.Moved);
        Assert.Equal(30, plan.System.Lambda.Value);
    }

    [Fact]
    public void A_migration_penalty_keeps_the_components_in_place_and_scales_their_replicas_instead()
    {
        var inForce = CheaperLarge();
        // 0.2 × cost in force (2) × 2 moves = 0.8: VMLarge's 2.5 + 0.8 loses to VMSmall ×3's 3.
        var plan = new Replanner(Fixtures.Options() with { MigrationPenalty = 0.2 }, NoAlternatives.Instance).Plan(inForce, 30, Unchanged, CancellationToken.None);
        Assert.Equal(DecisionKind.Replan, plan.Kind);
        Assert.Equal(0, plan.Moved);
        Assert.Equal(3, plan.Chosen!.TotalCost.Value, 9);
        Assert.All(plan.Chosen.Decision!.Replicas, r => Assert.Equal([3], r));
        Assert.True(plan.Chosen.IsFeasible);
    }

    [Fact]
    public void A_demand_off_design_is_planned_with_the_measured_ratio_on_every_resource()
    {
        var inForce = Fixtures.InForce();
        var redesigned = Replanner.Redesign(inForce.System, 20, new Dictionary<string, double> { ["classify"] = 0.5 });
        var demands = redesigned.FindComponent("classify")!.Deployments[0].Partitions[0].Candidates
            .ToDictionary(c => c.Resource, c => ((AiSprint.Model.QueueingDemand)c.Performance!).Demand.Value);
        Assert.Equal(0.020, demands["VMSmall"], 12);
        Assert.Equal(0.010, demands["VMLarge"], 12);
        Assert.Equal(inForce.System.FindComponent("ingest"), redesigned.FindComponent("ingest"));
    }

    [Fact]
    public void When_nothing_is_feasible_the_best_feasible_degraded_alternative_is_chosen()
    {
        var inForce = Fixtures.InForce();
        var alternatives = new Alternatives(
            new AlternativeDeployment("half-model", Replanner.Redesign(inForce.System, 20, new Dictionary<string, double> { ["classify"] = 0.5, ["ingest"] = 0.5 }), new Dictionary<string, double> { ["accuracy"] = 0.9 }),
            new AlternativeDeployment("tenth-model", Replanner.Redesign(inForce.System, 20, new Dictionary<string, double> { ["classify"] = 0.1, ["ingest"] = 0.1 }), new Dictionary<string, double> { ["accuracy"] = 0.8 }),
            new AlternativeDeployment("unranked", Replanner.Redesign(inForce.System, 20, new Dictionary<string, double> { ["classify"] = 0.01, ["ingest"] = 0.01 }), new Dictionary<string, double>()));
        // 400 req/s: even four VMLarge saturate (U = 2.2); half the demands still do (1.1); a tenth does not.
        var plan = new Replanner(Fixtures.Options(), alternatives).Plan(inForce, 400, Unchanged, CancellationToken.None);
        Assert.Equal(DecisionKind.Fallback, plan.Kind);
        Assert.Equal("tenth-model", plan.Alternative);
        Assert.True(plan.Chosen!.IsFeasible);
        Assert.Equal(400, plan.System.Lambda.Value);
        Assert.Contains("after half-model (infeasible)", plan.Explanation);
    }

    [Fact]
    public void When_no_alternative_is_feasible_either_the_placement_stays_and_the_plan_says_why()
    {
        var inForce = Fixtures.InForce();
        var alternatives = new Alternatives(
            new AlternativeDeployment("half-model", Replanner.Redesign(inForce.System, 20, new Dictionary<string, double> { ["classify"] = 0.5, ["ingest"] = 0.5 }), new Dictionary<string, double> { ["accuracy"] = 0.9 }));
        var plan = new Replanner(Fixtures.Options(), alternatives).Plan(inForce, 400, Unchanged, CancellationToken.None);
        Assert.Equal(DecisionKind.Infeasible, plan.Kind);
        Assert.Null(plan.Chosen);
        Assert.Equal("no placement is feasible at 400 req/s, nor for any alternative (half-model); the placement in force stays", plan.Explanation);

        var none = new Replanner(Fixtures.Options(), NoAlternatives.Instance).Plan(inForce, 400, Unchanged, CancellationToken.None);
        Assert.Equal("no placement is feasible at 400 req/s and no alternative deployment is known; the placement in force stays", none.Explanation);
    }

    [Fact]
    public void Alternatives_are_ranked_by_the_quality_metric_then_by_name()
    {
        var system = Fixtures.InForce().System;
        AlternativeDeployment A(string name, double? accuracy) => new(name, system, accuracy is { } a ? new Dictionary<string, double> { ["accuracy"] = a } : []);
        var order = DegradedFallback.Order([A("c", null), A("b", 0.7), A("a", 0.7), A("d", 0.95)], "accuracy").Select(a => a.Name);
        Assert.Equal(["d", "a", "b", "c"], order);
    }

    private sealed class Alternatives(params AlternativeDeployment[] items) : IAlternativeDeploymentSource
    {
        public IReadOnlyList<AlternativeDeployment> Read() => items;
    }
}
