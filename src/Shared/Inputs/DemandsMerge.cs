using System;
using System.Collections.Generic;
using System.Linq;

namespace AiSprint.Contract.Inputs;

/// <summary>
/// How several demands files combine, alike in the build (<c>aisprint deploy --demands …</c>) and in the analyzers
/// (AdditionalFiles): in <see cref="Order"/> — hand-written tables first, then the demands the build writes (its
/// predictions under <c>aisprint/demands/</c>, then the ones measured on this machine under <c>aisprint/measured/</c>),
/// each group in ordinal path order — a later file's row replaces an earlier
/// file's row for the same component and resource, so a prediction refreshes a hand-written number. The order is
/// computed from the paths, never taken from how the files were passed: the compiler does not promise the
/// AdditionalFiles' order, and a hand-typed command line should not change the numbers.
/// </summary>
internal static class DemandsMerge
{
    /// <summary>The folder (under the build's intermediate <c>aisprint</c> folder) where the build writes predicted demands.</summary>
    public const string PredictionsFolder = "aisprint/demands/";

    /// <summary>The folder where the build writes the demands predicted from this machine's profiles (AiSprintMeasure).</summary>
    public const string MeasuredFolder = "aisprint/measured/";

    /// <summary>0 for a hand-written file, 1 for a prediction, 2 for a demand measured on this machine.</summary>
    public static int Rank(string path)
    {
        var normal = path.Replace('\\', '/');
        return normal.IndexOf("/" + MeasuredFolder, StringComparison.OrdinalIgnoreCase) >= 0 ? 2
            : normal.IndexOf("/" + PredictionsFolder, StringComparison.OrdinalIgnoreCase) >= 0 ? 1
            : 0;
    }

    /// <summary>The files in merge order (see the type's summary).</summary>
    public static IReadOnlyList<T> Order<T>(IEnumerable<T> files, Func<T, string> path) =>
        files.OrderBy(f => Rank(path(f))).ThenBy(f => path(f).Replace('\\', '/'), StringComparer.Ordinal).ToList();

    /// <summary>The rows of <paramref name="files"/>, already in <see cref="Order"/>, a later file's row replacing an earlier one's.</summary>
    public static IReadOnlyList<TRow> LaterWins<TRow>(IEnumerable<IEnumerable<TRow>> files, Func<TRow, string> component, Func<TRow, string> resource)
    {
        var merged = new List<TRow>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var row in file)
            {
                var key = component(row) + "\n" + resource(row);
                if (at.TryGetValue(key, out var index))
                {
                    merged[index] = row;
                }
                else
                {
                    at.Add(key, merged.Count);
                    merged.Add(row);
                }
            }
        }

        return merged;
    }
}
