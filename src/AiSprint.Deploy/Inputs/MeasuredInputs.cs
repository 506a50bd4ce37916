using AiSprint.Profiling.Components;

namespace AiSprint.Deploy.Inputs;

/// <summary>A profile's measured-vs-predicted summary (aisprint profile-report -o FILE): shown in report.txt and charted in report.html.</summary>
internal static class MeasuredInputs
{
    /// <summary>The profile's lines for report.txt: which demands came from this machine and how well the model fits them.</summary>
    public static string Section(string? path)
    {
        if (path is null || !File.Exists(path)) return "";
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return lines.Length == 0 ? "" : "\nMeasured on this machine (aisprint profile) against the performance model's predictions:\n" + string.Concat(lines.Select(l => "  " + l + "\n"));
    }

    public static IReadOnlyList<MeasuredVersusPredicted.Comparison> Comparisons(string? path) =>
        path is not null && File.Exists(path) ? MeasuredVersusPredicted.FromText(File.ReadAllText(path)) : [];
}
