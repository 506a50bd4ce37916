using AiSprint.Model;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;
using AiSprint.Placement.Alternatives;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Tests.Alternatives;

/// <summary>The fixture's README says why each deployment is (in)feasible and what it costs.</summary>
public class DeploymentSelectorTests
{
    private static readonly SearchOptions Options = new() { RandomGreedyIterations = 300, LocalSearchIterations = 50, Seed = 7 };

    internal static IReadOnlyList<DeploymentCandidate> Candidates()
    {
        var loaded = AiSprintApplicationLoader.Load(Fixtures.Alternatives);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var demands = DemandTableCsv.Load(Path.Combine(Fixtures.Alternatives, "demands.csv")).Value!;
        var options = new AiSprintConversionOptions
        {
            Lambda = new RequestsPerSecond(1),
            Demands = demands,
            LocalConstraints = new[]
            {
                new LocalConstraint("blurry-faces-onnx", new Seconds(0.2)),
                new LocalConstraint("mask-detector-onnx", new Seconds(0.5)),
            }.ToValueList(),
        };
        var bag = new DiagnosticBag();
        var deployments = DeploymentsPerformanceMatch.ForApplication(loaded.Value!, bag);
        Assert.Empty(bag.Items);
        return deployments.Select(d =>
        {
            var converted = AiSprintConverter.ToSystemDescription(loaded.Value!, options, d);
            Assert.True(converted.Succeeded, string.Join("\n", converted.Diagnostics));
            return new DeploymentCandidate(d, converted.Value!.Value, converted.Value.Map);
        }).ToList();
    }

    private static DeploymentChoice Choose(DeploymentObjective objective, double? threshold = 0.8) =>
        DeploymentSelector.Choose(Candidates(), ApplicationMetric.AverageF1, threshold, objective, new RequestsPerSecond(1), Options);

    [Fact]
    public void The_highest_metric_rule_keeps_the_original_on_the_dear_fast_VM()
    {
        var choice = Choose(DeploymentObjective.HighestMetric);
        Assert.Equal("original_deployment", choice.Chosen!.Deployment.Name);
        // blurry-faces-onnx on VM1 (0.5) and the large classifier on VM3 (3.6): VM2 is too slow for its 500 ms.
        Assert.Equal(4.1, choice.Chosen.Cost!.Value, 9);
    }

    [Fact]
    public void The_cheapest_above_threshold_rule_takes_the_small_classifier()
    {
        var choice = Choose(DeploymentObjective.CheapestAboveThreshold);
        Assert.Equal("alternative_deployment1", choice.Chosen!.Deployment.Name);
        Assert.True(choice.Chosen.Cost < choice.Outcomes[0].Cost);
    }

    [Fact]
    public void Without_any_deployment_at_the_threshold_nothing_is_chosen()
    {
        var choice = Choose(DeploymentObjective.CheapestAboveThreshold, threshold: 0.95);
        Assert.Null(choice.Chosen);
        Assert.All(choice.Outcomes, o => Assert.False(o.Eligible));
    }

    [Fact]
    public void Infeasible_deployments_name_the_constraint_that_binds()
    {
        var choice = Choose(DeploymentObjective.HighestMetric);
        var infeasible = choice.Outcomes.Where(o => !o.Feasible).ToList();
        Assert.Equal(["alternative_deployment2", "alternative_deployment3"], infeasible.Select(o => o.Deployment.Name));
        Assert.All(infeasible, o => Assert.StartsWith("component blurry-faces-int8 cannot meet its threshold of 0.2 s", o.Infeasibility));
        Assert.All(infeasible, o => Assert.Null(o.MaxLambda));
    }

    [Fact]
    public void The_Pareto_front_holds_the_feasible_deployments_no_other_beats_on_both_axes()
    {
        var choice = Choose(DeploymentObjective.HighestMetric);
        Assert.Equal(["original_deployment", "alternative_deployment1"], choice.ParetoFront.Select(o => o.Deployment.Name));
    }

    [Fact]
    public void Each_feasible_deployment_gets_the_largest_Lambda_its_placement_sustains()
    {
        var candidates = Candidates();
        var choice = DeploymentSelector.Choose(candidates, ApplicationMetric.AverageF1, 0.8, DeploymentObjective.HighestMetric, new RequestsPerSecond(1), Options);
        foreach (var outcome in choice.Outcomes.Where(o => o.Feasible))
        {
            Assert.True(outcome.MaxLambdaIsBound);
            var max = outcome.MaxLambda!.Value.Value;
            Assert.True(max >= 1, $"{outcome.Deployment.Name}: {max}");
            var candidate = candidates.Single(c => c.Deployment.Name == outcome.Deployment.Name);
            // Just below the bound the same placement holds; 1 % above it, it does not.
            bool Holds(double rate) => Placement.Evaluation.PlacementEvaluator.Evaluate(
                Problem.PlacementProblemBuilder.Build(candidate.System, candidate.Map, new RequestsPerSecond(rate)).Value!, outcome.Best!.Decision!).IsFeasible;
            Assert.True(Holds(max * 0.999));
            Assert.False(Holds(max * 1.01));
        }
    }

    [Fact]
    public void The_report_and_chart_are_identical_for_a_seed_and_show_the_choice_and_the_front()
    {
        var first = Choose(DeploymentObjective.HighestMetric);
        var second = Choose(DeploymentObjective.HighestMetric);
        var report = DeploymentChoiceReport.Format(first);
        Assert.Equal(report, DeploymentChoiceReport.Format(second));
        Assert.Contains("* original_deployment", report);
        Assert.Contains("Chosen: original_deployment (blurry-faces-onnx, mask-detector-onnx), average_f1 0.9, cost 4.1", report);
        Assert.Contains("Pareto front (metric against minimum cost):", report);
        Assert.Contains("alternative_deployment2: component blurry-faces-int8 cannot meet", report);
        var svg = ParetoChart.RenderSvg(first, "mask detection");
        var xml = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", xml.Root!.Name.LocalName);
        Assert.Contains("alternative_deployment1", svg);
        Assert.Equal(svg, ParetoChart.RenderSvg(second, "mask detection"));
    }
}
