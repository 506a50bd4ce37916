namespace AiSprint.Supervision.Analysis;

/// <summary>How far one poll's value is from a bound.</summary>
internal enum Level
{
    /// <summary>Inside the release bound: a held condition is released.</summary>
    Clear,
    /// <summary>Between the release bound and the bound: a held condition stays held, a pending one starts over.</summary>
    Margin,
    /// <summary>Beyond the bound.</summary>
    Breach,
}

/// <summary>
/// A Schmitt trigger with a confirmation count, per key: a condition is held once it breached in N consecutive polls, and
/// released only when its value comes back inside the (tighter) release bound. A value that hovers around the bound
/// never collects N breaches in a row, and a held condition does not flap on the way back.
/// </summary>
internal sealed class SustainedCondition(int consecutive)
{
    private readonly Dictionary<string, int> _streaks = new(StringComparer.Ordinal);

    /// <summary>Feeds one poll's level for <paramref name="key"/>; whether the condition is held after it.</summary>
    public bool Update(string key, Level level)
    {
        var streak = _streaks.GetValueOrDefault(key);
        var held = streak >= consecutive;
        streak = level switch
        {
            Level.Breach => streak + 1,
            Level.Margin when held => streak,
            _ => 0,
        };
        _streaks[key] = streak;
        return streak >= consecutive;
    }

    /// <summary>Forgets every streak: after a re-plan (new bounds) and after a poll without data (no gap is bridged).</summary>
    public void Reset() => _streaks.Clear();

    /// <summary>Forgets keys not seen in the latest poll, so a series that vanished cannot resume an old streak.</summary>
    public void KeepOnly(IReadOnlySet<string> seen)
    {
        foreach (var key in _streaks.Keys.Where(k => !seen.Contains(k)).ToList()) _streaks.Remove(key);
    }

    /// <summary>The consecutive breaches so far (for reports).</summary>
    public int Streak(string key) => _streaks.GetValueOrDefault(key);
}
