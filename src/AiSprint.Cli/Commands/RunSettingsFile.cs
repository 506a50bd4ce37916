using System.CommandLine;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Placement.Search;

namespace AiSprint.Cli.Commands;

/// <summary>
/// The SPACE4AI-D authors' run settings (<c>methods.json</c>) beside a system JSON: <c>aisprint place</c> reads them by
/// default, lets every flag given on the command line win, and says in the report what it took from them.
/// </summary>
internal static class RunSettingsFile
{
    public const string FileName = "methods.json";

    /// <summary>The settings file to read: the one named, else methods.json beside a system JSON when it exists.</summary>
    public static string? Locate(string input, string? named)
    {
        if (named is not null) return named;
        if (!File.Exists(input)) return null;
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, FileName);
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>
    /// <paramref name="options"/> with the file's seed, methods and iteration counts where no flag was given, and one line
    /// for the report on what was taken and what was not.
    /// </summary>
    public static (SearchOptions Options, string Note) Apply(Space4AiRunSettings settings, string path, SearchOptions options, SearchOptionSet flags, ParseResult parse)
    {
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
        var taken = new List<string>();
        var kept = new List<string>();
        if (settings.Seed is { } seed)
        {
            if (Given(flags.Seed)) kept.Add("seed (--seed)");
            else
            {
                options = options with { Seed = seed };
                taken.Add($"seed {seed}");
            }
        }
        var names = settings.Methods.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        SearchMethod? method = names.Contains("TabuSearch") ? SearchMethod.TabuSearch
            : names.Contains("LocalSearch") ? SearchMethod.LocalSearch
            : names.Contains("RandomGreedy") ? SearchMethod.RandomGreedy
            : null;
        if (method is { } m)
        {
            var known = string.Join(" + ", settings.Methods.Where(x => x.Name is "RandomGreedy" or "LocalSearch" or "TabuSearch").Select(x => x.Name));
            if (Given(flags.Method)) kept.Add("method (--method)");
            else
            {
                options = options with { Method = m };
                taken.Add($"method {known}");
            }
        }
        // SPACE4AI-D runs a method for at least its iterations and at least its duration; our budgets are iteration
        // counts (deterministic), so an iteration count is a floor on ours and a duration is not applied.
        if (settings.Methods.FirstOrDefault(x => x.Name == "RandomGreedy")?.Iterations is { } rg)
        {
            if (Given(flags.Iterations)) kept.Add("Random Greedy iterations (--iterations)");
            else if (rg > options.RandomGreedyIterations)
            {
                options = options with { RandomGreedyIterations = rg };
                taken.Add($"{rg} Random Greedy iterations");
            }
        }
        if (settings.Methods.FirstOrDefault(x => x.Name == "LocalSearch")?.Iterations is { } ls)
        {
            if (Given(flags.LocalSearchIterations)) kept.Add("Local Search iterations (--ls-iterations)");
            else if (ls > options.LocalSearchIterations)
            {
                options = options with { LocalSearchIterations = ls };
                taken.Add($"{ls} Local Search iterations");
            }
        }
        var skipped = settings.Methods.Where(x => x.Name is not ("RandomGreedy" or "LocalSearch" or "TabuSearch")).Select(x => $"'{x.Name}'").ToList();
        var note = $"run settings: {path}: " + (taken.Count > 0 ? "took " + string.Join(", ", taken) : "took nothing");
        if (kept.Count > 0) note += "; the command line's " + string.Join(", ", kept) + " won";
        if (skipped.Count > 0) note += "; skipped " + string.Join(", ", skipped) + " (not a method SPACE4AI-D runs)";
        if (settings.Methods.Any(x => x.Duration is not null)) note += "; durations not applied (the search's budgets are iterations; see --time-limit)";
        if (settings.LambdaBound is { } bound) note += $"; LambdaBound {bound.Start.Value}:{bound.End.Value}:{bound.Step.Value} not swept (see --sweep-lambda)";
        return (options, note);
    }
}
