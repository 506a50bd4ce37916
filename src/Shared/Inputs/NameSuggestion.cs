using System;
using System.Collections.Generic;

namespace AiSprint.Contract.Inputs;

/// <summary>
/// "Did you mean …?" for every misspelt name the SDK reports (keys, columns, components, resources), in the IDE and the
/// build alike: the closest candidate by case-insensitive Levenshtein distance; ties go to the candidate of the closest
/// length (a slipped letter is likelier than a dropped one: <c>LobalConstraints</c> is <c>LocalConstraints</c>, not
/// <c>GlobalConstraints</c>), then to the ordinally smaller name so messages are stable; none when more than a third of
/// the name would change (a different word, not a typo).
/// </summary>
internal static class NameSuggestion
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = name.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            if (candidate == name)
            {
                continue; // The name itself is no suggestion.
            }

            var distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && best is not null && IsBetterTie(name, candidate, best)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    /// <summary>The closest candidate (same cut-off) only when no other candidate is as close; null on a tie.</summary>
    public static string? ClosestUnambiguous(string name, IEnumerable<string> candidates)
    {
        var all = candidates as ICollection<string> ?? new List<string>(candidates);
        if (Closest(name, all) is not { } closest)
        {
            return null;
        }

        var distance = Distance(name.ToLowerInvariant(), closest.ToLowerInvariant());
        var ties = 0;
        foreach (var candidate in all)
        {
            if (candidate != name && Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant()) == distance)
            {
                ties++;
            }
        }

        return ties == 1 ? closest : null;
    }

    private static bool IsBetterTie(string name, string candidate, string best)
    {
        var lengthGap = Math.Abs(candidate.Length - name.Length);
        var bestGap = Math.Abs(best.Length - name.Length);
        return lengthGap != bestGap ? lengthGap < bestGap : string.CompareOrdinal(candidate, best) < 0;
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
