namespace AiSprint.Generators.Model;

/// <summary>
/// A method marked <c>[Alternative(component, name)]</c>: what the design document lists and what a generated wrapper
/// needs to call it instead of the component.
/// </summary>
/// <param name="ContainingType">The fully qualified type declaring the method (<c>global::</c>-prefixed).</param>
/// <param name="IsStatic">Whether the method is static: an instance alternative is called on the component's receiver.</param>
/// <param name="Callable">Whether generated code can call it in place of the component: not generic, and accessible from the assembly.</param>
internal sealed record AlternativeModel(
    string Component,
    string Name,
    string Method,
    string MethodName,
    SourceSpot Location,
    string ContainingType,
    bool IsStatic,
    bool Callable);

/// <summary><c>[assembly: ApplicationMetric(metric, Threshold = t)]</c>; a threshold of 0 means none.</summary>
internal sealed record ApplicationMetricModel(string Metric, double Threshold);
