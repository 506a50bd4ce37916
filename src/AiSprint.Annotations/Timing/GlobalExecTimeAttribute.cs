using System;

namespace AiSprint.Annotations;

/// <summary>
/// Declares a global constraint on the last component of a path: the response time of the
/// whole path (the previous components, in DAG order, then this one) must not exceed the threshold.
/// </summary>
/// <remarks>
/// The design document's convention: the earlier components of the path are marked with
/// <see cref="ExecTimeAttribute"/> (or <see cref="ComponentAttribute"/>); the last one carries
/// the path's name, its previous components and the threshold. A component may end several paths.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GlobalExecTimeAttribute : Attribute
{
    /// <summary>Declares a global constraint ending at this component.</summary>
    /// <param name="pathName">The constraint's name, e.g. <c>path1</c>; unique in the application.</param>
    /// <param name="threshold">The largest acceptable response time of the path, in <paramref name="unit"/>; must be positive.</param>
    /// <param name="unit">The unit of <paramref name="threshold"/>.</param>
    /// <param name="previousComponents">The names of the components before this one on the path, in DAG order.</param>
    public GlobalExecTimeAttribute(string pathName, double threshold, TimeUnit unit, params string[] previousComponents)
    {
        PathName = pathName;
        Threshold = threshold;
        Unit = unit;
        PreviousComponents = previousComponents;
    }

    /// <summary>The constraint's name.</summary>
    public string PathName { get; }

    /// <summary>The path's threshold in <see cref="Unit"/>.</summary>
    public double Threshold { get; }

    /// <summary>The unit of <see cref="Threshold"/>.</summary>
    public TimeUnit Unit { get; }

    /// <summary>The components before this one on the path, in DAG order.</summary>
    public string[] PreviousComponents { get; }
}
