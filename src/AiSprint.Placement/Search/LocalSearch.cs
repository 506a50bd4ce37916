using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search;

/// <summary>
/// The C++ tool's Local Search (placement-model.md §8.2): from each elite Random Greedy solution,
/// iterations that try six randomised moves in a fixed sequence — FaaS → VM, first cloud
/// partition → edge, FaaS → cheaper FaaS, change deployment, drop a resource, change a resource.
/// A move is kept only if the result is feasible and strictly cheaper (after shrinking the
/// clusters it touched), so the result is never worse than its start. Each start has its own random
/// stream; starts run in parallel; the cheapest result wins, ties to the earlier start.
/// </summary>
public static class LocalSearch
{
    private const double Improvement = 1e-12;

    public static EliteSet Run(PlacementProblem problem, IReadOnlyList<ScoredDecision> starts, SearchOptions options, SearchStatistics statistics, Func<bool> outOfTime)
    {
        var results = new ScoredDecision?[starts.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount, CancellationToken = options.Cancellation };
        try
        {
            Parallel.For(0, starts.Count, parallel, () => new DecisionScratch(problem), (i, _, scratch) =>
            {
                results[i] = Improve(scratch, starts[i], RandomStreams.For(options.Seed, 1_000_000 + i), options, statistics, outOfTime);
                return scratch;
            }, _ => { });
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: the starts that finished, and the unimproved others, stay candidates.
        }
        var elite = new EliteSet(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var result = results[i] ?? starts[i];
            elite.Offer(result.Decision, result.Cost);
        }
        return elite;
    }

    private static ScoredDecision Improve(DecisionScratch scratch, ScoredDecision start, SearchRandom random, SearchOptions options, SearchStatistics statistics, Func<bool> outOfTime)
    {
        var current = start.Decision.Clone();
        var cost = start.Cost;
        var improvements = 0;
        var iteration = 0;
        var lastImprovement = 0;
        for (; iteration < options.LocalSearchIterations; iteration++)
        {
            if (options.Cancellation.IsCancellationRequested || (iteration % 64 == 0 && outOfTime())) break;
            if (iteration - lastImprovement >= options.LocalSearchStallLimit) break;
            foreach (var move in Moves)
            {
                scratch.Load(current);
                var touched = move(scratch, random);
                if (touched is null) continue;
                foreach (var r in touched) scratch.SetReplicas(r, scratch.Problem.Resources[r].MaxNodes);
                if (scratch.CostLowerBound() >= cost - Improvement) continue;
                if (double.IsPositiveInfinity(scratch.Cost())) continue;
                var trial = ClusterShrinker.Shrink(scratch);
                if (trial < cost - Improvement)
                {
                    current = scratch.Decision.Clone();
                    cost = trial;
                    improvements++;
                    lastImprovement = iteration;
                }
            }
        }
        statistics.AddLocalSearch(iteration, improvements);
        return new ScoredDecision(current, cost, EliteSet.KeyOf(current));
    }

    /// <summary>A move edits the scratch decision and returns the edge/VM resources whose clusters it changed, or null when it does not apply.</summary>
    private delegate IReadOnlyList<int>? Move(DecisionScratch scratch, SearchRandom random);

    private static readonly Move[] Moves = [FaasToVm, FirstCloudToEdge, FaasToCheaperFaas, ChangeDeployment, DropResource, ChangeResource];

    /// <summary>Every FaaS partition of a random component to a VM type already in use.</summary>
    private static IReadOnlyList<int>? FaasToVm(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var c = random.Next(problem.Components.Count);
        var placed = scratch.Decision.Resources[c];
        var partitions = Partitions(scratch, c);
        var vms = scratch.UsedNodeResources().Where(r => problem.Resources[r].Kind == AiSprint.Model.ResourceKind.VirtualMachine).ToList();
        var touched = new List<int>();
        for (var k = 0; k < placed.Length; k++)
        {
            if (!problem.Resources[placed[k]].IsFaas) continue;
            var options = vms.Where(r => partitions[k].CandidateOn(r) is not null).ToList();
            if (options.Count == 0) return null;
            placed[k] = options[random.Next(options.Count)];
            touched.Add(placed[k]);
        }
        return touched.Count == 0 ? null : touched;
    }

    /// <summary>The first partition (in topological order) placed in the cloud, to an edge device in use.</summary>
    private static IReadOnlyList<int>? FirstCloudToEdge(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var edges = scratch.UsedNodeResources().Where(r => problem.Resources[r].IsEdge).ToList();
        if (edges.Count == 0) return null;
        foreach (var c in problem.TopologicalOrder)
        {
            var placed = scratch.Decision.Resources[c];
            for (var k = 0; k < placed.Length; k++)
            {
                if (problem.Resources[placed[k]].IsEdge) continue;
                var partition = Partitions(scratch, c)[k];
                var options = edges.Where(r => partition.CandidateOn(r) is not null).ToList();
                if (options.Count == 0) return null;
                placed[k] = options[random.Next(options.Count)];
                return [placed[k]];
            }
        }
        return null;
    }

    /// <summary>The first FaaS partition of a random component that has a cheaper compatible FaaS configuration, to the cheapest such.</summary>
    private static IReadOnlyList<int>? FaasToCheaperFaas(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var c = random.Next(problem.Components.Count);
        var placed = scratch.Decision.Resources[c];
        var partitions = Partitions(scratch, c);
        for (var k = 0; k < placed.Length; k++)
        {
            if (!problem.Resources[placed[k]].IsFaas) continue;
            var best = placed[k];
            var bestCost = partitions[k].CandidateOn(placed[k])!.Value.FaasCost;
            foreach (var candidate in partitions[k].Candidates)
            {
                if (problem.Resources[candidate.Resource].IsFaas && candidate.FaasCost < bestCost)
                {
                    best = candidate.Resource;
                    bestCost = candidate.FaasCost;
                }
            }
            if (best == placed[k]) continue;
            placed[k] = best;
            return [];
        }
        return null;
    }

    /// <summary>A random component to another deployment, its partitions on resources in use or FaaS.</summary>
    private static IReadOnlyList<int>? ChangeDeployment(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var c = random.Next(problem.Components.Count);
        var deployments = problem.Components[c].Deployments.Count;
        if (deployments < 2) return null;
        var s = random.Next(deployments);
        if (s == scratch.Decision.Deployments[c]) s = (s + 1) % deployments;
        var inUse = scratch.UsedNodeResources();
        scratch.ChooseDeployment(c, s);
        var partitions = problem.Components[c].Deployments[s].Partitions;
        var touched = new List<int>();
        for (var k = 0; k < partitions.Count; k++)
        {
            var options = partitions[k].Candidates.Select(x => x.Resource).Where(r => problem.Resources[r].IsFaas || inUse.Contains(r)).ToList();
            if (options.Count == 0) return null;
            var pick = options[random.Next(options.Count)];
            scratch.Decision.Resources[c][k] = pick;
            scratch.Decision.Replicas[c][k] = 1;
            if (!problem.Resources[pick].IsFaas) touched.Add(pick);
        }
        return touched;
    }

    /// <summary>Every partition of a random edge/VM resource in use to another resource in use or to FaaS.</summary>
    private static IReadOnlyList<int>? DropResource(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var inUse = scratch.UsedNodeResources();
        if (inUse.Count == 0) return null;
        var dropped = inUse[random.Next(inUse.Count)];
        var touched = new List<int>();
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var placed = scratch.Decision.Resources[c];
            var partitions = Partitions(scratch, c);
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] != dropped) continue;
                var options = partitions[k].Candidates.Select(x => x.Resource).Where(r => r != dropped && (problem.Resources[r].IsFaas || inUse.Contains(r))).ToList();
                if (options.Count == 0) return null;
                placed[k] = options[random.Next(options.Count)];
                if (!problem.Resources[placed[k]].IsFaas) touched.Add(placed[k]);
            }
        }
        return touched;
    }

    /// <summary>
    /// Every partition of a random edge/VM resource in use to another resource of the same kind:
    /// one in use, or one of a layer not in use (the layer rule allows one resource per layer).
    /// </summary>
    private static IReadOnlyList<int>? ChangeResource(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var inUse = scratch.UsedNodeResources();
        if (inUse.Count == 0) return null;
        var from = inUse[random.Next(inUse.Count)];
        var kind = problem.Resources[from].Kind;
        var usedLayers = inUse.Select(r => problem.Resources[r].Layer).ToHashSet();
        var alternatives = Enumerable.Range(0, problem.Resources.Count)
            .Where(r => r != from && problem.Resources[r].Kind == kind &&
                        (inUse.Contains(r) || !usedLayers.Contains(problem.Resources[r].Layer) || problem.Resources[r].Layer == problem.Resources[from].Layer))
            .ToList();
        if (alternatives.Count == 0) return null;
        var to = alternatives[random.Next(alternatives.Count)];
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var placed = scratch.Decision.Resources[c];
            var partitions = Partitions(scratch, c);
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] != from) continue;
                if (partitions[k].CandidateOn(to) is null) return null;
                placed[k] = to;
            }
        }
        return [to];
    }

    private static IReadOnlyList<PartitionSlot> Partitions(DecisionScratch scratch, int component) =>
        scratch.Problem.Components[component].Deployments[scratch.Decision.Deployments[component]].Partitions;
}
