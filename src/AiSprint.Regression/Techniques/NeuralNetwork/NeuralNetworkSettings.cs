using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Techniques.NeuralNetwork;

/// <summary>
/// The hyper-parameters of aMLLibrary's NeuralNetwork (spec §5.2): one hidden Dense layer per entry of
/// <c>n_features</c>, each followed by Dropout (<c>dropouts</c>: one rate per layer — extra entries are ignored, as
/// upstream indexes the list by layer — or one scalar for all), then Dense(1); Keras' <c>loss</c>,
/// <c>optimizer</c>, <c>learning_rate</c>, <c>batch_size</c>, <c>epochs</c>. Options absent from a grid point take
/// aMLLibrary's own defaults (its <c>get_default_parameters</c>: [20, 10], [0.2, 0.2], relu, adam, 0.001, mse, 10, 5);
/// aMLLibrary itself would fail with a KeyError building the signature.
/// </summary>
internal sealed record NeuralNetworkSettings(
    IReadOnlyList<int> HiddenSizes,
    IReadOnlyList<double> Dropouts,
    MlpActivation Activation,
    MlpOptimizerKind Optimizer,
    double LearningRate,
    MlpLoss Loss,
    int BatchSize,
    int Epochs)
{
    /// <summary>The option names this technique reads.</summary>
    public static readonly string[] Names = ["n_features", "dropouts", "activation", "optimizer", "learning_rate", "loss", "batch_size", "epochs"];

    public static NeuralNetworkSettings From(GridPoint point)
    {
        var hidden = point["n_features"] switch
        {
            null => [20, 10],
            IniList l when l.Items.Count > 0 && l.Items.All(i => i is IniInteger w && w.Value >= 1 && w.Value <= 1_000_000) => l.Items.Select(i => (int)((IniInteger)i).Value).ToArray(),
            var other => throw Bad("n_features", other, "a non-empty list of layer widths (ints ≥ 1)"),
        };
        var dropouts = point["dropouts"] switch
        {
            null => [0.2, 0.2],
            IniList l when l.Items.All(IsNumber) => l.Items.Select(Number).ToArray(),
            var v when IsNumber(v) => Enumerable.Repeat(Number(v), hidden.Length).ToArray(),
            var other => throw Bad("dropouts", other, "a rate or a list of rates"),
        };
        if (dropouts.Length < hidden.Length)
            throw new RegressionException($"[NeuralNetwork] dropouts has {dropouts.Length} rates for {hidden.Length} layers (n_features {string.Join(",", hidden)})");
        dropouts = dropouts[..hidden.Length];
        if (dropouts.Any(d => !(d >= 0 && d < 1))) throw new RegressionException($"[NeuralNetwork] dropout rates must be in [0, 1), got {string.Join(", ", dropouts)}");
        var learningRate = point["learning_rate"] switch
        {
            null => 0.001,
            var v when IsNumber(v) && Number(v) > 0 => Number(v),
            var other => throw Bad("learning_rate", other, "a positive number"),
        };
        return new NeuralNetworkSettings(hidden, dropouts,
            Activations.Parse(Text(point, "activation", "relu")),
            MlpOptimizer.Parse(Text(point, "optimizer", "adam")),
            learningRate,
            Losses.Parse(Text(point, "loss", "mse")),
            Count(point, "batch_size", 10, 1),
            Count(point, "epochs", 5, 0));
    }

    private static bool IsNumber(IniValue? v) => v is IniInteger or IniFloat;

    private static double Number(IniValue v) => v switch
    {
        IniInteger i => (double)i.Value,
        IniFloat f => f.Value,
        _ => throw new InvalidOperationException("not a number"),
    };

    private static string Text(GridPoint point, string name, string fallback) => point[name] switch
    {
        null => fallback,
        IniString s => s.Value,
        var other => throw Bad(name, other, "a string"),
    };

    private static int Count(GridPoint point, string name, int fallback, int minimum) => point[name] switch
    {
        null => fallback,
        IniInteger i when i.Value >= minimum && i.Value <= int.MaxValue => (int)i.Value,
        var other => throw Bad(name, other, $"an int ≥ {minimum}"),
    };

    private static RegressionException Bad(string name, IniValue? value, string expected) =>
        new($"[NeuralNetwork] {name} = {value?.ToPython()}: {expected} is required");
}
