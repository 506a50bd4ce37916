namespace AiSprint.Telemetry;

/// <summary>
/// A component as its timer needs it: the name, the local threshold and the global paths it starts
/// and ends, with the tags prepared once so that a timed call allocates nothing. Generated code
/// keeps one instance per component in a static field.
/// </summary>
public sealed class ComponentDescriptor
{
    /// <summary>Describes a component that starts and ends no global path.</summary>
    /// <param name="name">The component's name, as in <c>[Component(name)]</c>.</param>
    /// <param name="localThresholdMilliseconds">The local threshold in milliseconds, or <see langword="null"/> when the component has no local constraint.</param>
    public ComponentDescriptor(string name, double? localThresholdMilliseconds)
        : this(name, localThresholdMilliseconds, [], [])
    {
    }

    /// <summary>Describes a component.</summary>
    /// <param name="name">The component's name, as in <c>[Component(name)]</c>.</param>
    /// <param name="localThresholdMilliseconds">The local threshold in milliseconds, or <see langword="null"/> when the component has no local constraint.</param>
    /// <param name="startsPaths">The global paths whose first component this is: a call marks their start.</param>
    /// <param name="endsPaths">The global paths whose last component this is: a call's end records their duration.</param>
    public ComponentDescriptor(string name, double? localThresholdMilliseconds, PathDescriptor[] startsPaths, PathDescriptor[] endsPaths)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(startsPaths);
        ArgumentNullException.ThrowIfNull(endsPaths);
        if (localThresholdMilliseconds is { } threshold && !(threshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(localThresholdMilliseconds), threshold, "A local threshold must be a positive number of milliseconds.");
        }

        Name = name;
        LocalThresholdMilliseconds = localThresholdMilliseconds;
        ViolationAboveMilliseconds = localThresholdMilliseconds ?? double.PositiveInfinity;
        StartsPaths = startsPaths;
        EndsPaths = endsPaths;
        DurationTags = DeploymentIdentity.Current.Append(new KeyValuePair<string, object?>(AiSprintInstruments.ComponentTag, name));
        ViolationTags = [new(AiSprintInstruments.ConstraintTag, name), new(AiSprintInstruments.ScopeTag, "local")];
    }

    /// <summary>The component's name.</summary>
    public string Name { get; }

    /// <summary>The local threshold in milliseconds, or <see langword="null"/>.</summary>
    public double? LocalThresholdMilliseconds { get; }

    /// <summary>The local threshold, or +∞ without one: a plain comparison on the hot path instead of a lifted nullable one.</summary>
    internal double ViolationAboveMilliseconds { get; }

    internal PathDescriptor[] StartsPaths { get; }

    internal PathDescriptor[] EndsPaths { get; }

    /// <summary>Tag <c>component</c>, then the configured deployment and resource (<see cref="DeploymentIdentity"/>).</summary>
    internal KeyValuePair<string, object?>[] DurationTags { get; }

    internal KeyValuePair<string, object?>[] ViolationTags { get; }
}
