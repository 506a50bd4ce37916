using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Tests.Evaluation;

public class IncrementalEvaluatorTests
{
    public static TheoryData<string> Instances() => RecordedSolutionFidelityTests.Instances();

    /// <summary>
    /// From each recorded solution, 400 random moves (a partition to another candidate, a component
    /// to another deployment, a replica change): the incremental answer equals the full evaluation.
    /// </summary>
    [Theory]
    [MemberData(nameof(Instances))]
    public void Incremental_evaluation_of_random_moves_equals_full_evaluation(string instance)
    {
        var system = Space4AiSystemReader.Load(Path.Combine(SharedData.Root, instance, "system_description.json")).GetValueOrThrow();
        var problem = PlacementProblemBuilder.Build(system.Value, system.Map, new RequestsPerSecond(1.8)).GetValueOrThrow();
        var solution = Space4AiSolutionReader.Load(Path.Combine(SharedData.Root, instance, "best_sol_1.8.json")).GetValueOrThrow();
        var start = SolutionMapping.ToDecision(problem, solution.Value, solution.Map).GetValueOrThrow();
        var incremental = new IncrementalEvaluator(problem);
        var workspace = new EvaluationWorkspace(problem);
        var random = new Random(instance.Length);
        var current = start.Clone();
        Assert.Equal(PlacementEvaluator.CostIfFeasible(problem, current, workspace), incremental.SetBase(current));
        var feasibleMoves = 0;
        for (var move = 0; move < 400; move++)
        {
            var trial = current.Clone();
            var c = random.Next(problem.Components.Count);
            var changedResources = new List<int>();
            switch (random.Next(3))
            {
                case 0:
                {
                    var k = random.Next(trial.Resources[c].Length);
                    var candidates = problem.Components[c].Deployments[trial.Deployments[c]].Partitions[k].Candidates;
                    trial.Resources[c][k] = candidates[random.Next(candidates.Count)].Resource;
                    trial.Replicas[c][k] = 1 + random.Next(3);
                    break;
                }
                case 1:
                {
                    var s = random.Next(problem.Components[c].Deployments.Count);
                    var partitions = problem.Components[c].Deployments[s].Partitions;
                    trial.Deployments[c] = s;
                    trial.Resources[c] = partitions.Select(p => p.Candidates[random.Next(p.Candidates.Count)].Resource).ToArray();
                    trial.Replicas[c] = partitions.Select(_ => 1 + random.Next(2)).ToArray();
                    break;
                }
                default:
                {
                    var r = trial.Resources[c][random.Next(trial.Resources[c].Length)];
                    var count = 1 + random.Next(4);
                    for (var x = 0; x < trial.Resources.Length; x++)
                    {
                        for (var k = 0; k < trial.Resources[x].Length; k++)
                        {
                            if (trial.Resources[x][k] == r) trial.Replicas[x][k] = count;
                        }
                    }
                    changedResources.Add(r);
                    break;
                }
            }
            var full = PlacementEvaluator.CostIfFeasible(problem, trial, workspace);
            var fast = incremental.Evaluate(trial, [c], changedResources);
            if (double.IsPositiveInfinity(full)) Assert.True(double.IsPositiveInfinity(fast), $"move {move}: full says infeasible, incremental {fast}");
            else Assert.Equal(full, fast, 9);
            // Walk on from feasible moves, so later moves start from varied bases.
            if (!double.IsPositiveInfinity(full) && random.Next(2) == 0)
            {
                feasibleMoves++;
                current = trial;
                incremental.SetBase(current);
            }
        }
        Assert.True(feasibleMoves > 0 || problem.Components.Count > 0);
    }
}
