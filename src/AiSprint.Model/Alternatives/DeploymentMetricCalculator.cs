using AiSprint.Model.Units;

namespace AiSprint.Model.Alternatives;

/// <summary>
/// Which original components play the filter and the classifier (the Studio reads it from <c>model_performance</c>:
/// the classifier is the one with <c>metric</c>), the class the filter discards and, optionally, the classifier's own
/// label for it.
/// </summary>
public sealed record MetricRoles(string Filter, string FilteredClass, string Classifier, string? ClassifierFilteredClass = null);

/// <summary>Thrown when a deployment's metric cannot come from confusion matrices; the message says why and what to give instead.</summary>
public sealed class MetricChainException(string message) : Exception(message);

/// <summary>
/// A deployment's metric from its implementations' confusion matrices (§1.3) and its filter's forwarding probability
/// (§1.4: round(TPf + FPf, 4) replaces the DAG edge's probability). Only the Studio's filter → classifier pair is
/// covered: any other DAG is refused rather than truncated to its first edge as the Studio does.
/// </summary>
public static class DeploymentMetricCalculator
{
    /// <summary>The deployment with its metric and its filter → classifier edge probability computed from the matrices <paramref name="matrixOf"/> returns per implementation.</summary>
    /// <exception cref="MetricChainException">The deployment is not one filter → classifier pair.</exception>
    public static AlternativeDeployment Compute(AlternativeDeployment deployment, MetricRoles roles, ApplicationMetric metric, Func<string, ConfusionMatrix> matrixOf)
    {
        var filter = deployment.ImplementationOf(roles.Filter);
        var classifier = deployment.ImplementationOf(roles.Classifier);
        var chain = string.Join(", ", deployment.Dependencies.Select(e => $"{e.From} → {e.To}"));
        if (deployment.Choices.Count != 2 || deployment.Dependencies.Count != 1 || deployment.Dependencies[0].From != filter || deployment.Dependencies[0].To != classifier)
        {
            throw new MetricChainException(
                $"{deployment.Name} runs {deployment.Label} with edges [{chain}]; a metric from confusion matrices covers one filter → classifier pair " +
                $"({filter} → {classifier}); give this deployment's metric_value in {Formats.AiSprint.DeploymentsPerformanceYaml.FileName} instead");
        }
        ConfusionMatrix filterMatrix = matrixOf(filter), classifierMatrix = matrixOf(classifier);
        ChainScores scores;
        try
        {
            scores = ChainMetric.Compute(filterMatrix, roles.FilteredClass, classifierMatrix, roles.ClassifierFilteredClass);
        }
        catch (ArgumentException ex)
        {
            throw new MetricChainException($"{deployment.Name} ({filter} → {classifier}): {ex.Message}");
        }
        var f = filterMatrix.IndexOf(roles.FilteredClass);
        var p = 1 - f;
        var forwarded = Math.Round(filterMatrix.Cells[p, p] + filterMatrix.Cells[f, p], 4);
        var edge = deployment.Dependencies[0] with { Probability = new Probability(forwarded) };
        return deployment with { Metric = scores.Average(metric), Dependencies = new[] { edge }.ToValueList() };
    }
}
