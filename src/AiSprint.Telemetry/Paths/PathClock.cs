using System.Diagnostics;
using System.Globalization;

namespace AiSprint.Telemetry;

/// <summary>
/// Global-path timing through W3C baggage: the first component of a path writes the path's start
/// (wall-clock UTC, integer microseconds since the Unix epoch) as baggage
/// <c>aisprint.path.&lt;id&gt;.start</c> on the ambient <see cref="Activity"/>; the baggage flows with
/// <see cref="Activity.Current"/> in-process and, through the standard <c>baggage</c> header that
/// HttpClient and ASP.NET Core propagate (<see cref="DistributedContextPropagator"/>), to other
/// processes; the last component of the path reads it back and records the elapsed time.
/// </summary>
/// <remarks>
/// Wall-clock time, not <see cref="Stopwatch"/> ticks, because the start must mean the same thing in
/// another process; across machines the figure is only as good as their clock synchronisation.
/// </remarks>
public static class PathClock
{
    /// <summary>The operation name of the activity a path start creates when there is no ambient activity to carry its baggage.</summary>
    public const string PathActivityName = "aisprint.path";

    /// <summary>The current wall-clock time as a path start value: UTC microseconds since the Unix epoch.</summary>
    public static long NowMicroseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    /// <summary>
    /// Marks the start of each path in <paramref name="paths"/> that has no start in the current context yet.
    /// With no ambient activity, starts one (named <see cref="PathActivityName"/>) and leaves it current,
    /// so the calls after this component still see the start; it stops when its last path ends.
    /// </summary>
    internal static void Start(PathDescriptor[] paths)
    {
        var ambient = Activity.Current;
        string? now = null;
        foreach (var path in paths)
        {
            if (ambient?.GetBaggageItem(path.BaggageKey) is not null)
            {
                continue;
            }

            ambient ??= new Activity(PathActivityName).Start();
            now ??= NowMicroseconds().ToString(CultureInfo.InvariantCulture);
            ambient.SetBaggage(path.BaggageKey, now);
        }
    }

    /// <summary>
    /// Records the duration of each path in <paramref name="paths"/> whose start the current context carries,
    /// counts a global violation on a breach, and removes the start so the next run of the path starts anew.
    /// A path whose start is missing (the last component called on its own) records nothing.
    /// </summary>
    /// <param name="current">The context the component was called in: the parent of its own activity, else <see cref="Activity.Current"/>.</param>
    internal static void End(PathDescriptor[] paths, Activity? current)
    {
        if (current is null)
        {
            return;
        }

        long now = 0;
        var ended = false;
        foreach (var path in paths)
        {
            if (!long.TryParse(current.GetBaggageItem(path.BaggageKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start))
            {
                continue;
            }

            if (now == 0)
            {
                now = NowMicroseconds();
            }

            // Clocks of two machines may disagree by more than the path took: never report a negative time.
            var elapsedMilliseconds = Math.Max(0, now - start) / 1000.0;
            AiSprintInstruments.PathDuration.Record(elapsedMilliseconds, path.DurationTags);
            if (elapsedMilliseconds > path.ThresholdMilliseconds)
            {
                AiSprintInstruments.Violations.Add(1, path.ViolationTags);
            }

            // The start may sit on any ancestor (the request activity, a remote parent's copy): remove it everywhere.
            for (var activity = current; activity is not null; activity = activity.Parent)
            {
                activity.SetBaggage(path.BaggageKey, null);
            }

            ended = true;
        }

        if (ended)
        {
            StopIdlePathActivity();
        }
    }

    // The activity Start created only to carry baggage ends with the last path it carries, where it is
    // current (stopping it makes its parent, none, current again); anyone else's activity is left alone.
    private static void StopIdlePathActivity()
    {
        if (Activity.Current is not { OperationName: PathActivityName, Parent: null } activity || activity.Source.Name.Length != 0)
        {
            return;
        }

        foreach (var item in activity.Baggage)
        {
            if (item.Key.StartsWith(PathDescriptor.BaggageKeyPrefix, StringComparison.Ordinal))
            {
                return;
            }
        }

        activity.Stop();
    }
}
