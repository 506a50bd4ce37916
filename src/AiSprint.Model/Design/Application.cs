using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>An edge of the application DAG. <see cref="DataSize"/> is known when the source format states it per edge.</summary>
public sealed record DagEdge(string From, string To, Probability Probability)
{
    internal Megabytes? DataSize { get; init; }
}

/// <summary>A local constraint: the component's mean response time must not exceed the threshold.</summary>
public sealed record LocalConstraint(string Component, Seconds MaxResponseTime);

/// <summary>
/// A global constraint: the response time of a path of consecutive components must not exceed
/// the threshold.
/// </summary>
public sealed record GlobalConstraint(string Name, ValueList<string> Path, Seconds MaxResponseTime);

/// <summary>
/// The whole design: what SPACE4AI-D's system_description.json describes, with AI-SPRINT's extras
/// (container requirements, nested network domains, resource details).
/// </summary>
public sealed record SystemDescription
{
    public string? Name { get; init; }
    /// <summary>The exogenous arrival rate at the application's source component(s).</summary>
    public RequestsPerSecond Lambda { get; init; }
    /// <summary>The billing horizon every cost is multiplied by.</summary>
    public Hours Time { get; init; } = new(1);
    public ValueList<Component> Components { get; init; } = ValueList<Component>.Empty;
    public ValueList<DagEdge> Dag { get; init; } = ValueList<DagEdge>.Empty;
    public ValueList<ComputationalLayer> Layers { get; init; } = ValueList<ComputationalLayer>.Empty;
    public ValueList<NetworkDomain> NetworkDomains { get; init; } = ValueList<NetworkDomain>.Empty;
    public ValueList<LocalConstraint> LocalConstraints { get; init; } = ValueList<LocalConstraint>.Empty;
    public ValueList<GlobalConstraint> GlobalConstraints { get; init; } = ValueList<GlobalConstraint>.Empty;

    public Component? FindComponent(string name) => Components.FirstOrDefault(c => c.Name == name);

    public IEnumerable<Resource> AllResources => Layers.SelectMany(l => l.Resources);

    public Resource? FindResource(string name) => AllResources.FirstOrDefault(r => r.Name == name);

    internal ComputationalLayer? LayerOf(string resource) => Layers.FirstOrDefault(l => l.Resources.Any(r => r.Name == resource));

    public IEnumerable<DagEdge> Successors(string component) => Dag.Where(e => e.From == component);

    public IEnumerable<DagEdge> Predecessors(string component) => Dag.Where(e => e.To == component);
}
