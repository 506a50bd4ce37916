using System;
using System.Collections.Generic;
using System.Linq;
using AiSprint.Contract.Inputs;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers.Inputs;

/// <summary>A row of a demands file: the service time (ms, no contention) of a component on a compatible resource.</summary>
internal sealed class Demand
{
    public Demand(string component, string resource, double milliseconds, double? coldMilliseconds, Location location)
    {
        Component = component;
        Resource = resource;
        Milliseconds = milliseconds;
        ColdMilliseconds = coldMilliseconds;
        Location = location;
    }

    public string Component { get; }

    public string Resource { get; }

    /// <summary>The demand; on FaaS the warm time, the best case a request can see.</summary>
    public double Milliseconds { get; }

    public double? ColdMilliseconds { get; }

    public Location Location { get; }
}

/// <summary>
/// The demands of every component, one entry per compatible resource, combined from the demands files the way the
/// build combines them (<see cref="DemandsMerge"/>: a later file's row replaces an earlier one's), so the IDE judges
/// the very numbers the placement will use.
/// </summary>
internal sealed class DemandMatrix
{
    private readonly Dictionary<string, List<Demand>> byComponent;

    public DemandMatrix(IEnumerable<Demand> rows)
        : this(new[] { rows })
    {
    }

    public DemandMatrix(IEnumerable<IEnumerable<Demand>> files)
    {
        byComponent = new Dictionary<string, List<Demand>>(StringComparer.Ordinal);
        foreach (var row in DemandsMerge.LaterWins(files, d => d.Component, d => d.Resource))
        {
            if (!byComponent.TryGetValue(row.Component, out var list))
            {
                byComponent.Add(row.Component, list = new List<Demand>());
            }

            list.Add(row);
        }
    }

    public IEnumerable<Demand> All => byComponent.Values.SelectMany(l => l);

    /// <summary>The component's compatible resources with their demands; empty when the file does not list it.</summary>
    public IReadOnlyList<Demand> Of(string component) =>
        byComponent.TryGetValue(component, out var list) ? list : (IReadOnlyList<Demand>)Array.Empty<Demand>();

    /// <summary>The fastest compatible resource (ties: the first name in ordinal order, for a stable message).</summary>
    public Demand? Fastest(string component) =>
        Of(component).OrderBy(d => d.Milliseconds).ThenBy(d => d.Resource, StringComparer.Ordinal).FirstOrDefault();
}
