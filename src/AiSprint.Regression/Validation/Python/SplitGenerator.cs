using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Validation.Python;

/// <summary>A split produced by one level: its signature token, the rows kept for training, the rows held out.</summary>
internal sealed record LevelSplit(string Token, List<int> Kept, List<int> Held);

/// <summary>
/// One split level of aMLLibrary's generator tree (validation or hp_selection, spec §4.1), with the random
/// generator it owns. aMLLibrary seeds every generator from its parent's <c>random.Random</c> and re-seeds
/// copies on <c>deepcopy</c> (each copy draws one number from the original), so the split rows depend on how
/// many copies are made and in which order (spec §4.3). This class makes the same draws in the same order:
/// KFold makes k copies of the level below when constructed, and a copy of a KFold level copies its first
/// fold's generator k times.
/// </summary>
internal sealed class SplitGenerator
{
    private readonly AmlSplit _mode;
    private readonly PythonRandom _random;
    private readonly SplitGenerator? _wrapped;
    private readonly List<SplitGenerator?> _foldCopies = [];
    private readonly SplitSettings _settings;

    public SplitGenerator(AmlSplit mode, double seed, SplitGenerator? wrapped, SplitSettings settings)
    {
        _mode = mode;
        _settings = settings;
        _wrapped = wrapped;
        if (mode == AmlSplit.KFold)
        {
            for (var f = 0; f < settings.Folds; f++) _foldCopies.Add(wrapped?.DeepCopy());
        }
        _random = new PythonRandom(seed);
    }

    /// <summary>The level below used for fold <paramref name="index"/> of this level's splits.</summary>
    public SplitGenerator? Below(int index) => _mode == AmlSplit.KFold ? _foldCopies[index] : _wrapped;

    public SplitGenerator DeepCopy() => _mode == AmlSplit.KFold
        ? new SplitGenerator(_mode, _random.Random(), _foldCopies[0], _settings)
        : new SplitGenerator(_mode, _random.Random(), _wrapped?.DeepCopy(), _settings);

    /// <summary>Splits the current training rows (a Python list, in its order) as the level's generator does when generating experiments.</summary>
    public List<LevelSplit> Generate(List<int> training)
    {
        switch (_mode)
        {
            case AmlSplit.All:
                return [new LevelSplit("All", training, [.. training])];
            case AmlSplit.HoldOut:
            {
                // A fresh Random(self.random()) per split; int(float(len) × ratio) rows drawn from the list in its order.
                var splitter = new PythonRandom(_random.Random());
                var held = splitter.Sample(training, (int)(training.Count * _settings.HoldOutRatio));
                var kept = PythonIntSet.FromList(training).Minus(PythonIntSet.FromList(held)).ToList();
                return [new LevelSplit("HoldOut", kept, held)];
            }
            case AmlSplit.KFold:
            {
                var k = _settings.Folds;
                if (training.Count < k) throw new RegressionException($"too few samples ({training.Count}) to perform {k}-fold");
                var foldSize = training.Count / k;
                var all = PythonIntSet.FromList(training);
                var remaining = PythonIntSet.CopyOf(all);
                var result = new List<LevelSplit>();
                for (var fold = 0; fold < k; fold++)
                {
                    var testing = fold == k - 1 ? remaining : PythonIntSet.FromList(_random.Sample(remaining.ToList(), foldSize));
                    var kept = all.Minus(testing);
                    remaining = remaining.Minus(testing);
                    result.Add(new LevelSplit($"f{fold}", kept.ToList(), testing.ToList()));
                }
                return result;
            }
            case AmlSplit.Extrapolation:
            case AmlSplit.Interpolation:
                // The rows were split during preparation (spec §3); this level only passes them on.
                return [new LevelSplit(_mode.ToString(), training, [.. _settings.ExternalValidation ?? throw new InvalidOperationException("external split missing")])];
            default:
                throw new RegressionException($"unknown split {_mode}");
        }
    }
}

/// <summary>The [General] values the split levels read.</summary>
internal sealed record SplitSettings(int Folds, double HoldOutRatio, IReadOnlyList<int>? ExternalValidation);
