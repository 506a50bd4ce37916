using System;

namespace AiSprint.Annotations;

/// <summary>
/// Times a component and, when given a threshold, declares its local constraint: the
/// component's response time must not exceed the threshold.
/// </summary>
/// <remarks>
/// Without arguments the attribute only marks the method for timing, which is how the earlier
/// components of a global path are marked (the design document's convention: the last component
/// of the path carries the path with <see cref="GlobalExecTimeAttribute"/>).
/// A method with <c>[ExecTime]</c> but no <see cref="ComponentAttribute"/> is a component named
/// after the method.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ExecTimeAttribute : Attribute
{
    /// <summary>Marks the method for timing, with no local threshold.</summary>
    public ExecTimeAttribute()
    {
    }

    /// <summary>Declares a local response-time threshold.</summary>
    /// <param name="threshold">The largest acceptable response time, in <paramref name="unit"/>; must be positive.</param>
    /// <param name="unit">The unit of <paramref name="threshold"/>.</param>
    public ExecTimeAttribute(double threshold, TimeUnit unit)
    {
        Threshold = threshold;
        Unit = unit;
    }

    /// <summary>The local threshold in <see cref="Unit"/>, or <see langword="null"/> when the method is only timed.</summary>
    public double? Threshold { get; }

    /// <summary>The unit of <see cref="Threshold"/>, or <see langword="null"/> when there is no threshold.</summary>
    public TimeUnit? Unit { get; }
}
