using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Preparation;

namespace AiSprint.Regression.Validation;

/// <summary>
/// One innermost data split (spec §4.1): repetition, validation split, hp_selection split. Models are fitted on
/// <see cref="Training"/>, selected on <see cref="HpSelection"/> and reported on <see cref="Validation"/>.
/// </summary>
public sealed record DataFold(
    int Run,
    int ValidationIndex,
    string ValidationToken,
    string HpToken,
    IReadOnlyList<int> Training,
    IReadOnlyList<int> HpSelection,
    IReadOnlyList<int> Validation);

/// <summary>
/// Builds the nested splits of spec §4: per run, the validation split of the <c>training</c> rows, then the
/// hp_selection split of what is left. HoldOut takes floor(n·ratio) rows drawn without replacement; KFold gives
/// folds 0..k−2 floor(n/k) drawn rows each and the last fold the rest. All randomness descends from
/// <c>General.seed</c> and the run index through seeded <see cref="Random"/> instances, so a seed gives the same
/// splits on every machine. It does not reproduce CPython's <c>random.Random</c> stream, so the rows drawn
/// differ from aMLLibrary's for the same seed.
/// </summary>
public static class SplitPlanner
{
    public static IReadOnlyList<DataFold> Plan(AmlGeneral general, PreparedData data)
    {
        var validation = general.Validation ?? AmlSplit.All;
        var hp = general.HpSelection ?? AmlSplit.All;
        if (hp is AmlSplit.Extrapolation or AmlSplit.Interpolation)
        {
            throw new RegressionException($"hp_selection = {hp} is not allowed: Extrapolation and Interpolation are validation-only splits (spec §4.2)");
        }
        var folds = new List<DataFold>();
        for (var run = 0; run < general.RunNum; run++)
        {
            var random = new Random(unchecked(general.Seed * 1_000_003 + run * 7_919 + 17));
            var outer = Split(validation, data.TrainingRows, general, random, data);
            for (var v = 0; v < outer.Count; v++)
            {
                var (vToken, rest, held) = outer[v];
                foreach (var (hToken, fit, hpRows) in Split(hp, rest, general, random, data))
                {
                    folds.Add(new DataFold(run, v, vToken, hToken, fit, hpRows, held));
                }
            }
        }
        return folds;
    }

    /// <summary>Splits rows into (token, kept for training, held out); All holds out a copy of every row.</summary>
    private static List<(string Token, IReadOnlyList<int> Kept, IReadOnlyList<int> Held)> Split(AmlSplit mode, IReadOnlyList<int> rows, AmlGeneral general, Random random, PreparedData data)
    {
        switch (mode)
        {
            case AmlSplit.All:
                return [("All", rows, rows)];
            case AmlSplit.HoldOut:
            {
                var ratio = general.HoldOutRatio ?? throw new RegressionException("HoldOut needs hold_out_ratio in [General]");
                var held = Sample(rows, (int)Math.Floor(rows.Count * ratio), random);
                return [("HoldOut", Without(rows, held), held)];
            }
            case AmlSplit.KFold:
            {
                var k = general.Folds ?? throw new RegressionException("KFold needs folds in [General]");
                if (k < 2 || k > rows.Count) throw new RegressionException($"folds = {k} is impossible with {rows.Count} rows");
                var size = rows.Count / k;
                var remaining = rows.ToList();
                var result = new List<(string, IReadOnlyList<int>, IReadOnlyList<int>)>();
                for (var f = 0; f < k; f++)
                {
                    var held = f < k - 1 ? Sample(remaining, size, random) : remaining.ToList();
                    remaining = Without(remaining, held).ToList();
                    result.Add(($"f{f}", Without(rows, held), held));
                }
                return result;
            }
            case AmlSplit.Extrapolation:
            case AmlSplit.Interpolation:
                // Chosen during preparation (spec §3); TrainingRows is already its complement.
                return [(mode.ToString(), rows, data.ExternalValidationRows ?? throw new InvalidOperationException("external split missing"))];
            default:
                throw new RegressionException($"unknown split {mode}");
        }
    }

    /// <summary>k distinct rows drawn without replacement (partial Fisher–Yates), returned in ascending order like aMLLibrary's sets.</summary>
    private static List<int> Sample(IReadOnlyList<int> rows, int k, Random random)
    {
        var pool = rows.ToArray();
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.Take(k).Order().ToList();
    }

    private static IReadOnlyList<int> Without(IReadOnlyList<int> rows, IReadOnlyList<int> removed)
    {
        var set = removed.ToHashSet();
        return rows.Where(r => !set.Contains(r)).ToList();
    }
}
