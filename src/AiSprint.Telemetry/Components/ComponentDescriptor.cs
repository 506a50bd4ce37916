namespace AiSprint.Telemetry;

/// <summary>
/// A component as its timer needs it: the name and the local threshold, with the tags prepared
/// once so that a timed call allocates nothing. Generated code keeps one instance per component
/// in a static field.
/// </summary>
public sealed class ComponentDescriptor
{
    /// <summary>Describes a component.</summary>
    /// <param name="name">The component's name, as in <c>[Component(name)]</c>.</param>
    /// <param name="localThresholdMilliseconds">The local threshold in milliseconds, or <see langword="null"/> when the component has no local constraint.</param>
    public ComponentDescriptor(string name, double? localThresholdMilliseconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (localThresholdMilliseconds is { } threshold && !(threshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(localThresholdMilliseconds), threshold, "A local threshold must be a positive number of milliseconds.");
        }

        Name = name;
        LocalThresholdMilliseconds = localThresholdMilliseconds;
        ComponentTag = new(AiSprintInstruments.ComponentTag, name);
        ConstraintTag = new(AiSprintInstruments.ConstraintTag, name);
    }

    /// <summary>The component's name.</summary>
    public string Name { get; }

    /// <summary>The local threshold in milliseconds, or <see langword="null"/>.</summary>
    public double? LocalThresholdMilliseconds { get; }

    internal KeyValuePair<string, object?> ComponentTag { get; }

    internal KeyValuePair<string, object?> ConstraintTag { get; }

    internal static KeyValuePair<string, object?> LocalScopeTag { get; } = new(AiSprintInstruments.ScopeTag, "local");
}
