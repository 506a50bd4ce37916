using System.Globalization;
using System.Text;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Units;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Deploy.Explanation;

/// <summary>
/// Why no placement is feasible, said at the annotations: AIS0051 at each constraint that cannot be met at all. Otherwise
/// AIS0050 at each constraint that binds on its own (with the threshold it would need), else once at the entry; every
/// AIS0050 gives the uniform relaxation and the largest Lambda that would be feasible.
/// </summary>
internal static class InfeasibilityExplanation
{
    /// <summary>Adds the located warnings to <paramref name="diagnostics"/> and returns the same sentences for report.txt.</summary>
    public static string Explain(SystemDescription system, SourceMap map, PlacementProblem problem, SearchOptions search, bool relax, DiagnosticBag diagnostics)
    {
        var text = new StringBuilder();
        var impossible = InfeasibilityAnalysis.ImpossibleConstraints(problem);
        foreach (var constraint in impossible)
        {
            var kind = constraint.IsGlobal ? "path" : "component";
            var message = $"{kind} {constraint.Name} cannot meet its threshold of {Ms(constraint.Threshold)} ms: even on its fastest compatible resources, without queueing, it takes {Ms(constraint.BestCase)} ms ({constraint.Breakdown}); relax it to at least that";
            diagnostics.Add(DiagnosticCatalog.ConstraintUnreachable, LocationOf(map, constraint.Name, constraint.IsGlobal), message);
            text.AppendLine(message + ".");
        }
        var fixes = new List<string>();
        IReadOnlyList<BindingConstraint> binding = [];
        if (relax)
        {
            var probe = InfeasibilityAnalysis.ProbeOptions(search);
            var report = InfeasibilityAnalysis.Analyse(system, map, system.Lambda, probe);
            if (report.ThresholdScale is { } scale) fixes.Add($"every threshold multiplied by {scale.ToString("0.##", CultureInfo.InvariantCulture)}");
            if (report.LargestLambda is { } largest) fixes.Add($"an arrival rate of at most {largest.Value.ToString("0.######", CultureInfo.InvariantCulture)} req/s");
            if (impossible.Count == 0) binding = InfeasibilityAnalysis.BindingConstraints(system, map, system.Lambda, probe);
        }
        var rate = system.Lambda.Value.ToString("0.######", CultureInfo.InvariantCulture);
        var alternatives = fixes.Count > 0 ? $"; it is feasible with {string.Join(", or with ", fixes)}"
            : relax ? "; neither relaxing the thresholds nor lowering the arrival rate helps: add resources or compatibilities" : "";
        foreach (var constraint in binding)
        {
            var message = $"no placement meets every constraint at {rate} req/s, and {(constraint.IsGlobal ? "path" : "component")} {constraint.Name} binds: raising its threshold alone from {Ms(constraint.Threshold)} ms to {Ms(constraint.Needed)} ms makes a placement feasible{alternatives}";
            diagnostics.Add(DiagnosticCatalog.InfeasiblePlacement, LocationOf(map, constraint.Name, constraint.IsGlobal), message);
            text.AppendLine(message + ".");
        }
        if (binding.Count == 0)
        {
            var entry = system.Components.FirstOrDefault(c => !system.Dag.Any(e => e.To == c.Name))?.Name ?? system.Components[0].Name;
            var message = $"no placement on the candidate resources meets every constraint at {rate} req/s{alternatives}";
            diagnostics.Add(DiagnosticCatalog.InfeasiblePlacement, map.Locate(ModelKeys.Component(entry)), message);
            text.AppendLine(message + ".");
        }
        return text.ToString();
    }

    private static SourceLocation LocationOf(SourceMap map, string constraint, bool isGlobal) =>
        map.Locate(isGlobal ? ModelKeys.GlobalConstraint(constraint) : ModelKeys.LocalConstraint(constraint));

    private static string Ms(Seconds time) => (time.Value * 1000).ToString("#,0.#", CultureInfo.InvariantCulture);
}
