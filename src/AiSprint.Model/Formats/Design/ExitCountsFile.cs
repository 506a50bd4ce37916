using System.Globalization;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// Requests of an early-exit component counted by the exit they stopped at (the <c>aisprint.early_exit.requests</c>
/// counter: exit 1..N, or N + 1 for requests that ran every partition).
/// </summary>
public sealed record ExitCounts(string Component, IReadOnlyDictionary<int, long> RequestsByExit, SourceLocation Location)
{
    /// <summary>
    /// The measured probability of not exiting at each of <paramref name="exitCount"/> exits: the requests that went on
    /// past exit i over those that reached it (Σ_{j&gt;i} s_j / Σ_{j≥i} s_j); null for an exit no request reached.
    /// </summary>
    public double?[] ContinueProbabilities(int exitCount)
    {
        var result = new double?[exitCount];
        for (var i = 1; i <= exitCount; i++)
        {
            var reached = RequestsByExit.Where(p => p.Key >= i).Sum(p => p.Value);
            var passed = RequestsByExit.Where(p => p.Key > i).Sum(p => p.Value);
            result[i - 1] = reached == 0 ? null : (double)passed / reached;
        }
        return result;
    }

    /// <summary>Requests that reached exit <paramref name="exit"/>.</summary>
    public long Reached(int exit) => RequestsByExit.Where(p => p.Key >= exit).Sum(p => p.Value);
}

/// <summary>
/// Reads and writes the measured exit counts (<c>component,exit,requests</c>, one row per component and exit), the
/// file <c>EarlyExitCountsRecorder</c> (AiSprint.Telemetry) writes from the counter. Problems are AIS0079 warnings: a
/// measurement that cannot be used leaves the declared probabilities in place.
/// </summary>
public static class ExitCountsFile
{
    /// <summary>The file's header line.</summary>
    public const string Header = "component,exit,requests";

    /// <summary>Reads a measured exit-counts CSV at <paramref name="path"/>; rows with problems are dropped and reported.</summary>
    public static (IReadOnlyList<ExitCounts> Counts, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [DiagnosticCatalog.MeasuredExitsUnusable.At(SourceLocation.WholeFile(path), $"cannot read the measured exit counts: {ex.Message}; the declared probabilities stay")]);
        }
    }

    /// <summary>Parses exit-counts CSV <paramref name="text"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static (IReadOnlyList<ExitCounts> Counts, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var counts = new Dictionary<string, (Dictionary<int, long> Exits, int Line)>(StringComparer.Ordinal);
        var header = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!header)
            {
                header = true;
                if (line != Header)
                {
                    diagnostics.Add(DiagnosticCatalog.MeasuredExitsUnusable.At(new SourceLocation(file, i + 1, 1), $"the header is '{line}'; expected {Header}"));
                    return ([], diagnostics);
                }
                continue;
            }
            var fields = line.Split(',');
            if (fields.Length != 3 || fields[0].Trim().Length == 0
                || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var exit) || exit < 1
                || !long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var requests) || requests < 0)
            {
                diagnostics.Add(DiagnosticCatalog.MeasuredExitsUnusable.At(new SourceLocation(file, i + 1, 1),
                    $"'{line}' is not a row of {Header}; expected a component name, an exit number ≥ 1 and a request count ≥ 0"));
                continue;
            }
            var component = fields[0].Trim();
            if (!counts.TryGetValue(component, out var entry)) counts[component] = entry = (new Dictionary<int, long>(), i + 1);
            entry.Exits[exit] = entry.Exits.GetValueOrDefault(exit) + requests;
        }
        if (diagnostics.Count > 0) return ([], diagnostics);
        return (counts.Select(c => new ExitCounts(c.Key, c.Value.Exits, new SourceLocation(file, c.Value.Line, 1))).ToArray(), diagnostics);
    }

    /// <summary>The CSV text of <paramref name="counts"/>, with the header.</summary>
    public static string Write(IEnumerable<ExitCounts> counts) =>
        Header + "\n" + string.Concat(counts.OrderBy(c => c.Component, StringComparer.Ordinal)
            .SelectMany(c => c.RequestsByExit.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{c.Component},{p.Key},{p.Value}\n"))));
}
