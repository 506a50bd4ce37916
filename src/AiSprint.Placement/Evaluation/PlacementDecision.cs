namespace AiSprint.Placement.Evaluation;

/// <summary>
/// The decision variables of placement-model.md §2: a deployment per component, a resource per
/// partition of that deployment and, for edge and VM resources, a replica count. Counts are stored
/// per partition because the authors' recorded files give one VM different counts on different
/// partitions (errata E1/E2); the optimiser keeps them equal per resource.
/// </summary>
public sealed class PlacementDecision
{
    /// <summary>A decision over the given arrays, which it keeps (not copied); see <see cref="Deployments"/>, <see cref="Resources"/> and <see cref="Replicas"/>.</summary>
    public PlacementDecision(int[] deployments, int[][] resources, int[][] replicas)
    {
        Deployments = deployments;
        Resources = resources;
        Replicas = replicas;
    }

    /// <summary>Per component: the index of its chosen deployment.</summary>
    public int[] Deployments { get; }
    /// <summary>Per component, per partition of the chosen deployment: a resource index.</summary>
    public int[][] Resources { get; }
    /// <summary>Per component, per partition: the replica count of its (edge or VM) resource; 1 for FaaS.</summary>
    public int[][] Replicas { get; }

    /// <summary>A deep copy, for the search to change without touching this one.</summary>
    public PlacementDecision Clone()
    {
        var resources = new int[Resources.Length][];
        var replicas = new int[Replicas.Length][];
        for (var c = 0; c < resources.Length; c++)
        {
            resources[c] = [.. Resources[c]];
            replicas[c] = [.. Replicas[c]];
        }
        return new PlacementDecision([.. Deployments], resources, replicas);
    }
}
