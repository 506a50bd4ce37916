using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Tests.Evaluation;

/// <summary>
/// Requests that stop at an early exit, as placement-model.md §1.3/§5 and aisprint-studio.md §2.7 say: partition h
/// receives λ_c·Π_{k&lt;h}(1 − e_k), the component time weights each later partition (and the transfer into it) by
/// that survival probability, and the exit does not lower the successor component's rate (an exited request still
/// goes on to the next component). Every expected figure below is worked out by hand.
/// </summary>
public class EarlyExitEvaluationTests
{
    // c1 is a three-partition early-exit network: exit after h1 with e = 0.4, after h2 with e = 0.5.
    // h1 on EN1 (demand 0.2 s); h2 (0.5 s) and h3 (0.4 s) on EN2, shared with c2 (0.1 s). λ = 1 req/s.
    private const string System = """
    {
      "Lambda": 1.0,
      "Time": 1,
      "DirectedAcyclicGraph": { "c1": { "next": ["c2"], "transition_probability": [1.0] } },
      "Components": {
        "c1": { "s1": {
          "h1": { "next": ["h2"], "early_exit_probability": 0.4, "data_size": [0.0] },
          "h2": { "next": ["h3"], "early_exit_probability": 0.5, "data_size": [0.0] },
          "h3": { "next": ["c2"], "early_exit_probability": 0.0, "data_size": [0.0] } } },
        "c2": { "s1": { "h1": { "next": [], "early_exit_probability": 0.0, "data_size": [] } } }
      },
      "EdgeResources": {
        "computationalLayer1": { "EN1": { "number": 1, "cost": 1.0, "memory": 4096, "n_cores": 1 } },
        "computationalLayer2": { "EN2": { "number": 1, "cost": 2.0, "memory": 4096, "n_cores": 1 } }
      },
      "CloudResources": {},
      "FaaSResources": {},
      "CompatibilityMatrix": {
        "c1": { "h1": [{ "resource": "EN1", "memory": 100 }], "h2": [{ "resource": "EN2", "memory": 100 }], "h3": [{ "resource": "EN2", "memory": 100 }] },
        "c2": { "h1": [{ "resource": "EN2", "memory": 100 }] }
      },
      "Performance": {
        "c1": { "h1": { "EN1": { "model": "QTedge", "demand": 0.2 } }, "h2": { "EN2": { "model": "QTedge", "demand": 0.5 } }, "h3": { "EN2": { "model": "QTedge", "demand": 0.4 } } },
        "c2": { "h1": { "EN2": { "model": "QTedge", "demand": 0.1 } } }
      },
      "LocalConstraints": { "c1": { "local_res_time": 100 } },
      "GlobalConstraints": { "p1": { "components": ["c1", "c2"], "global_res_time": 100 } },
      "NetworkTechnology": { "ND1": { "computationallayers": ["computationalLayer1", "computationalLayer2"], "AccessDelay": 0.01, "Bandwidth": 100 } }
    }
    """;

    private static (PlacementProblem Problem, PlacementEvaluation Evaluation) Evaluate()
    {
        var system = Space4AiSystemReader.Parse(System, "ee.json").GetValueOrThrow();
        var problem = PlacementProblemBuilder.Build(system.Value, system.Map, new RequestsPerSecond(1.0)).GetValueOrThrow();
        int R(string name) => problem.ResourceIndex(name);
        var decision = new PlacementDecision([0, 0], [[R("EN1"), R("EN2"), R("EN2")], [R("EN2")]], [[1, 1, 1], [1]]);
        return (problem, PlacementEvaluator.Evaluate(problem, decision));
    }

    [Fact]
    public void Later_partitions_receive_the_component_rate_thinned_by_every_earlier_exit()
    {
        var (problem, _) = Evaluate();
        var c1 = problem.Components[problem.ComponentIndex("c1")].Deployments[0].Partitions;

        Assert.Equal([1.0, 0.6, 0.3], c1.Select(p => Math.Round(p.ArrivalRate.Value, 12)));
        Assert.Equal([1.0, 0.6, 0.3], c1.Select(p => Math.Round(p.ReachProbability, 12)));
    }

    [Fact]
    public void Utilisation_counts_only_the_requests_that_reach_a_partition_and_the_successor_keeps_the_full_rate()
    {
        var (problem, evaluation) = Evaluate();

        // EN1: 0.2·1. EN2: 0.5·0.6 + 0.4·0.3 + 0.1·1 (c2 gets λ_c1·1 = 1: exits do not thin the next component).
        Assert.Equal(0.2, evaluation.Utilisation[problem.ResourceIndex("EN1")], 12);
        Assert.Equal(0.52, evaluation.Utilisation[problem.ResourceIndex("EN2")], 12);
    }

    [Fact]
    public void The_component_time_weights_each_later_partition_and_its_transfer_by_the_share_of_requests_that_reach_it()
    {
        var (problem, evaluation) = Evaluate();

        var r1 = 0.2 / (1 - 0.2);
        var r2 = 0.5 / (1 - 0.52);
        var r3 = 0.4 / (1 - 0.52);
        // h1 → h2 crosses EN1 → EN2 (access delay 0.01 s, no data); h2 → h3 stays on EN2, so no delay.
        var expected = r1 + 0.6 * (r2 + 0.01) + 0.3 * (r3 + 0);
        Assert.Equal(expected, evaluation.ComponentTimes[problem.ComponentIndex("c1")].Value, 12);
        Assert.Equal([r1, r2, r3], evaluation.PartitionTimes[problem.ComponentIndex("c1")].Select(t => Math.Round(t.Value, 12)), new ToleranceComparer());
    }

    [Fact]
    public void A_path_through_an_early_exit_component_is_the_sum_of_component_times_with_the_unweighted_transfer_between_them()
    {
        var (problem, evaluation) = Evaluate();

        var c1 = evaluation.ComponentTimes[problem.ComponentIndex("c1")].Value;
        var c2 = 0.1 / (1 - 0.52);
        Assert.Equal(c2, evaluation.ComponentTimes[problem.ComponentIndex("c2")].Value, 12);
        // c1's last partition and c2 share EN2: Δ = 0 (placement-model.md §5.2, the reference form).
        Assert.Equal(c1 + c2, evaluation.PathTimes[0].Value, 12);
        Assert.True(evaluation.IsFeasible);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
