namespace AiSprint.Regression.Techniques.NeuralNetwork;

/// <summary>
/// Trains aMLLibrary's NeuralNetwork as Keras' <c>model.fit(x, y, batch_size, epochs)</c> does: parameters initialised
/// as Keras (glorot_uniform, zero biases), each epoch the rows reshuffled and cut into minibatches of
/// <c>batch_size</c> (the last one smaller), one optimizer step per minibatch on the mean loss, dropout only while
/// training. Keras is unseeded in aMLLibrary; here every random draw (initial weights, shuffles, dropout masks) comes
/// from one stream of the campaign seed, and training is sequential inside the experiment, so the model is the same
/// whatever the thread count. Keras computes in float32, this in double.
/// DEVIATION: a training whose loss becomes NaN or infinite fails (the experiment is dropped with that reason);
/// Keras would go on and predict NaN, which aMLLibrary then never selects.
/// </summary>
internal sealed record MlpTrainer(NeuralNetworkSettings Settings, int Seed) : ITrainer
{
    /// <summary>Stream index of the network's draws in <see cref="SeededRandom.For"/>, apart from the forests' tree streams.</summary>
    private const int Stream = 0x4E4E;

    public MlpModel Fit(double[][] x, double[] y)
    {
        var n = x.Length;
        if (n == 0) throw new RegressionException("[NeuralNetwork] no training rows");
        var network = new MlpNetwork(x[0].Length, Settings.HiddenSizes, Settings.Activation);
        var random = SeededRandom.For(Seed, Stream);
        var theta = network.Initialize(random);
        var optimizer = new MlpOptimizer(Settings.Optimizer, Settings.LearningRate, network.ParameterCount);
        var gradient = new double[network.ParameterCount];
        var order = Enumerable.Range(0, n).ToArray();
        var batchSize = Math.Min(Settings.BatchSize, n);
        var masks = Settings.Dropouts.Any(d => d > 0) ? NewMasks(network, batchSize) : null;
        for (var epoch = 0; epoch < Settings.Epochs; epoch++)
        {
            for (var i = n - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            for (var start = 0; start < n; start += batchSize)
            {
                var rows = order.AsSpan(start, Math.Min(batchSize, n - start));
                if (masks is not null) DrawMasks(masks, rows.Length, random);
                var loss = network.LossAndGradient(theta, x, y, rows, masks, Settings.Loss, gradient);
                if (!double.IsFinite(loss)) throw new ArithmeticException($"[NeuralNetwork] training diverged (loss {loss} in epoch {epoch + 1}); lower learning_rate or set normalization = True");
                optimizer.Step(theta, gradient);
            }
        }
        if (!theta.All(double.IsFinite)) throw new ArithmeticException("[NeuralNetwork] training diverged (non-finite weights)");
        return network.ToModel(theta);
    }

    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);

    private double[][][] NewMasks(MlpNetwork network, int batchSize) =>
        Enumerable.Range(0, batchSize).Select(_ => Enumerable.Range(0, Settings.HiddenSizes.Count).Select(l => new double[network.HiddenWidth(l)]).ToArray()).ToArray();

    /// <summary>Inverted dropout: a unit is kept with probability 1 − rate and then scaled by 1/(1 − rate).</summary>
    private void DrawMasks(double[][][] masks, int rows, SeededRandom random)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var l = 0; l < masks[r].Length; l++)
            {
                var rate = Settings.Dropouts[l];
                var keep = 1 / (1 - rate);
                var mask = masks[r][l];
                for (var u = 0; u < mask.Length; u++) mask[u] = rate == 0 || random.NextDouble() >= rate ? keep : 0;
            }
        }
    }
}
