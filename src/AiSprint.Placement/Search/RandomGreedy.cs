using AiSprint.Placement.Problem;

namespace AiSprint.Placement.Search;

/// <summary>
/// Random Greedy (design document Algorithm 1; placement-model.md §8.1). Each iteration draws one
/// resource per edge/VM layer, then for each component in topological order a deployment and, for
/// each partition, a compatible resource among those drawn and every FaaS configuration; replicas
/// start at the node count; a feasible draw has its clusters shrunk and enters the elite set.
/// Unlike the originals, the draw already respects the "never back from cloud to edge" rule (a
/// necessary condition), so fewer iterations are wasted on placements that cannot be feasible.
/// Iterations run in fixed blocks, each with its own random stream, merged in block order: the
/// result depends on the seed and the budget only, never on the thread count.
/// </summary>
internal static class RandomGreedy
{
    // Large enough that each block's elite set fills early (so the lower bound prunes most draws), small
    // enough to keep every core busy: 10 blocks at the default 10,000 iterations.
    private const int BlockSize = 1_000;

    public static EliteSet Run(PlacementProblem problem, SearchOptions options, SearchStatistics statistics, Func<bool> outOfTime)
    {
        var blocks = (options.RandomGreedyIterations + BlockSize - 1) / BlockSize;
        var results = new EliteSet?[blocks];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount, CancellationToken = options.Cancellation };
        var done = 0;
        try
        {
            Parallel.For(0, blocks, parallel, () => new DecisionScratch(problem), (block, _, scratch) =>
            {
                if (outOfTime() || options.Cancellation.IsCancellationRequested) return scratch;
                var random = RandomStreams.For(options.Seed, block);
                var elite = new EliteSet(options.EliteCount);
                var iterations = Math.Min(BlockSize, options.RandomGreedyIterations - block * BlockSize);
                var feasible = 0;
                for (var i = 0; i < iterations; i++)
                {
                    if (!Draw(scratch, random)) continue;
                    // Not better than the block's elite whatever the replicas: skip the evaluation.
                    if (scratch.CostLowerBound() >= elite.WorstCost) continue;
                    if (double.IsPositiveInfinity(scratch.Cost())) continue;
                    feasible++;
                    elite.Offer(scratch.Decision, ClusterShrinker.Shrink(scratch));
                }
                results[block] = elite;
                statistics.AddRandomGreedy(iterations, feasible);
                options.Progress?.Report((double)Interlocked.Increment(ref done) / blocks);
                return scratch;
            }, _ => { });
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: keep what the finished blocks found.
        }
        var merged = new EliteSet(options.EliteCount);
        foreach (var result in results)
        {
            if (result is not null) merged.Merge(result);
        }
        return merged;
    }

    /// <summary>One random placement into <paramref name="scratch"/>; false when some partition had no option.</summary>
    internal static bool Draw(DecisionScratch scratch, SearchRandom random)
    {
        var problem = scratch.Problem;
        var resources = problem.ResourceArray;
        var byLayer = problem.NodeResourcesByLayer;
        Span<int> chosen = stackalloc int[byLayer.Length];
        for (var l = 0; l < byLayer.Length; l++) chosen[l] = byLayer[l].Length == 0 ? -1 : byLayer[l][random.Next(byLayer[l].Length)];
        Span<bool> mustBeCloud = stackalloc bool[problem.ComponentArray.Length];
        mustBeCloud.Clear();
        Span<int> options = stackalloc int[resources.Length];
        var decision = scratch.Decision;
        foreach (var c in problem.TopologicalArray)
        {
            var component = problem.ComponentArray[c];
            var s = random.Next(component.DeploymentArray.Length);
            scratch.ChooseDeployment(c, s);
            var partitions = component.DeploymentArray[s].PartitionArray;
            var placed = decision.Resources[c];
            var replicas = decision.Replicas[c];
            var cloud = mustBeCloud[c];
            var anyCloud = false;
            for (var k = 0; k < partitions.Length; k++)
            {
                var count = 0;
                var candidates = partitions[k].CandidateArray;
                for (var i = 0; i < candidates.Length; i++)
                {
                    ref readonly var candidate = ref candidates[i];
                    if (cloud && candidate.IsEdge) continue;
                    if (candidate.IsFaas || chosen[candidate.Layer] == candidate.Resource) options[count++] = i;
                }
                if (count == 0) return false;
                ref readonly var pick = ref candidates[options[random.Next(count)]];
                placed[k] = pick.Resource;
                replicas[k] = pick.IsFaas ? 1 : resources[pick.Resource].MaxNodes;
                cloud |= !pick.IsEdge;
                anyCloud |= !pick.IsEdge;
            }
            if (!anyCloud) continue;
            foreach (var successor in component.SuccessorArray) mustBeCloud[successor] = true;
        }
        return true;
    }
}
