using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>An edge of the application DAG.</summary>
/// <param name="From">The calling component.</param>
/// <param name="To">The component called.</param>
/// <param name="Probability">The probability that a request of <paramref name="From"/> goes on to <paramref name="To"/>; a component's outgoing probabilities sum to at most 1 (AIS0013).</param>
public sealed record DagEdge(string From, string To, Probability Probability)
{
    internal Megabytes? DataSize { get; init; }
}

/// <summary>A local constraint: the component's mean response time must not exceed the threshold.</summary>
/// <param name="Component">The constrained component.</param>
/// <param name="MaxResponseTime">The largest mean response time allowed, greater than 0.</param>
public sealed record LocalConstraint(string Component, Seconds MaxResponseTime);

/// <summary>
/// A global constraint: the response time of a path of consecutive components must not exceed
/// the threshold.
/// </summary>
/// <param name="Name">The constraint's name, unique among global constraints.</param>
/// <param name="Path">Consecutive components of the DAG, in order (AIS0015 otherwise).</param>
/// <param name="MaxResponseTime">The largest mean response time of the whole path, greater than 0.</param>
public sealed record GlobalConstraint(string Name, ValueList<string> Path, Seconds MaxResponseTime);

/// <summary>
/// The whole design: what SPACE4AI-D's system_description.json describes, with AI-SPRINT's extras
/// (container requirements, nested network domains, resource details).
/// </summary>
public sealed record SystemDescription
{
    /// <summary>The application's name, when the source file states one.</summary>
    public string? Name { get; init; }
    /// <summary>The exogenous arrival rate at the application's source component(s).</summary>
    public RequestsPerSecond Lambda { get; init; }
    /// <summary>The billing horizon every cost is multiplied by.</summary>
    public Hours Time { get; init; } = new(1);
    /// <summary>The components (DAG nodes), each with its candidate deployments.</summary>
    public ValueList<Component> Components { get; init; } = ValueList<Component>.Empty;
    /// <summary>The DAG's edges, with the probability that a request of the source component continues to the target.</summary>
    public ValueList<DagEdge> Dag { get; init; } = ValueList<DagEdge>.Empty;
    /// <summary>The computational layers: groups of resources of one tier, of which a placement uses at most one resource each.</summary>
    public ValueList<ComputationalLayer> Layers { get; init; } = ValueList<ComputationalLayer>.Empty;
    /// <summary>The network domains: which layers can talk and at what bandwidth and access delay.</summary>
    public ValueList<NetworkDomain> NetworkDomains { get; init; } = ValueList<NetworkDomain>.Empty;
    /// <summary>Per-component response-time limits.</summary>
    public ValueList<LocalConstraint> LocalConstraints { get; init; } = ValueList<LocalConstraint>.Empty;
    /// <summary>Response-time limits on paths of consecutive components.</summary>
    public ValueList<GlobalConstraint> GlobalConstraints { get; init; } = ValueList<GlobalConstraint>.Empty;

    /// <summary>The component named <paramref name="name"/> (case-sensitive), or null.</summary>
    public Component? FindComponent(string name) => Components.FirstOrDefault(c => c.Name == name);

    /// <summary>Every resource of every layer, in layer order.</summary>
    public IEnumerable<Resource> AllResources => Layers.SelectMany(l => l.Resources);

    /// <summary>The resource named <paramref name="name"/> (case-sensitive) in any layer, or null.</summary>
    public Resource? FindResource(string name) => AllResources.FirstOrDefault(r => r.Name == name);

    internal ComputationalLayer? LayerOf(string resource) => Layers.FirstOrDefault(l => l.Resources.Any(r => r.Name == resource));

    /// <summary>The DAG edges leaving <paramref name="component"/>.</summary>
    public IEnumerable<DagEdge> Successors(string component) => Dag.Where(e => e.From == component);

    /// <summary>The DAG edges entering <paramref name="component"/>.</summary>
    public IEnumerable<DagEdge> Predecessors(string component) => Dag.Where(e => e.To == component);
}
