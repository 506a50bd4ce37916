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
public static class RandomGreedy
{
    private const int BlockSize = 128;

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
    internal static bool Draw(DecisionScratch scratch, Random random)
    {
        var problem = scratch.Problem;
        Span<int> chosen = stackalloc int[problem.Layers.Count];
        chosen.Fill(-1);
        // One resource per edge/VM layer: reservoir-sample over the layer's resources.
        Span<int> seen = stackalloc int[problem.Layers.Count];
        for (var r = 0; r < problem.Resources.Count; r++)
        {
            var resource = problem.Resources[r];
            if (resource.IsFaas) continue;
            if (random.Next(++seen[resource.Layer]) == 0) chosen[resource.Layer] = r;
        }
        Span<bool> mustBeCloud = stackalloc bool[problem.Components.Count];
        mustBeCloud.Clear();
        Span<int> options = stackalloc int[problem.Resources.Count];
        var order = problem.TopologicalOrder;
        for (var index = 0; index < order.Count; index++)
        {
            var c = order[index];
            var component = problem.Components[c];
            var s = random.Next(component.Deployments.Count);
            scratch.ChooseDeployment(c, s);
            var partitions = component.Deployments[s].Partitions;
            var cloud = mustBeCloud[c];
            var anyCloud = false;
            for (var k = 0; k < partitions.Count; k++)
            {
                var count = 0;
                var candidates = partitions[k].Candidates;
                for (var i = 0; i < candidates.Count; i++)
                {
                    var r = candidates[i].Resource;
                    var resource = problem.Resources[r];
                    if (cloud && resource.IsEdge) continue;
                    if (resource.IsFaas || chosen[resource.Layer] == r) options[count++] = r;
                }
                if (count == 0) return false;
                var pick = options[random.Next(count)];
                scratch.Decision.Resources[c][k] = pick;
                var picked = problem.Resources[pick];
                scratch.Decision.Replicas[c][k] = picked.IsFaas ? 1 : picked.MaxNodes;
                cloud |= !picked.IsEdge;
                anyCloud |= !picked.IsEdge;
            }
            if (!anyCloud) continue;
            for (var i = 0; i < component.Successors.Count; i++) mustBeCloud[component.Successors[i]] = true;
        }
        return true;
    }
}
