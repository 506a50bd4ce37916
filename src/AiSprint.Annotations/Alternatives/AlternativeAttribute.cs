using System;

namespace AiSprint.Annotations;

/// <summary>
/// Marks a method as an alternative implementation of a component (the AI-SPRINT Studio's <c>alternative_components</c>),
/// e.g. a smaller classifier that trades accuracy for speed. Each combination of implementations is a deployment of the
/// application with its own metric (<see cref="ApplicationMetricAttribute"/>); the build places every deployment and
/// chooses one. The running application switches implementation without a rebuild: calls of the component run the
/// alternatives the deployment identifier names (the <c>AISPRINT_DEPLOYMENT</c> environment variable, or
/// <c>AiSprint.Generated.AiSprintDeployment.Use</c> at run time).
/// </summary>
/// <remarks>The method must take the same parameters and return the same type as the component it replaces (AIS0118).</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AlternativeAttribute : Attribute
{
    /// <summary>Declares an alternative implementation.</summary>
    /// <param name="component">The name of the component this method may replace, as its <see cref="ComponentAttribute"/> gives it.</param>
    /// <param name="name">This implementation's own name in the deployments and in deployments_performance.yaml, e.g. <c>mask-detector-small</c>.</param>
    public AlternativeAttribute(string component, string name)
    {
        Component = component;
        Name = name;
    }

    /// <summary>The component this method may replace.</summary>
    public string Component { get; }

    /// <summary>This implementation's own name.</summary>
    public string Name { get; }
}
