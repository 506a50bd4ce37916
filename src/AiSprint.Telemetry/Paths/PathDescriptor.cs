namespace AiSprint.Telemetry;

/// <summary>
/// A global path (constraint) as the timers need it: its id, its threshold, the baggage key that
/// carries its start and the tags prepared once. Generated code keeps one instance per path and
/// hands it to the descriptors of the path's first component (which starts it) and last one (which ends it).
/// </summary>
public sealed class PathDescriptor
{
    /// <summary>The prefix of the baggage keys carrying path starts: <c>aisprint.path.&lt;id&gt;.start</c>.</summary>
    public const string BaggageKeyPrefix = "aisprint.path.";

    /// <summary>Describes a path.</summary>
    /// <param name="id">The path's name, as in <c>[GlobalExecTime(id, ...)]</c>.</param>
    /// <param name="thresholdMilliseconds">The path's threshold in milliseconds; positive.</param>
    public PathDescriptor(string id, double thresholdMilliseconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!(thresholdMilliseconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdMilliseconds), thresholdMilliseconds, "A path threshold must be a positive number of milliseconds.");
        }

        Id = id;
        ThresholdMilliseconds = thresholdMilliseconds;
        BaggageKey = BaggageKeyFor(id);
        DurationTags = DeploymentIdentity.Current.Append(new KeyValuePair<string, object?>(AiSprintInstruments.PathTag, id));
        ViolationTags = [new(AiSprintInstruments.ConstraintTag, id), new(AiSprintInstruments.ScopeTag, "global")];
    }

    /// <summary>The path's name.</summary>
    public string Id { get; }

    /// <summary>The path's threshold in milliseconds.</summary>
    public double ThresholdMilliseconds { get; }

    /// <summary>The W3C baggage key whose value is the path's start (see <see cref="PathClock"/>).</summary>
    public string BaggageKey { get; }

    internal KeyValuePair<string, object?>[] DurationTags { get; }

    internal KeyValuePair<string, object?>[] ViolationTags { get; }

    /// <summary>The baggage key of path <paramref name="id"/>; a host that starts a path by hand uses the same key.</summary>
    public static string BaggageKeyFor(string id) => BaggageKeyPrefix + id + ".start";
}
