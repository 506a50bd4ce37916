using System;

namespace AiSprint.Annotations;

/// <summary>
/// Marks a static method as the workload that exercises a component when <c>aisprint profile</c> measures it:
/// the method returns <c>IEnumerable&lt;WorkloadCase&gt;</c>, one case per input, each with the feature values
/// that describe it (the shape of BenchmarkDotNet's <c>[ArgumentsSource]</c>).
/// </summary>
/// <remarks>
/// The method runs in a separate process of the built application, once per profiled core count; every case
/// is invoked for the warm-up runs, then for the measured repetitions. Only the component's own call inside a
/// case is measured, by the generated timing wrapper, so preparing the input inside the case costs nothing.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class WorkloadAttribute : Attribute
{
    /// <summary>Declares the workload of a component.</summary>
    /// <param name="component">The component's name, as in <c>[Component(name)]</c>.</param>
    public WorkloadAttribute(string component) => Component = component;

    /// <summary>The name of the component this workload exercises.</summary>
    public string Component { get; }
}
