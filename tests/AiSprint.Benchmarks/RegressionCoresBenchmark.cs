using System.Diagnostics;
using System.Globalization;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Studies;

namespace AiSprint.Benchmarks;

/// <summary>
/// The design document's cores study (<see cref="CoresStudy"/>): validation MAPE per technique when extrapolating
/// from 48–288 cores to 384 and 768, and when interpolating 96/192/384 from 48/144/288/768, on the raw columns and
/// with the 1/cores features. Argument: the data seed (default 0).
/// </summary>
internal static class RegressionCoresBenchmark
{
    public static int Run(string[] args)
    {
        var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0;
        var clock = Stopwatch.StartNew();
        var results = CoresStudy.Run(seed);
        var wall = clock.Elapsed.TotalSeconds;
        var columns = results.Select(r => (r.Split, r.Features)).Distinct().ToList();
        Console.WriteLine("| technique | " + string.Join(" | ", columns.Select(c => $"{c.Split} ({c.Features})")) + " |");
        Console.WriteLine("|---|" + string.Concat(columns.Select(_ => "---:|")));
        foreach (var technique in Enum.GetValues<AmlTechnique>())
        {
            var cells = columns.Select(c => results.FirstOrDefault(r => r.Technique == technique && r.Split == c.Split && r.Features == c.Features) is { } r
                ? r.ValidationMape.ToString("0.0000", CultureInfo.InvariantCulture) : "failed");
            Console.WriteLine($"| {technique} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"seed {seed}; {columns.Count} campaigns, {wall:0.0} s in total"));
        foreach (var r in results) Console.Error.WriteLine($"{r.Split} / {r.Features} / {r.Technique}: chosen {r.Chosen} (hp_selection MAPE {r.HpSelectionMape:0.0000})");
        return 0;
    }
}
