using System;

namespace AiSprint.Annotations;

/// <summary>
/// Marks a method as a component of the AI application: a node of the application DAG that
/// the placement engine may deploy on its own resource. Every call site of the method in the
/// same compilation is timed by the generated wrapper.
/// </summary>
/// <remarks>
/// Not <c>[Conditional]</c>: the attribute must survive into IL so that generators and the
/// build can see components declared in referenced assemblies.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ComponentAttribute : Attribute
{
    /// <summary>Declares a component.</summary>
    /// <param name="name">The component's name in the DAG and in every design file, e.g. <c>mask-detector</c>.</param>
    public ComponentAttribute(string name) => Name = name;

    /// <summary>The component's name in the DAG and in every design file.</summary>
    public string Name { get; }
}
