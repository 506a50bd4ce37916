namespace AiSprint.Placement.Search;

/// <summary>
/// Shrinks the cluster of every edge/VM resource in use to the fewest replicas that stay feasible
/// (placement-model.md §8.1 step 5). With the other counts fixed, more replicas only lower
/// utilisation and so every time: feasibility is monotone in one resource's count, and a binary
/// search finds the same count as the original's one-by-one decrement in O(log n) evaluations.
/// </summary>
internal static class ClusterShrinker
{
    /// <returns>The cost after shrinking (the decision in <paramref name="scratch"/> is updated).</returns>
    public static double Shrink(DecisionScratch scratch)
    {
        // Copied: Cost() below does not touch the list, but SetReplicas callers may call UsedNodeResources again.
        Span<int> used = stackalloc int[scratch.Problem.Resources.Count];
        var count = 0;
        foreach (var r in scratch.UsedNodeResources()) used[count++] = r;
        foreach (var r in used[..count])
        {
            var high = scratch.ReplicasOf(r);
            if (high <= 1) continue;
            var low = 1;
            // Invariant: `high` is feasible; find the smallest feasible count in [low, high].
            while (low < high)
            {
                var middle = low + (high - low) / 2;
                scratch.SetReplicas(r, middle);
                if (double.IsPositiveInfinity(scratch.Cost())) low = middle + 1;
                else high = middle;
            }
            scratch.SetReplicas(r, high);
        }
        return scratch.Cost();
    }
}
