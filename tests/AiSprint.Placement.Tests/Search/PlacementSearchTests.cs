using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Tests.Search;

public class PlacementSearchTests
{
    private static PlacementProblem Load(string instance, double lambda = 1.8)
    {
        var system = Space4AiSystemReader.Load(SharedData.PathOf("space4ai", "instances", instance, "system_description.json")).GetValueOrThrow();
        return PlacementProblemBuilder.Build(system.Value, system.Map, new RequestsPerSecond(lambda)).GetValueOrThrow();
    }

    [Theory]
    [InlineData("Light/5-components/Ins1")]
    [InlineData("Strict/7-components/Ins2")]
    [InlineData("Light/15-components/Ins2")]
    public void The_search_returns_a_feasible_placement_no_dearer_than_the_recorded_best(string instance)
    {
        var problem = Load(instance);
        var result = PlacementSearch.Run(problem, new SearchOptions { Seed = 7, RandomGreedyIterations = 2000, LocalSearchIterations = 300 });
        Assert.True(result.Found);
        // The returned evaluation is the evaluator's own verdict on the decision.
        var again = PlacementEvaluator.Evaluate(problem, result.Best!.Decision!);
        Assert.True(again.IsFeasible);
        Assert.Equal(again.TotalCost, result.Best.TotalCost);
        var recorded = RecordedCost(instance);
        Assert.True(result.Best.TotalCost.Value <= recorded + 1e-9, $"found {result.Best.TotalCost}, recorded best {recorded}");
    }

    [Fact]
    public void Results_are_identical_whatever_the_thread_count()
    {
        var problem = Load("Light/10-components/Ins2");
        var options = new SearchOptions { Seed = 3, RandomGreedyIterations = 1500, LocalSearchIterations = 200 };
        var one = PlacementSearch.Run(problem, options with { Threads = 1 });
        var two = PlacementSearch.Run(problem, options with { Threads = 2 });
        var four = PlacementSearch.Run(problem, options with { Threads = 4 });
        Assert.Equal(one.Best!.TotalCost, two.Best!.TotalCost);
        Assert.Equal(one.Best.TotalCost, four.Best!.TotalCost);
        Assert.True(EliteSet.SameDecision(one.Best.Decision!, two.Best.Decision!));
        Assert.True(EliteSet.SameDecision(one.Best.Decision!, four.Best.Decision!));
    }

    [Fact]
    public void Different_seeds_explore_differently_but_each_is_reproducible()
    {
        var problem = Load("Strict/15-components/Ins1");
        var options = new SearchOptions { Method = SearchMethod.RandomGreedy, RandomGreedyIterations = 300 };
        var a = PlacementSearch.Run(problem, options with { Seed = 1 });
        var b = PlacementSearch.Run(problem, options with { Seed = 1 });
        Assert.Equal(a.Best!.TotalCost, b.Best!.TotalCost);
        Assert.Equal(300, a.Statistics.RandomGreedyIterations);
    }

    [Fact]
    public void The_lower_bound_never_exceeds_the_cost_of_a_feasible_placement()
    {
        foreach (var file in SharedData.Files("space4ai", "best_sol_1.8.json"))
        {
            var instance = Path.GetRelativePath(SharedData.PathOf("space4ai", "instances"), Path.GetDirectoryName(file)!);
            var problem = Load(instance);
            var solution = Space4AiSolutionReader.Load(file).GetValueOrThrow();
            var decision = SolutionMapping.ToDecision(problem, solution.Value, solution.Map).GetValueOrThrow();
            var workspace = new EvaluationWorkspace(problem);
            var bound = PlacementEvaluator.CostLowerBound(problem, decision, workspace);
            var cost = PlacementEvaluator.CostIfFeasible(problem, decision, workspace);
            Assert.True(bound <= cost + 1e-9, $"{instance}: bound {bound} > cost {cost}");
        }
    }

    [Fact]
    public void An_instance_whose_thresholds_nothing_can_meet_yields_no_placement()
    {
        var problem = Load("Light/5-components/Ins1", lambda: 1000);
        var result = PlacementSearch.Run(problem, new SearchOptions { RandomGreedyIterations = 500 });
        Assert.False(result.Found);
        Assert.Null(result.Best);
    }

    private static double RecordedCost(string instance) =>
        Space4AiSolutionReader.Load(SharedData.PathOf("space4ai", "instances", instance, "best_sol_1.8.json")).GetValueOrThrow().Value.TotalCost!.Value.Value;
}

public class TabuSearchTests
{
    [Fact]
    public void Tabu_search_never_returns_worse_than_its_start_and_stays_feasible()
    {
        var system = Space4AiSystemReader.Load(SharedData.PathOf("space4ai", "instances", "Light", "10-components", "Ins5", "system_description.json")).GetValueOrThrow();
        var problem = PlacementProblemBuilder.Build(system.Value, system.Map, new RequestsPerSecond(1.8)).GetValueOrThrow();
        var rg = PlacementSearch.Run(problem, new SearchOptions { Method = SearchMethod.RandomGreedy, RandomGreedyIterations = 500, Seed = 2 });
        var start = new ScoredDecision(rg.Best!.Decision!, rg.Best.TotalCost.Value, EliteSet.KeyOf(rg.Best.Decision!));
        var result = TabuSearch.Run(problem, start, 20, CancellationToken.None, () => false);
        Assert.True(result.Cost <= start.Cost);
        var evaluation = PlacementEvaluator.Evaluate(problem, result.Decision);
        Assert.True(evaluation.IsFeasible);
        Assert.Equal(result.Cost, evaluation.TotalCost.Value, 9);
    }
}

public class SearchBudgetTests
{
    private static PlacementProblem Load(string instance)
    {
        var system = Space4AiSystemReader.Load(SharedData.PathOf("space4ai", "instances", instance, "system_description.json")).GetValueOrThrow();
        return PlacementProblemBuilder.Build(system.Value, system.Map, new RequestsPerSecond(1.8)).GetValueOrThrow();
    }

    [Fact]
    public void Cancelling_returns_the_best_placement_found_so_far()
    {
        var problem = Load("Light/15-components/Ins2");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = PlacementSearch.Run(problem, new SearchOptions { RandomGreedyIterations = 50_000_000, Cancellation = cancel.Token });
        Assert.True(result.Cancelled);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.True(result.Found);
        Assert.True(PlacementEvaluator.Evaluate(problem, result.Best!.Decision!).IsFeasible);
    }

    [Fact]
    public void A_time_limit_stops_the_search_with_its_best_placement()
    {
        var problem = Load("Strict/15-components/Ins3");
        var result = PlacementSearch.Run(problem, new SearchOptions { RandomGreedyIterations = 50_000_000, TimeLimit = TimeSpan.FromMilliseconds(400) });
        Assert.False(result.Cancelled);
        Assert.True(result.Found);
        Assert.True(result.Statistics.RandomGreedyIterations < 50_000_000);
    }

    [Fact]
    public void The_exact_method_proves_a_small_instance_optimal_through_the_search_entry_point()
    {
        var problem = Load("Strict/7-components/Ins2");
        var result = PlacementSearch.Run(problem, new SearchOptions { Method = SearchMethod.Exact, TimeLimit = TimeSpan.FromSeconds(30) });
        Assert.True(result.Exact!.ProvedOptimal);
        Assert.Equal(18.743055, result.Best!.TotalCost.Value, 6);
    }
}
