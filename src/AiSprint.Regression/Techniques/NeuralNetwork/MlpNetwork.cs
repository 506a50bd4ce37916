namespace AiSprint.Regression.Techniques.NeuralNetwork;

/// <summary>
/// The layout of a Sequential MLP over one flat parameter vector (W₀, b₀, W₁, b₁, …; W row-major [output][input]),
/// with forward and backward passes for training. Hidden layers are Dense + activation followed by Dropout, applied
/// as a per-row mask of 0 or 1/(1 − rate) (Keras' inverted dropout); the output layer is a linear Dense(1).
/// One instance holds scratch buffers, so it serves one training at a time.
/// </summary>
internal sealed class MlpNetwork
{
    private readonly int[] _sizes;
    private readonly int[] _weightOffset;
    private readonly int[] _biasOffset;
    private readonly MlpActivation _activation;
    // Per layer: pre-activation z, activation h = act(z), and the layer output a = h·mask.
    private readonly double[][] _z, _h, _a, _delta;

    public MlpNetwork(int features, IReadOnlyList<int> hidden, MlpActivation activation)
    {
        _activation = activation;
        _sizes = [features, .. hidden, 1];
        var layers = _sizes.Length - 1;
        _weightOffset = new int[layers];
        _biasOffset = new int[layers];
        var offset = 0;
        for (var l = 0; l < layers; l++)
        {
            _weightOffset[l] = offset;
            offset += _sizes[l] * _sizes[l + 1];
            _biasOffset[l] = offset;
            offset += _sizes[l + 1];
        }
        ParameterCount = offset;
        _z = new double[layers][];
        _h = new double[layers][];
        _a = new double[layers][];
        _delta = new double[layers][];
        for (var l = 0; l < layers; l++)
        {
            _z[l] = new double[_sizes[l + 1]];
            _h[l] = new double[_sizes[l + 1]];
            _a[l] = new double[_sizes[l + 1]];
            _delta[l] = new double[_sizes[l + 1]];
        }
    }

    public int ParameterCount { get; }

    public int LayerCount => _sizes.Length - 1;

    /// <summary>Width of hidden layer <paramref name="l"/> (a dropout mask has this length).</summary>
    public int HiddenWidth(int l) => _sizes[l + 1];

    /// <summary>Keras' defaults: glorot_uniform kernels (U(±√(6/(fan_in + fan_out)))), zero biases.</summary>
    public double[] Initialize(SeededRandom random)
    {
        var theta = new double[ParameterCount];
        for (var l = 0; l < LayerCount; l++)
        {
            var limit = Math.Sqrt(6.0 / (_sizes[l] + _sizes[l + 1]));
            for (var k = 0; k < _sizes[l] * _sizes[l + 1]; k++) theta[_weightOffset[l] + k] = (2 * random.NextDouble() - 1) * limit;
        }
        return theta;
    }

    /// <summary>
    /// Mean loss over <paramref name="rows"/> and its gradient (overwritten into <paramref name="gradient"/>), with
    /// <paramref name="masks"/>[r][l] the dropout mask of batch row r at hidden layer l (null: no dropout).
    /// </summary>
    public double LossAndGradient(double[] theta, double[][] x, double[] y, ReadOnlySpan<int> rows, double[][][]? masks, MlpLoss loss, double[] gradient)
    {
        Array.Clear(gradient);
        var total = 0.0;
        var scale = 1.0 / rows.Length;
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            var rowMasks = masks?[r];
            var predicted = Forward(theta, x[row], rowMasks);
            total += Losses.Value(loss, predicted, y[row]);
            Backward(theta, x[row], Losses.Derivative(loss, predicted, y[row]) * scale, rowMasks, gradient);
        }
        return total * scale;
    }

    private double Forward(double[] theta, double[] x, double[][]? masks)
    {
        var input = x;
        for (var l = 0; l < LayerCount; l++)
        {
            int inputs = _sizes[l], outputs = _sizes[l + 1];
            var hidden = l < LayerCount - 1;
            for (var o = 0; o < outputs; o++)
            {
                var z = theta[_biasOffset[l] + o];
                var w = _weightOffset[l] + o * inputs;
                for (var i = 0; i < inputs; i++) z += theta[w + i] * input[i];
                _z[l][o] = z;
                var h = hidden ? Activations.Apply(_activation, z) : z;
                _h[l][o] = h;
                _a[l][o] = hidden && masks is not null ? h * masks[l][o] : h;
            }
            input = _a[l];
        }
        return _a[LayerCount - 1][0];
    }

    /// <summary>Adds the gradient of <paramref name="outputGradient"/>·ŷ for the row last passed to <see cref="Forward"/>.</summary>
    private void Backward(double[] theta, double[] x, double outputGradient, double[][]? masks, double[] gradient)
    {
        _delta[LayerCount - 1][0] = outputGradient;
        for (var l = LayerCount - 1; l >= 0; l--)
        {
            int inputs = _sizes[l], outputs = _sizes[l + 1];
            var input = l == 0 ? x : _a[l - 1];
            var delta = _delta[l];
            for (var o = 0; o < outputs; o++)
            {
                var d = delta[o];
                gradient[_biasOffset[l] + o] += d;
                if (d == 0) continue;
                var w = _weightOffset[l] + o * inputs;
                for (var i = 0; i < inputs; i++) gradient[w + i] += d * input[i];
            }
            if (l == 0) break;
            var previous = _delta[l - 1];
            for (var i = 0; i < inputs; i++)
            {
                var sum = 0.0;
                for (var o = 0; o < outputs; o++) sum += theta[_weightOffset[l] + o * inputs + i] * delta[o];
                var mask = masks is null ? 1.0 : masks[l - 1][i];
                previous[i] = mask == 0 ? 0 : sum * mask * Activations.Derivative(_activation, _z[l - 1][i], _h[l - 1][i]);
            }
        }
    }

    /// <summary>The fitted model: the parameter vector cut into layers.</summary>
    public MlpModel ToModel(double[] theta)
    {
        var layers = new List<DenseLayer>();
        for (var l = 0; l < LayerCount; l++)
        {
            int inputs = _sizes[l], outputs = _sizes[l + 1];
            layers.Add(new DenseLayer(inputs, outputs, theta.AsSpan(_weightOffset[l], inputs * outputs).ToArray(), theta.AsSpan(_biasOffset[l], outputs).ToArray()));
        }
        return new MlpModel(_activation, layers);
    }
}
