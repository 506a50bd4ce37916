using AiSprint.Model.Units;

namespace AiSprint.Model.Alternatives;

/// <summary>A component and the alternative implementations that may replace it (<c>System.alternative_components</c>).</summary>
public sealed record ComponentAlternatives(string Component, ValueList<string> Alternatives);

/// <summary>
/// One deployment of an application with alternatives: which implementation runs for each original component,
/// the DAG over those implementations and, once known, the application metric it reaches.
/// </summary>
/// <param name="Name"><c>original_deployment</c>, then <c>deployment&lt;n&gt;</c> in the Studio's product order, or the
/// <c>alternative_deployment&lt;k&gt;</c> (k = rank by metric) of deployments_performance.yaml when read from it.</param>
/// <param name="Choices">Per original component (in DAG order), the implementation this deployment runs.</param>
/// <param name="Dependencies">The DAG over the chosen implementations.</param>
/// <param name="Metric">The application metric of this deployment, when known.</param>
public sealed record AlternativeDeployment(string Name, ValueList<ImplementationChoice> Choices, ValueList<DagEdge> Dependencies, double? Metric)
{
    internal const string OriginalName = "original_deployment";
    internal const string AlternativePrefix = "alternative_deployment";

    /// <summary>The implementations this deployment runs, one per component, in the order of <see cref="Choices"/>.</summary>
    public ValueList<string> Components => Choices.Select(c => c.Implementation).ToValueList();

    /// <summary>True for the deployment that runs every component's own implementation (no alternative chosen).</summary>
    public bool IsOriginal => Choices.All(c => c.Implementation == c.Component);

    /// <summary>The implementation that runs for <paramref name="component"/> (the original name when it is not replaced).</summary>
    public string ImplementationOf(string component) => Choices.FirstOrDefault(c => c.Component == component)?.Implementation ?? component;

    /// <summary>The original component an implementation stands for.</summary>
    public string ComponentOf(string implementation) => Choices.FirstOrDefault(c => c.Implementation == implementation)?.Component ?? implementation;

    /// <summary>A short "a, b2" label of the implementations, for reports.</summary>
    public string Label => string.Join(", ", Components);
}

/// <summary>The implementation chosen for one original component.</summary>
public sealed record ImplementationChoice(string Component, string Implementation);

/// <summary>
/// Enumerates the deployments the Studio generates (aisprint-studio.md §1.2): the Cartesian product of
/// <c>[c] + alternatives</c> over the components that have alternatives, in key order, the original first and the
/// others named <c>deployment1..n</c> in product order (with a→[a2], b→[b2]: 1 = (a, b2), 2 = (a2, b), 3 = (a2, b2)).
/// </summary>
internal static class AlternativeDeployments
{
    public static IReadOnlyList<AlternativeDeployment> Enumerate(IReadOnlyList<string> components, IReadOnlyList<DagEdge> dependencies, IReadOnlyList<ComponentAlternatives> alternatives)
    {
        var options = alternatives.Select(a => (a.Component, Implementations: new[] { a.Component }.Concat(a.Alternatives).ToArray())).ToList();
        var combinations = new List<Dictionary<string, string>> { new(StringComparer.Ordinal) };
        foreach (var (component, implementations) in options)
        {
            combinations = combinations
                .SelectMany(partial => implementations.Select(i => new Dictionary<string, string>(partial, StringComparer.Ordinal) { [component] = i }))
                .ToList();
        }
        var result = new List<AlternativeDeployment>();
        foreach (var combination in combinations)
        {
            var choices = components.Select(c => new ImplementationChoice(c, combination.GetValueOrDefault(c, c))).ToValueList();
            var isOriginal = choices.All(c => c.Implementation == c.Component);
            var name = isOriginal ? AlternativeDeployment.OriginalName : $"deployment{result.Count(r => !r.IsOriginal) + 1}";
            string Of(string c) => combination.GetValueOrDefault(c, c);
            var edges = dependencies.Select(e => e with { From = Of(e.From), To = Of(e.To) }).ToValueList();
            var deployment = new AlternativeDeployment(name, choices, edges, null);
            if (isOriginal) result.Insert(0, deployment);
            else result.Add(deployment);
        }
        return result;
    }
}
