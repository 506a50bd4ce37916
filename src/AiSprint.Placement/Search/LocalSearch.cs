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
internal static class LocalSearch
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
        var incremental = new IncrementalEvaluator(scratch.Problem);
        incremental.SetBase(current);
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
                scratch.Touched.Clear();
                if (!move(scratch, random)) continue;
                foreach (var r in scratch.Touched) scratch.SetReplicas(r, scratch.Problem.ResourceArray[r].MaxNodes);
                if (scratch.CostLowerBound() >= cost - Improvement) continue;
                // Only the resources, components and paths the move touched are re-evaluated.
                scratch.CollectChanges(current);
                if (double.IsPositiveInfinity(incremental.Evaluate(scratch.Decision, scratch.Changed, scratch.Touched))) continue;
                var trial = ClusterShrinker.Shrink(scratch);
                if (trial < cost - Improvement)
                {
                    current = scratch.Decision.Clone();
                    incremental.SetBase(current);
                    cost = trial;
                    improvements++;
                    lastImprovement = iteration;
                }
            }
        }
        statistics.AddLocalSearch(iteration, improvements);
        return new ScoredDecision(current, cost, EliteSet.KeyOf(current));
    }

    /// <summary>
    /// A move edits the scratch decision and lists in <see cref="DecisionScratch.Touched"/> the
    /// edge/VM resources whose clusters it changed; false when it does not apply. Moves reuse the
    /// scratch's buffers: they run some hundred thousand times per search.
    /// </summary>
    private delegate bool Move(DecisionScratch scratch, SearchRandom random);

    private static readonly Move[] Moves = [FaasToVm, FirstCloudToEdge, FaasToCheaperFaas, ChangeDeployment, DropResource, ChangeResource];

    /// <summary>Every FaaS partition of a random component to a VM type already in use.</summary>
    private static bool FaasToVm(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var c = random.Next(problem.ComponentArray.Length);
        var placed = scratch.Decision.Resources[c];
        var partitions = Partitions(scratch, c);
        scratch.UsedNodeResources();
        var moved = false;
        for (var k = 0; k < placed.Length; k++)
        {
            if (!problem.ResourceArray[placed[k]].IsFaas) continue;
            var options = scratch.Options;
            options.Clear();
            foreach (var candidate in partitions[k].CandidateArray)
            {
                var resource = problem.ResourceArray[candidate.Resource];
                if (resource.Kind == AiSprint.Model.ResourceKind.VirtualMachine && scratch.InUse(candidate.Resource)) options.Add(candidate.Resource);
            }
            if (options.Count == 0) return false;
            placed[k] = options[random.Next(options.Count)];
            scratch.Touched.Add(placed[k]);
            moved = true;
        }
        return moved;
    }

    /// <summary>The first partition (in topological order) placed in the cloud, to an edge device in use.</summary>
    private static bool FirstCloudToEdge(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        scratch.UsedNodeResources();
        foreach (var c in problem.TopologicalArray)
        {
            var placed = scratch.Decision.Resources[c];
            for (var k = 0; k < placed.Length; k++)
            {
                if (problem.ResourceArray[placed[k]].IsEdge) continue;
                var options = scratch.Options;
                options.Clear();
                foreach (var candidate in Partitions(scratch, c)[k].CandidateArray)
                {
                    if (problem.ResourceArray[candidate.Resource].IsEdge && scratch.InUse(candidate.Resource)) options.Add(candidate.Resource);
                }
                if (options.Count == 0) return false;
                placed[k] = options[random.Next(options.Count)];
                scratch.Touched.Add(placed[k]);
                return true;
            }
        }
        return false;
    }

    /// <summary>The first FaaS partition of a random component that has a cheaper compatible FaaS configuration, to the cheapest such.</summary>
    private static bool FaasToCheaperFaas(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var c = random.Next(problem.ComponentArray.Length);
        var placed = scratch.Decision.Resources[c];
        var partitions = Partitions(scratch, c);
        for (var k = 0; k < placed.Length; k++)
        {
            if (!problem.ResourceArray[placed[k]].IsFaas) continue;
            var best = placed[k];
            var bestCost = partitions[k].CandidateOn(placed[k])!.Value.FaasCost;
            foreach (var candidate in partitions[k].CandidateArray)
            {
                if (problem.ResourceArray[candidate.Resource].IsFaas && candidate.FaasCost < bestCost)
                {
                    best = candidate.Resource;
                    bestCost = candidate.FaasCost;
                }
            }
            if (best == placed[k]) continue;
            placed[k] = best;
            return true;
        }
        return false;
    }

    /// <summary>A random component to another deployment, its partitions on resources in use or FaaS.</summary>
    private static bool ChangeDeployment(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var c = random.Next(problem.ComponentArray.Length);
        var deployments = problem.ComponentArray[c].DeploymentArray.Length;
        if (deployments < 2) return false;
        var s = random.Next(deployments);
        if (s == scratch.Decision.Deployments[c]) s = (s + 1) % deployments;
        scratch.UsedNodeResources();
        scratch.ChooseDeployment(c, s);
        var partitions = problem.ComponentArray[c].DeploymentArray[s].PartitionArray;
        for (var k = 0; k < partitions.Length; k++)
        {
            var pick = PickInUseOrFaas(scratch, partitions[k], -1, random);
            if (pick < 0) return false;
            scratch.Decision.Resources[c][k] = pick;
            scratch.Decision.Replicas[c][k] = 1;
            if (!problem.ResourceArray[pick].IsFaas) scratch.Touched.Add(pick);
        }
        return true;
    }

    /// <summary>Every partition of a random edge/VM resource in use to another resource in use or to FaaS.</summary>
    private static bool DropResource(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var inUse = scratch.UsedNodeResources();
        if (inUse.Count == 0) return false;
        var dropped = inUse[random.Next(inUse.Count)];
        for (var c = 0; c < problem.ComponentArray.Length; c++)
        {
            var placed = scratch.Decision.Resources[c];
            var partitions = Partitions(scratch, c);
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] != dropped) continue;
                var pick = PickInUseOrFaas(scratch, partitions[k], dropped, random);
                if (pick < 0) return false;
                placed[k] = pick;
                if (!problem.ResourceArray[pick].IsFaas) scratch.Touched.Add(pick);
            }
        }
        return true;
    }

    /// <summary>
    /// Every partition of a random edge/VM resource in use to another resource of the same kind:
    /// one in use, or one of a layer not in use (the layer rule allows one resource per layer).
    /// </summary>
    private static bool ChangeResource(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var inUse = scratch.UsedNodeResources();
        if (inUse.Count == 0) return false;
        var from = inUse[random.Next(inUse.Count)];
        var source = problem.ResourceArray[from];
        Span<bool> usedLayers = stackalloc bool[problem.NodeResourcesByLayer.Length];
        foreach (var r in inUse) usedLayers[problem.ResourceArray[r].Layer] = true;
        var options = scratch.Options;
        options.Clear();
        for (var r = 0; r < problem.ResourceArray.Length; r++)
        {
            var resource = problem.ResourceArray[r];
            if (r == from || resource.Kind != source.Kind) continue;
            if (scratch.InUse(r) || !usedLayers[resource.Layer] || resource.Layer == source.Layer) options.Add(r);
        }
        if (options.Count == 0) return false;
        var to = options[random.Next(options.Count)];
        for (var c = 0; c < problem.ComponentArray.Length; c++)
        {
            var placed = scratch.Decision.Resources[c];
            var partitions = Partitions(scratch, c);
            for (var k = 0; k < placed.Length; k++)
            {
                if (placed[k] != from) continue;
                if (partitions[k].CandidateOn(to) is null) return false;
                placed[k] = to;
            }
        }
        scratch.Touched.Add(to);
        return true;
    }

    /// <summary>A uniformly random compatible resource that is in use (edge/VM) or a FaaS configuration, other than <paramref name="excluded"/>; -1 if none.</summary>
    private static int PickInUseOrFaas(DecisionScratch scratch, PartitionSlot partition, int excluded, SearchRandom random)
    {
        var options = scratch.Options;
        options.Clear();
        foreach (var candidate in partition.CandidateArray)
        {
            var r = candidate.Resource;
            if (r != excluded && (scratch.Problem.ResourceArray[r].IsFaas || scratch.InUse(r))) options.Add(r);
        }
        return options.Count == 0 ? -1 : options[random.Next(options.Count)];
    }

    private static PartitionSlot[] Partitions(DecisionScratch scratch, int component) =>
        scratch.Problem.ComponentArray[component].DeploymentArray[scratch.Decision.Deployments[component]].PartitionArray;
}
