using System;

namespace AiSprint.Annotations;

/// <summary>
/// Declares an edge of the application DAG in code: after this component runs, <see cref="Component"/>
/// runs with probability <see cref="Probability"/> and receives <see cref="DataSizeMb"/> megabytes.
/// Repeat the attribute for each successor.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class SuccessorAttribute : Attribute
{
    /// <summary>Declares an edge.</summary>
    /// <param name="component">The successor component's name.</param>
    public SuccessorAttribute(string component) => Component = component;

    /// <summary>The successor component's name.</summary>
    public string Component { get; }

    /// <summary>The transition probability, in [0, 1]; 1 unless set.</summary>
    public double Probability { get; set; } = 1.0;

    /// <summary>The data sent to the successor, in megabytes; 0 unless set.</summary>
    public double DataSizeMb { get; set; }
}
