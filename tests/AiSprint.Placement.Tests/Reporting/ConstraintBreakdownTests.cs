using AiSprint.Model;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;
using AiSprint.Placement.Tests.Search;

namespace AiSprint.Placement.Tests.Reporting;

public class ConstraintBreakdownTests
{
    /// <summary>The wind farm with a local constraint on every component and one path over the chain, placed.</summary>
    private static PlacementEvaluation WindFarm()
    {
        var system = TrustedExecutionPlacementTests.SampleWithDemands();
        system = system with
        {
            LocalConstraints = system.Components.Select(c => new LocalConstraint(c.Name, new Seconds(30))).ToValueList(),
            GlobalConstraints = ValueList.Of(new GlobalConstraint("inspection", ValueList.Of("capture", "blade-detector", "defect-segmenter", "defect-classifier", "report"), new Seconds(60))),
        };
        var problem = PlacementProblemBuilder.Build(system, new AiSprint.Model.Formats.SourceMap("sample"), null).GetValueOrThrow();
        var result = PlacementSearch.Run(problem, new SearchOptions { Method = SearchMethod.LocalSearch, RandomGreedyIterations = 2000, LocalSearchIterations = 200 });
        Assert.True(result.Found);
        return result.Best!;
    }

    [Fact]
    public void Every_constraint_is_listed_components_in_DAG_order_then_paths_with_parts_that_add_up_to_its_time()
    {
        var evaluation = WindFarm();
        var constraints = ConstraintBreakdown.Of(evaluation);

        Assert.Equal(["capture", "blade-detector", "defect-segmenter", "defect-classifier", "report", "inspection"], constraints.Select(c => c.Name));
        Assert.Equal([false, false, false, false, false, true], constraints.Select(c => c.IsGlobal));
        foreach (var c in constraints)
        {
            Assert.Equal(c.Total, c.Compute + c.Queueing + c.ColdStart + c.Network, 9);
            Assert.True(c.Compute > 0 && c.Queueing >= 0 && c.ColdStart >= 0 && c.Network >= 0, c.ToString());
            Assert.Equal(c.Threshold - c.Total, c.Slack, 12);
        }
        var problem = evaluation.Problem;
        var path = constraints[^1];
        Assert.Equal(evaluation.PathTimes[0].Value, path.Total, 12);
        Assert.Equal(60, path.Threshold);
        // The path's compute and queueing are its components'; its network adds the transfers between them.
        Assert.Equal(constraints.Take(5).Sum(c => c.Compute), path.Compute, 9);
        Assert.True(path.Network >= constraints.Take(5).Sum(c => c.Network));
        for (var c = 0; c < problem.Components.Count; c++)
        {
            Assert.Equal(evaluation.ComponentTimes[c].Value, constraints.Single(x => x.Name == problem.Components[c].Name).Total, 12);
        }
    }

    [Fact]
    public void A_component_on_FaaS_shows_its_cold_starts_and_one_on_a_node_its_queueing()
    {
        var evaluation = WindFarm();
        var problem = evaluation.Problem;
        var constraints = ConstraintBreakdown.Of(evaluation);
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var onFaas = evaluation.Decision!.Resources[c].All(r => problem.Resources[r].IsFaas);
            var breakdown = constraints.Single(x => x.Name == problem.Components[c].Name);
            if (onFaas) Assert.Equal(0, breakdown.Queueing);
            else Assert.Equal(0, breakdown.ColdStart);
        }
        Assert.Contains(constraints, c => c.ColdStart > 0);
        Assert.Contains(constraints, c => c.Queueing > 0);
    }

    [Fact]
    public void The_resource_costs_add_up_to_the_total_cost()
    {
        var evaluation = WindFarm();
        var costs = ResourceCosts.Of(evaluation);
        Assert.NotEmpty(costs);
        Assert.Equal(evaluation.TotalCost.Value, costs.Sum(c => c.Cost), 9);
        Assert.All(costs, c => Assert.Equal(c.Kind == "FaaS", c.Replicas is null));
    }
}
