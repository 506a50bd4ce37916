using System.Collections.Generic;
using System.Linq;
using AiSprint.Analyzers.Inputs;

namespace AiSprint.Analyzers.Feasibility;

/// <summary>Which candidate resources a component may run on, and the least it can cost to move data between two components.</summary>
internal sealed class Candidates
{
    private readonly ComponentDataSizes? dataSizes;

    public Candidates(CandidateResources? resources, DemandMatrix? demands, ComponentDataSizes? dataSizes = null)
    {
        Resources = resources;
        Demands = demands;
        this.dataSizes = dataSizes;
    }

    public CandidateResources? Resources { get; }

    public DemandMatrix? Demands { get; }

    /// <summary>
    /// The resources the demands list for the component (the compatibility the performance models were built for);
    /// every candidate resource when the demands do not list it. Empty without candidate_resources.yaml.
    /// </summary>
    public IReadOnlyList<CandidateResource> CompatibleResources(string component)
    {
        if (Resources is null)
        {
            return new CandidateResource[0];
        }

        var listed = Listed(component);
        return listed.Count > 0 ? listed : Resources.Resources;
    }

    /// <summary>
    /// The smallest transfer time (ms) of the edge <paramref name="from"/> → <paramref name="to"/> over every pair of
    /// their listed resources; null when it cannot be determined (no resources file, no demands for either end, or no
    /// pair shares a network domain), which the caller counts as 0 so the path bound stays a lower bound.
    /// </summary>
    public double? LeastTransferMilliseconds(ComponentAnnotation from, ComponentAnnotation to)
    {
        if (Resources is null)
        {
            return null;
        }

        var megabytes = DataSizeMegabytes(from, to);
        var sources = Listed(from.Name);
        var targets = Listed(to.Name);
        double? best = null;
        foreach (var source in sources)
        {
            foreach (var target in targets)
            {
                if (Resources.TransferMilliseconds(source, target, megabytes) is { } time && (best is null || time < best))
                {
                    best = time;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The data sent along the edge: [Successor(DataSizeMb)] when the code states it, else what the component sends on
    /// according to components_data_size.yaml (the AI-SPRINT place for it when the DAG is kept in YAML), else 0.
    /// </summary>
    private double DataSizeMegabytes(ComponentAnnotation from, ComponentAnnotation to)
    {
        var inCode = from.Successors.Where(s => s.Target.Value == to.Name).Select(s => s.DataSizeMb).DefaultIfEmpty(0).Max();
        return inCode > 0 ? inCode
            : dataSizes is not null && dataSizes.Sizes.TryGetValue(from.Name, out var size) ? size.Megabytes
            : 0;
    }

    private List<CandidateResource> Listed(string component) =>
        Demands is null || Resources is null
            ? new List<CandidateResource>()
            : Demands.Of(component).Select(d => Resources.Find(d.Resource)).Where(r => r is not null).Select(r => r!).ToList();
}
