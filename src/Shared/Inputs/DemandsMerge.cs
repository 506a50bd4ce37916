using System;
using System.Collections.Generic;

namespace AiSprint.Contract.Inputs;

/// <summary>
/// How several demands files combine, in the build (<c>aisprint deploy --demands</c>, in item order: the hand-written
/// files, then this build's predictions) and in the analyzers (AdditionalFiles, in the same item order): a later file's
/// row replaces an earlier file's row for the same component and resource, so a prediction refreshes a hand-written
/// number. Within one file a pair is listed once (a duplicate is an error of that file).
/// </summary>
internal static class DemandsMerge
{
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
