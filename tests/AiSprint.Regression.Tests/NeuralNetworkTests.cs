using AiSprint.Model;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Techniques.NeuralNetwork;

namespace AiSprint.Regression.Tests;

public class NeuralNetworkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static NeuralNetworkSettings Settings(int[] hidden, MlpActivation activation = MlpActivation.Relu, double dropout = 0, int epochs = 200,
        double learningRate = 0.01, MlpOptimizerKind optimizer = MlpOptimizerKind.Adam, MlpLoss loss = MlpLoss.MeanSquaredError, int batch = 10) =>
        new(hidden, hidden.Select(_ => dropout).ToArray(), activation, optimizer, learningRate, loss, batch, epochs);

    private static (double[][] X, double[] Y) Sample(int n, Func<double, double, double> f, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => new[] { random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1 }).ToArray();
        return (x, x.Select(r => f(r[0], r[1])).ToArray());
    }

    private static double Rmse(IRegressor model, double[][] x, double[] y) =>
        Math.Sqrt(x.Select((row, i) => Math.Pow(model.Predict(row) - y[i], 2)).Average());

    [Theory]
    [InlineData(MlpActivation.Tanh, nameof(MlpLoss.MeanSquaredError))]
    [InlineData(MlpActivation.Sigmoid, nameof(MlpLoss.MeanAbsolutePercentageError))]
    [InlineData(MlpActivation.Elu, nameof(MlpLoss.MeanSquaredError))]
    [InlineData(MlpActivation.Softplus, nameof(MlpLoss.MeanAbsoluteError))]
    [InlineData(MlpActivation.Relu, nameof(MlpLoss.MeanSquaredError))]
    // The loss travels by name: a public theory cannot take the engine's internal enum as a parameter.
    public void Backpropagation_matches_finite_differences_with_dropout_masks(MlpActivation activation, string lossName)
    {
        var loss = Enum.Parse<MlpLoss>(lossName);
        var (x, y) = Sample(6, (a, b) => 1 + a * b + Math.Sin(3 * a), 1);
        var network = new MlpNetwork(2, [5, 4], activation);
        var theta = network.Initialize(SeededRandom.For(3, 7));
        for (var k = 0; k < theta.Length; k++) theta[k] += 0.01 * ((k * 37 % 11) - 5); // biases away from 0 too
        int[] rows = [4, 0, 2, 5];
        // Fixed masks: some units dropped (0), the others scaled by 1/(1 − 0.25).
        var masks = rows.Select((_, r) => new[] { Enumerable.Range(0, 5).Select(u => (u + r) % 3 == 0 ? 0.0 : 1 / 0.75).ToArray(), Enumerable.Range(0, 4).Select(u => (u * r) % 4 == 1 ? 0.0 : 1 / 0.75).ToArray() }).ToArray();
        var gradient = new double[network.ParameterCount];
        network.LossAndGradient(theta, x, y, rows, masks, loss, gradient);
        var scratch = new double[network.ParameterCount];
        const double h = 1e-6;
        for (var k = 0; k < theta.Length; k++)
        {
            var saved = theta[k];
            theta[k] = saved + h;
            var plus = network.LossAndGradient(theta, x, y, rows, masks, loss, scratch);
            theta[k] = saved - h;
            var minus = network.LossAndGradient(theta, x, y, rows, masks, loss, scratch);
            theta[k] = saved;
            var numeric = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[k]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"parameter {k}: backprop {gradient[k]}, finite difference {numeric}");
        }
    }

    [Fact]
    public void Learns_a_linear_function_to_low_error()
    {
        var (x, y) = Sample(200, (a, b) => 3 + 2 * a - b, 2);
        var model = new MlpTrainer(Settings([16], epochs: 150), 0).Fit(x, y);
        var (tx, ty) = Sample(100, (a, b) => 3 + 2 * a - b, 3);
        var rmse = Rmse(model, tx, ty);
        output.WriteLine($"linear: test RMSE {rmse:F5}");
        Assert.True(rmse < 0.05, $"RMSE {rmse}");
    }

    [Fact]
    public void Learns_a_smooth_nonlinear_function_to_low_error()
    {
        static double F(double a, double b) => Math.Sin(2 * a) + b * b;
        var (x, y) = Sample(300, F, 4);
        var model = new MlpTrainer(Settings([32, 32], MlpActivation.Tanh, epochs: 300, learningRate: 0.005), 0).Fit(x, y);
        var (tx, ty) = Sample(200, F, 5);
        var rmse = Rmse(model, tx, ty);
        var spread = Math.Sqrt(ty.Select(v => Math.Pow(v - ty.Average(), 2)).Average());
        output.WriteLine($"sin(2a) + b²: test RMSE {rmse:F5} (target sd {spread:F3})");
        Assert.True(rmse < 0.1 * spread, $"RMSE {rmse} against a target spread of {spread}");
    }

    [Theory]
    [InlineData(nameof(MlpOptimizerKind.Sgd))]
    [InlineData(nameof(MlpOptimizerKind.RmsProp))]
    [InlineData(nameof(MlpOptimizerKind.Adagrad))]
    public void Other_optimizers_reduce_the_training_error(string optimizerName)
    {
        var optimizer = Enum.Parse<MlpOptimizerKind>(optimizerName);
        var (x, y) = Sample(100, (a, b) => 1 + a - 0.5 * b, 6);
        var untrained = new MlpTrainer(Settings([8], MlpActivation.Tanh, epochs: 0, optimizer: optimizer), 0).Fit(x, y);
        var trained = new MlpTrainer(Settings([8], MlpActivation.Tanh, epochs: 100, optimizer: optimizer, learningRate: 0.05), 0).Fit(x, y);
        Assert.True(Rmse(trained, x, y) < 0.2 * Rmse(untrained, x, y), $"{optimizer}: {Rmse(untrained, x, y)} → {Rmse(trained, x, y)}");
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_the_learning_rate_against_its_gradient()
    {
        // After one step m = 0.1·g, v = 0.001·g² and Keras' step is lr·√0.001/0.1 · m/(√v + ε): lr·√0.001·g/(√0.001·|g| + 1e-7),
        // i.e. ≈ lr·sign(g) with ε outside the bias correction (where a textbook Adam would put ε/√0.001).
        var optimizer = new MlpOptimizer(MlpOptimizerKind.Adam, 0.01, 3);
        double[] parameters = [1, 1, 1];
        optimizer.Step(parameters, [2, -0.5, 0]);
        static double Step(double g, double v = 0.001) => 0.01 * Math.Sqrt(v) * g / (Math.Sqrt(v) * Math.Abs(g) + 1e-7);
        Assert.Equal(1 - Step(2), parameters[0], 14);
        Assert.Equal(1 - Step(-0.5), parameters[1], 14);
        Assert.Equal(1, parameters[2], 14);
        optimizer.Step(parameters, [2, -0.5, 0]);
        // A second identical gradient: m = 0.19·g, v = (1 − 0.999²)·g², correction √(1 − 0.999²)/0.19: the same form with 1 − 0.999².
        Assert.Equal(1 - Step(2) - Step(2, 1 - 0.999 * 0.999), parameters[0], 14);
    }

    [Fact]
    public void Initial_weights_follow_glorot_uniform_and_biases_are_zero()
    {
        var network = new MlpNetwork(30, [50], MlpActivation.Relu);
        var model = network.ToModel(network.Initialize(SeededRandom.For(0, 1)));
        var limit = Math.Sqrt(6.0 / (30 + 50));
        var weights = model.Layers[0].Weights;
        Assert.All(weights, w => Assert.InRange(Math.Abs(w), 0, limit));
        // U(−l, l) has variance l²/3; 1500 draws pin it within a few percent.
        Assert.InRange(weights.Average(w => w * w) / (limit * limit / 3), 0.9, 1.1);
        Assert.All(model.Layers.SelectMany(l => l.Biases), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Training_is_deterministic_per_seed()
    {
        var (x, y) = Sample(40, (a, b) => a + b, 7);
        var settings = Settings([8, 4], dropout: 0.3, epochs: 20);
        var first = new MlpTrainer(settings, 5).Fit(x, y);
        var again = new MlpTrainer(settings, 5).Fit(x, y);
        var other = new MlpTrainer(settings, 6).Fit(x, y);
        Assert.Equal(first.Layers.SelectMany(l => l.Weights), again.Layers.SelectMany(l => l.Weights));
        Assert.NotEqual(first.Layers.SelectMany(l => l.Weights), other.Layers.SelectMany(l => l.Weights));
    }

    [Fact]
    public void A_diverging_training_fails_instead_of_predicting_nan()
    {
        var x = Enumerable.Range(0, 20).Select(i => new double[] { i * 1e3 }).ToArray();
        var y = x.Select(r => r[0] * 1e3).ToArray();
        Assert.Throws<ArithmeticException>(() => new MlpTrainer(Settings([4], MlpActivation.Linear, epochs: 50, learningRate: 10, optimizer: MlpOptimizerKind.Sgd), 0).Fit(x, y));
    }

    private static GridPoint Point(params (string Name, IniValue Value)[] settings) => new(settings.Select(s => new HyperparameterSetting(s.Name, s.Value)).ToList());

    private static IniList Ints(params int[] values) => new(values.Select(v => (IniValue)new IniInteger(v)).ToValueList());

    private static IniList Floats(params double[] values) => new(values.Select(v => (IniValue)new IniFloat(v)).ToValueList());

    [Fact]
    public void Dropouts_are_one_rate_per_layer_or_one_for_all_as_aMLLibrary_indexes_them()
    {
        // neural_network.ini pairs n_features [64, 32] with dropouts [0.5, 0.3, 0.7]: aMLLibrary uses dropouts[i] per layer, so the 0.7 is unused.
        var listed = NeuralNetworkSettings.From(Point(("n_features", Ints(64, 32)), ("dropouts", Floats(0.5, 0.3, 0.7))));
        Assert.Equal([0.5, 0.3], listed.Dropouts);
        var scalar = NeuralNetworkSettings.From(Point(("n_features", Ints(128, 128, 32)), ("dropouts", new IniFloat(0.2))));
        Assert.Equal([0.2, 0.2, 0.2], scalar.Dropouts);
        var ex = Assert.Throws<RegressionException>(() => NeuralNetworkSettings.From(Point(("n_features", Ints(128, 128, 32)), ("dropouts", Floats(0.5, 0.3)))));
        Assert.Contains("2 rates for 3 layers", ex.Message);
        var defaults = NeuralNetworkSettings.From(GridPoint.Empty);
        Assert.Equal([20, 10], defaults.HiddenSizes);
        Assert.Equal((MlpOptimizerKind.Adam, 0.001, MlpLoss.MeanSquaredError, 10, 5), (defaults.Optimizer, defaults.LearningRate, defaults.Loss, defaults.BatchSize, defaults.Epochs));
    }

    [Fact]
    public void Unknown_activation_optimizer_or_option_names_are_errors()
    {
        Assert.Throws<NotImplementedCapabilityException>(() => NeuralNetworkSettings.From(Point(("activation", new IniString("gelu")))));
        Assert.Throws<NotImplementedCapabilityException>(() => NeuralNetworkSettings.From(Point(("optimizer", new IniString("lbfgs")))));
        var ex = Assert.Throws<RegressionException>(() => TechniqueCatalog.Bind(AmlTechnique.NeuralNetwork, Point(("n_neurons", Ints(3)))));
        Assert.Contains("n_neurons", ex.Message);
    }
}
