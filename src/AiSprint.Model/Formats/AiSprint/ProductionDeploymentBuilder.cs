using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// Turns a placement <see cref="Solution"/> of an application's <see cref="SystemDescription"/>
/// into production_deployment.yaml's content, in the layout SPACE4AI-D writes: the selected
/// component or partition entries with their containers, the chosen resource and its layer, then
/// the candidate resources cut down to those in use with <c>totalNodes</c> = replicas chosen.
/// </summary>
public static class ProductionDeploymentBuilder
{
    /// <summary>production_deployment.yaml's content for <paramref name="solution"/>: the chosen containers of <paramref name="app"/> and the resources in use with their replica counts.</summary>
    public static LoadResult<ProductionDeployment> Build(Solution solution, SystemDescription system, AiSprintApplication app)
    {
        var bag = new DiagnosticBag();
        var where = SourceLocation.WholeFile("solution");
        // The naming was checked when the system was converted; only the mapping is needed here.
        var origins = AiSprintNaming.Assign(app.Deployments, new SourceMap(""), new DiagnosticBag());
        var units = new List<DeployedUnit>();
        var replicas = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var placement in solution.Components)
        {
            var origin = origins.FirstOrDefault(o => o.Component == placement.Component);
            if (origin is null || system.FindComponent(placement.Component) is not { } component)
            {
                bag.Add(DiagnosticCatalog.UnknownComponent, where, $"the solution places '{placement.Component}', which the application does not have");
                continue;
            }
            // C++ solutions name no deployment: it is the one that holds the placed partitions.
            var index = placement.DeploymentIndexIn(component);
            var deployment = index < 0 ? null : component.Deployments[index].Name;
            foreach (var p in placement.Partitions)
            {
                var part = origin.Partitions.FirstOrDefault(o => o.Deployment == deployment && o.Partition == p.Partition);
                if (part is null)
                {
                    bag.Add(DiagnosticCatalog.UnknownPartition, where, $"the solution places {placement.Component}/{deployment ?? "?"}/{p.Partition}, which the application does not have");
                    continue;
                }
                if (app.Resources.LayerOf(p.Resource) is not { Number: { } layerNumber })
                {
                    bag.Add(DiagnosticCatalog.UnknownResource, where, $"the solution runs {placement.Component}/{p.Partition} on '{p.Resource}', which candidate_resources.yaml does not define");
                    continue;
                }
                var containers = part.Entry.Containers.Select(c => new DeployedContainer(c.Requirements, p.Resource)).ToValueList();
                units.Add(new DeployedUnit(part.Entry.Key, part.Entry.Name, containers, layerNumber));
                // Several partitions on one VM share its cluster: it needs the largest count any of them asks for.
                var count = p.Replicas ?? 1;
                replicas[p.Resource] = replicas.TryGetValue(p.Resource, out var known) ? Math.Max(known, count) : count;
            }
        }

        var domains = app.Resources.Domains.Select(d => d with
        {
            Layers = d.Layers
                .Select(l => l with { Resources = l.Resources.Where(r => replicas.ContainsKey(r.Name)).Select(r => Used(r, replicas[r.Name])).ToValueList() })
                .Where(l => l.Resources.Count > 0)
                .ToValueList(),
        }).ToValueList();
        var deploymentFile = new ProductionDeployment(units.ToValueList(), app.Resources with { Domains = domains }) { Feasible = solution.Feasible };
        return new LoadResult<ProductionDeployment>(deploymentFile, bag.Items);
    }

    private static Resource Used(Resource resource, int replicas) =>
        resource is NodeResource node ? node with { MaxNodes = replicas } : resource;
}
