using AiSprint.Model;
using AiSprint.Model.Formats.AiSprint;

namespace AiSprint.Supervision.Planning;

/// <summary>
/// An alternative deployment of the application — typically a degraded one (a smaller model, an earlier exit) that is
/// faster and less accurate — as its design (<paramref name="System"/>: components, candidates and demands) and the
/// metric values it was characterised with (e.g. <c>accuracy</c> = 0.91). <c>Application</c> writes its
/// production_deployment.yaml; null when it has the same components as the application in force.
/// </summary>
public sealed record AlternativeDeployment(string Name, SystemDescription System, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The alternative's AI-SPRINT files, which its production_deployment.yaml is written from; null when it has the same components as the application in force.</summary>
    public AiSprintApplication? Application { get; init; }
}

/// <summary>Where the supervisor finds the alternatives; read at each fallback (they may be regenerated meanwhile).</summary>
public interface IAlternativeDeploymentSource
{
    /// <summary>The alternatives as they are now, with their designs and metric values; empty when there are none.</summary>
    IReadOnlyList<AlternativeDeployment> Read();
}

/// <summary>No alternatives: when nothing is feasible at the observed load the supervisor keeps the placement and says so.</summary>
internal sealed class NoAlternatives : IAlternativeDeploymentSource
{
    public static NoAlternatives Instance { get; } = new();

    public IReadOnlyList<AlternativeDeployment> Read() => [];
}

/// <summary>
/// The degraded fallback's choice: among the alternatives, in the order of <c>metric</c> (higher is better; an
/// alternative without it comes last), then cost, then name, the first one a placement is feasible for.
/// </summary>
internal static class DegradedFallback
{
    public static IEnumerable<AlternativeDeployment> Order(IReadOnlyList<AlternativeDeployment> alternatives, string metric) =>
        alternatives
            .OrderByDescending(a => a.Metrics.TryGetValue(metric, out var value) && double.IsFinite(value) ? value : double.NegativeInfinity)
            .ThenBy(a => a.Name, StringComparer.Ordinal);
}
