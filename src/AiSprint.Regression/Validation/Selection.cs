using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Validation;

/// <summary>A technique's line in a run summary: the hp-selected configuration and its three MAPE-bearing metric sets.</summary>
/// <param name="Chosen">The grid point with the lowest hp_selection MAPE.</param>
/// <param name="Training">Its metrics on the training rows.</param>
/// <param name="HpSelection">Its metrics on the hyper-parameter selection rows.</param>
/// <param name="Validation">Its metrics on the validation rows.</param>
public sealed record TechniqueSummary(AmlTechnique Technique, GridPoint Chosen, MetricSet Training, MetricSet HpSelection, MetricSet Validation);

/// <summary>One repetition's summary (spec §6.2); <see cref="Best"/> has the lowest hp_selection MAPE.</summary>
/// <param name="Run">The repetition's number, from 0.</param>
/// <param name="Techniques">One line per technique with at least one successful experiment.</param>
/// <param name="NoSuccessfulRuns">The techniques whose every experiment failed in this run.</param>
public sealed record RunSummary(int Run, IReadOnlyList<TechniqueSummary> Techniques, IReadOnlyList<AmlTechnique> NoSuccessfulRuns)
{
    /// <summary>The technique with the lowest hp_selection MAPE in this run, or null when no technique produced a result.</summary>
    public TechniqueSummary? Best => Techniques.Count == 0 ? null : Techniques.Aggregate((a, b) => b.HpSelection.Mape < a.HpSelection.Mape ? b : a);
}

/// <summary>
/// Hyper-parameter selection per spec §6.2–6.3: purely by hp_selection MAPE, first in grid order on ties.
/// With KFold hp_selection each configuration's metrics are fold means (sum over successful folds / k).
/// With KFold validation (spec §6.2 c, whose aMLLibrary behaviour is a bug) the configuration is chosen per
/// validation fold and the reported metrics are the means over validation folds.
/// </summary>
internal static class Selection
{
    public static RunSummary Summarise(int run, IReadOnlyList<AmlTechnique> techniques, IReadOnlyList<ExperimentResult> results, int hpFolds)
    {
        var summaries = new List<TechniqueSummary>();
        var failed = new List<AmlTechnique>();
        foreach (var technique in techniques)
        {
            var mine = results.Where(r => r.Experiment.Fold.Run == run && r.Experiment.Technique == technique).ToList();
            var perValidation = mine.GroupBy(r => r.Experiment.Fold.ValidationIndex).OrderBy(g => g.Key)
                .Select(g => ChooseConfiguration(g.ToList(), hpFolds)).ToList();
            if (perValidation.Count == 0 || perValidation.Any(s => s is null))
            {
                failed.Add(technique);
                continue;
            }
            var chosen = perValidation.Select(s => s!).ToList();
            var count = chosen.Count;
            summaries.Add(new TechniqueSummary(technique, chosen[^1].Chosen,
                MetricSet.FoldMean(chosen.Select(c => c.Training), count),
                MetricSet.FoldMean(chosen.Select(c => c.HpSelection), count),
                MetricSet.FoldMean(chosen.Select(c => c.Validation), count)));
        }
        return new RunSummary(run, summaries, failed);
    }

    private static TechniqueSummary? ChooseConfiguration(List<ExperimentResult> results, int hpFolds)
    {
        TechniqueSummary? best = null;
        foreach (var configuration in results.GroupBy(r => r.Experiment.ConfigIndex).OrderBy(g => g.Key))
        {
            var ok = configuration.Where(r => r.Succeeded).ToList();
            if (ok.Count == 0) continue;
            var first = configuration.First().Experiment;
            var candidate = new TechniqueSummary(first.Technique, first.Point,
                MetricSet.FoldMean(ok.Select(r => r.Training!), hpFolds),
                MetricSet.FoldMean(ok.Select(r => r.HpSelection!), hpFolds),
                MetricSet.FoldMean(ok.Select(r => r.Validation!), hpFolds));
            if (best is null || candidate.HpSelection.Mape < best.HpSelection.Mape) best = candidate;
        }
        return best;
    }
}
