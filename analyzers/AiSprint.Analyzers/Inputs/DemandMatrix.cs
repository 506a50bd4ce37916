using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers.Inputs;

/// <summary>A row of a demands file: the service time (ms, no contention) of a component on a compatible resource.</summary>
internal sealed class Demand
{
    public Demand(string component, string resource, double milliseconds, Location location)
    {
        Component = component;
        Resource = resource;
        Milliseconds = milliseconds;
        Location = location;
    }

    public string Component { get; }

    public string Resource { get; }

    public double Milliseconds { get; }

    public Location Location { get; }
}

/// <summary>
/// The demands of every component, one entry per compatible resource. A component may be listed with several rows per
/// resource (one per partition, a column this analyzer ignores); the smallest is kept, so every number used stays a
/// lower bound of the component's time there and a rule never fires on a reading of the file that could be too high.
/// </summary>
internal sealed class DemandMatrix
{
    private readonly Dictionary<string, List<Demand>> byComponent;

    public DemandMatrix(IEnumerable<Demand> rows)
    {
        byComponent = new Dictionary<string, List<Demand>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byComponent.TryGetValue(row.Component, out var list))
            {
                byComponent.Add(row.Component, list = new List<Demand>());
            }

            var same = list.FindIndex(d => d.Resource == row.Resource);
            if (same < 0)
            {
                list.Add(row);
            }
            else if (row.Milliseconds < list[same].Milliseconds)
            {
                list[same] = row;
            }
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
