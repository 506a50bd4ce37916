namespace AiSprint.Regression.Techniques.NeuralNetwork;

/// <summary>
/// One fitted Dense layer: <see cref="Weights"/> row-major [output][input] (Keras stores the transpose, [input][output]),
/// <see cref="Biases"/> one per output.
/// </summary>
public sealed record DenseLayer(int Inputs, int Outputs, double[] Weights, double[] Biases);

/// <summary>
/// A fitted multilayer perceptron as aMLLibrary's Keras model computes it at prediction time: every hidden layer is
/// Dense + <see cref="Activation"/> (Dropout is the identity outside training), the last layer is a linear Dense(1).
/// </summary>
public sealed record MlpModel(MlpActivation Activation, IReadOnlyList<DenseLayer> Layers) : IRegressor
{
    /// <inheritdoc/>
    public double Predict(IReadOnlyList<double> x)
    {
        var input = x.ToArray();
        for (var l = 0; l < Layers.Count; l++)
        {
            var layer = Layers[l];
            var output = new double[layer.Outputs];
            var hidden = l < Layers.Count - 1;
            for (var o = 0; o < layer.Outputs; o++)
            {
                var z = layer.Biases[o];
                var row = o * layer.Inputs;
                for (var i = 0; i < layer.Inputs; i++) z += layer.Weights[row + i] * input[i];
                output[o] = hidden ? Activations.Apply(Activation, z) : z;
            }
            input = output;
        }
        return input[0];
    }

    /// <summary>Consecutive layers fit together, the first reads <paramref name="features"/> values, the last has one output, all numbers finite.</summary>
    public bool IsWellFormed(int features)
    {
        if (Layers.Count == 0 || Layers[^1].Outputs != 1) return false;
        var inputs = features;
        foreach (var layer in Layers)
        {
            if (layer.Inputs != inputs || layer.Outputs < 1 || layer.Weights is null || layer.Biases is null
                || layer.Weights.Length != layer.Inputs * layer.Outputs || layer.Biases.Length != layer.Outputs) return false;
            if (!layer.Weights.All(double.IsFinite) || !layer.Biases.All(double.IsFinite)) return false;
            inputs = layer.Outputs;
        }
        return true;
    }
}
